import { absoluteUrl, decodeEntities, parsePage, type AnyNode } from './html';

const blocks = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'ul', 'ol', 'dl', 'table', 'tr', 'blockquote', 'pre',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'form', 'main', 'aside', 'nav', 'figure', 'dt', 'dd',
]);
const skipped = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'button', 'select']);

/**
 * A posting's description as clean text: paragraphs and list items on their own lines, links kept as
 * "label (https://…)", scripts and styles dropped. JSON-LD descriptions are HTML, often entity-encoded once more
 * ("&lt;p&gt;"), so the text is decoded first and read as HTML when tags appear.
 */
export function descriptionText(value: string, baseUrl: string | null): string {
  const decoded = decodeEntities(value);
  if (!/<[a-z!/][^>]*>/i.test(decoded)) return tidy(decoded);
  const out: string[] = [];
  walk(parsePage(decoded).children, out, baseUrl);
  return tidy(out.join(''));
}

function walk(nodes: AnyNode[], out: string[], baseUrl: string | null): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push(node.data.replace(/[\s\u00a0]+/g, ' '));
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const name = node.name;
    if (skipped.has(name)) continue;
    if (name === 'br') {
      out.push('\n');
      continue;
    }
    const block = blocks.has(name);
    if (block) out.push('\n\n');
    if (name === 'li') out.push('\n• ');
    if (name === 'td' || name === 'th') out.push(' ');
    if (name === 'a') {
      const label: string[] = [];
      walk(node.children, label, baseUrl);
      const text = label.join('').replace(/\s+/g, ' ').trim();
      const href = absoluteUrl(node.attribs.href, baseUrl) ?? mailto(node.attribs.href);
      if (!href) out.push(text);
      else if (!text || sameLink(text, href)) out.push(` ${href} `);
      else out.push(`${text} (${href})`);
      continue;
    }
    walk(node.children, out, baseUrl);
    if (block) out.push('\n');
  }
}

function mailto(href: string | undefined): string | null {
  return href && /^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(href.trim()) ? href.trim() : null;
}

function sameLink(text: string, href: string): boolean {
  const bare = (value: string) => value.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, '').toLowerCase();
  return bare(text) === bare(href);
}

/** Lines trimmed, runs of spaces folded, at most one blank line between paragraphs. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
