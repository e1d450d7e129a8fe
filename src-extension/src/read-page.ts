/**
 * Runs in the page (chrome.scripting.executeScript with `func`): it is serialised alone, so it uses nothing from
 * outside its own body. Returns the page's JSON-LD scripts in a small document when there are any (the posting is
 * in them and the app reads them exactly as it reads a pasted page), else the page's HTML; and the selected text.
 */
export function readPage(): { url: string; html: string; selection: string | null } {
  const maxChars = 4_900_000;
  const scripts = Array.from(document.querySelectorAll('script[type="application/ld+json"]'));
  let html: string;
  if (scripts.length > 0) {
    // A new document built with the DOM, so the title and the scripts' text are escaped by the serialiser.
    const copy = document.implementation.createHTMLDocument(document.title);
    for (const script of scripts) {
      const clone = copy.createElement('script');
      clone.type = 'application/ld+json';
      clone.textContent = script.textContent;
      copy.head.append(clone);
    }
    const canonical = document.querySelector('link[rel="canonical"]');
    if (canonical) copy.head.append(copy.importNode(canonical, false));
    html = `<!doctype html>${copy.documentElement.outerHTML}`;
  } else {
    html = `<!doctype html>${document.documentElement.outerHTML}`;
  }
  const selection = window.getSelection()?.toString().trim() ?? '';
  return { url: location.href, html: html.slice(0, maxChars), selection: selection ? selection.slice(0, 200_000) : null };
}
