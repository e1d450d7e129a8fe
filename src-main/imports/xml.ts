import { SaxesParser } from 'saxes';
import { XmlScanner } from './xml-scan';
import { corruptWorkbook } from './zip';

export interface XmlHandlers {
  /** Element names come without their namespace prefix (`x:row` is `row`). */
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A push parser over one part of a workbook: bytes go in a chunk at a time, the handlers are called as elements
 * open and close. Entities beyond XML's five (and so any entity expansion bomb) are an error, not expanded.
 */
/**
 * A push parser over one part of a workbook: bytes go in a chunk at a time, the handlers are called as elements
 * open and close. `strict` (saxes, for the small structural parts) refuses anything that is not well-formed XML;
 * `fast` (xml-scan.ts, for worksheets and shared strings) reads their simple subset of XML many times faster.
 * Neither expands entities beyond XML's own, so no entity bomb can grow.
 */
export class XmlPart {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly push: (text: string) => void;
  private readonly end: () => void;

  constructor(
    private readonly fileName: string,
    private readonly part: string,
    handlers: XmlHandlers,
    mode: 'strict' | 'fast' = 'strict',
  ) {
    if (mode === 'fast') {
      const scanner = new XmlScanner(handlers);
      this.push = (text) => scanner.write(text);
      this.end = () => scanner.close();
      return;
    }
    const parser = new SaxesParser({ xmlns: false });
    const { open, text, close } = handlers;
    if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing));
    if (text) {
      parser.on('text', text);
      parser.on('cdata', text);
    }
    if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
    this.push = (chunk) => parser.write(chunk);
    this.end = () => parser.close();
  }

  write(bytes: Uint8Array): void {
    this.feed(() => this.push(this.decoder.decode(bytes, { stream: true })));
  }

  close(): void {
    this.feed(() => {
      this.push(this.decoder.decode());
      this.end();
    });
  }

  private feed(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof Error && error.name === 'AppError') throw error;
      throw corruptWorkbook(this.fileName, `${this.part}: ${error instanceof Error ? error.message.slice(0, 160) : String(error)}`);
    }
  }
}

/** Parses a whole (small) part. */
export function parseXml(chunks: Iterable<Uint8Array>, fileName: string, part: string, handlers: XmlHandlers, mode: 'strict' | 'fast' = 'strict'): void {
  const xml = new XmlPart(fileName, part, handlers, mode);
  for (const chunk of chunks) xml.write(chunk);
  xml.close();
}
