/** Characters that need an entity or cannot be in XML 1.0 at all; surrogates are checked for pairing below. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const special = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** A surrogate pair (kept: an emoji) first, so that only unpaired halves are left to remove. */
// eslint-disable-next-line no-control-regex -- as above
const eachSpecial = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/g;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text as XML character data or an attribute value: the five special characters as entities, and the characters
 * XML 1.0 forbids (control characters other than tab, line feed and carriage return; DEL, as exceljs did;
 * unpaired surrogates; U+FFFE and U+FFFF) left out. Most cells need nothing: one test, no copy.
 */
export function xmlText(text: string): string {
  if (!special.test(text)) return text;
  return text.replace(eachSpecial, (found) => (found.length === 2 ? found : (entities[found] ?? '')));
}

/** A column's letters, A for 1 and AA for 27. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
