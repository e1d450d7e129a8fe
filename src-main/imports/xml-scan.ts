import type { XmlHandlers } from './xml';

/**
 * A fast scanner for the two large parts of a workbook, the worksheets and the shared strings. They use a small,
 * regular subset of XML (elements, attributes, text, the five entities and character references, rarely CDATA or
 * comments), and a worksheet holds millions of cells: a general SAX parser read about 200,000 cells a second here,
 * this reads several million. Tags and text are found with indexOf over text pushed a chunk at a time; a tag cut by
 * a chunk boundary waits for the next chunk. Entities other than XML's own are left as written (never expanded), and
 * a DOCTYPE is skipped, so no entity bomb can grow. The small parts (workbook, styles, relationships) keep the
 * strict parser (xml.ts).
 */

/** The longest unfinished tag (or comment, or CDATA section) kept between two chunks. */
const maxPending = 4 * 1024 * 1024;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const attributePattern = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(tag: string, start: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  attributePattern.lastIndex = start;
  for (let match = attributePattern.exec(tag); match; match = attributePattern.exec(tag)) {
    attributes[match[1]] = decodeEntities(match[2] ?? match[3]);
  }
  return attributes;
}

/** Where the tag that starts at `from` ('<') ends ('>'), quotes respected; -1 when the text ends first. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let index = from + 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 62) return index;
  }
  return -1;
}

export class XmlScanner {
  private pending = '';

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): void {
    const text = this.pending + chunk;
    const { open, close, text: onText } = this.handlers;
    let position = 0;
    for (;;) {
      const lt = text.indexOf('<', position);
      if (lt < 0) {
        // An entity cut by the chunk's end ("&am" | "p;") waits for the rest.
        const amp = text.lastIndexOf('&');
        const stop = amp >= position && text.indexOf(';', amp) < 0 ? amp : text.length;
        if (onText && position < stop) onText(decodeEntitiesSafe(text, position, stop));
        return this.keep(text, stop);
      }
      if (lt > position && onText) onText(decodeEntitiesSafe(text, position, lt));
      const next = text.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (text.startsWith('<!--', lt)) {
          const end = text.indexOf('-->', lt + 4);
          if (end < 0) return this.keep(text, lt);
          position = end + 3;
          continue;
        }
        if (text.startsWith('<![CDATA[', lt)) {
          const end = text.indexOf(']]>', lt + 9);
          if (end < 0) return this.keep(text, lt);
          onText?.(text.slice(lt + 9, end));
          position = end + 3;
          continue;
        }
        if (lt + 9 > text.length) return this.keep(text, lt);
      }
      const end = tagEnd(text, lt);
      if (end < 0) return this.keep(text, lt);
      position = end + 1;
      if (next === 33 || next === 63 /* ? */) continue;
      if (next === 47 /* / */) {
        close?.(localName(text.slice(lt + 2, end).trim()));
        continue;
      }
      const selfClosing = text.charCodeAt(end - 1) === 47;
      let nameEnd = lt + 1;
      while (nameEnd < end) {
        const code = text.charCodeAt(nameEnd);
        if (code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62) break;
        nameEnd += 1;
      }
      const name = localName(text.slice(lt + 1, nameEnd));
      if (open) open(name, nameEnd < end - 1 ? attributesOf(text.slice(0, selfClosing ? end - 1 : end), nameEnd) : {}, selfClosing);
      if (selfClosing) close?.(name);
    }
    this.pending = '';
  }

  /** Keeps an unfinished tag for the next chunk; no tag of a workbook is megabytes long. */
  private keep(text: string, from: number): void {
    if (text.length - from > maxPending) throw new Error('an element or text run is too long to be part of a workbook');
    this.pending = text.slice(from);
  }

  close(): void {
    this.pending = '';
  }
}

function decodeEntitiesSafe(text: string, start: number, end: number): string {
  return decodeEntities(text.slice(start, end));
}
