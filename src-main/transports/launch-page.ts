import { languageOf, languages, resources, type Language } from '../../src-shared/i18n';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The request's preferred language first (Accept-Language), the other one after it. */
function languagesFor(acceptLanguage: string | undefined): Language[] {
  const first = languageOf(acceptLanguage?.split(',')[0]?.trim());
  return [first, ...languages.filter((language) => language !== first)];
}

function section(language: Language, origin: string, used: boolean): string {
  const text = resources[language].launch;
  const prefix = `<code>${escapeHtml(`${origin}/?launch=`)}</code>`;
  const paragraphs = [
    used ? `<p class="used">${escapeHtml(text.used)}</p>` : '',
    `<p>${escapeHtml(text.howTo).replace('{{prefix}}', prefix)}</p>`,
    `<p>${escapeHtml(text.once)}</p>`,
    `<p>${escapeHtml(text.key)}</p>`,
    `<p>${escapeHtml(text.scripts)}</p>`,
  ];
  return `<section lang="${language}"><h1>${escapeHtml(text.heading)}</h1>${paragraphs.join('')}</section>`;
}

/**
 * What the browser shell serves, instead of the app, to a browser it has not let in (no session cookie): how to
 * open Candid, in English and French, and no key of any kind. `used`: the browser came with a launch address that
 * was already used or was never issued.
 */
export function launchPage(origin: string, options: { used: boolean; acceptLanguage?: string }): string {
  const [first, ...others] = languagesFor(options.acceptLanguage);
  const sections = [first, ...others].map((language) => section(language, origin, options.used)).join('<hr />');
  return `<!doctype html>
<html lang="${first}">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(resources[first].launch.title)}</title>
    <style>
      :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
      body { max-width: 40rem; margin: 4rem auto; padding: 0 1.5rem; }
      h1 { font-size: 1.4rem; }
      code { overflow-wrap: anywhere; }
      .used { font-weight: 600; }
      hr { margin: 2rem 0; border: none; border-top: 1px solid currentColor; opacity: 0.3; }
    </style>
  </head>
  <body>
    <main>${sections}</main>
  </body>
</html>
`;
}
