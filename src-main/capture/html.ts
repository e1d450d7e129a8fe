import { parseDocument, DomUtils } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';
import { decodeHTML } from 'entities';

export type { AnyNode, Document, Element };

/** A page parsed the way browsers tolerate it: unclosed tags, stray text, broken attributes never throw. */
export function parsePage(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

export function elements(root: AnyNode | AnyNode[], test: (element: Element) => boolean): Element[] {
  return DomUtils.findAll(test, Array.isArray(root) ? root : [root]);
}

export function attribute(element: Element, name: string): string | undefined {
  return DomUtils.getAttributeValue(element, name);
}

export function textOf(node: AnyNode | AnyNode[]): string {
  return DomUtils.textContent(node);
}

/** Entities decoded, at most twice: some sites encode their JSON-LD's text twice ("&amp;amp;"). */
export function decodeEntities(text: string): string {
  let decoded = text;
  for (let pass = 0; pass < 2 && /&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(decoded); pass++) decoded = decodeHTML(decoded);
  return decoded;
}

/** Whitespace runs folded to one space, ends trimmed. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** `href` made absolute against the page's address; null when it is not an http(s) link. */
export function absoluteUrl(href: string | undefined | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
