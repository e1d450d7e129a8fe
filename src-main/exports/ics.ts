/** The pieces of RFC 5545 (iCalendar) an export needs: text escaping, UTC times, line folding. */

/** TEXT values: backslash, semicolon and comma escaped, every line break as `\n` (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A URI value (§3.3.13) is written as it is, without TEXT escaping, so it must not hold anything that ends a
 * content line. Only http(s) links are written, serialised by the URL parser (which drops tabs and line breaks
 * and percent-encodes other control characters); anything else gives null and the property is left out. Rows
 * stored before links were normalised on the way in may still hold a line break: this is what keeps one from
 * starting a property or an event of its own.
 */
export function uriValue(value: string | null): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // The parser leaves DEL and some other characters as they are in parts of a URL: encode whatever could still be read as a control.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return url.href.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => encodeURIComponent(char));
}

/** A DATE-TIME in UTC form, `19980119T070000Z` (§3.3.5). */
export function utcDateTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** UTF-8 length of one code point. */
function octetsOf(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so that no line is longer than 75 octets, continuation lines starting with one space
 * (§3.1). Splits between characters, never inside a UTF-8 sequence. Lines end with CRLF.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return `${line}\r\n`;
  const lines: string[] = [];
  let start = 0;
  let size = 0;
  let limit = 75;
  for (let index = 0; index < line.length; ) {
    const codePoint = line.codePointAt(index)!;
    const length = octetsOf(codePoint);
    if (size + length > limit) {
      lines.push(line.slice(start, index));
      start = index;
      size = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    size += length;
    index += codePoint > 0xffff ? 2 : 1;
  }
  lines.push(line.slice(start));
  return `${lines.join('\r\n ')}\r\n`;
}

/** `NAME:value` (value already escaped as its type requires), folded. */
export function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}
