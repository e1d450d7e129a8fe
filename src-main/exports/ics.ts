/** The pieces of RFC 5545 (iCalendar) an export needs: text escaping, UTC times, line folding. */

/** TEXT values: backslash, semicolon and comma escaped, every line break as `\n` (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
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
