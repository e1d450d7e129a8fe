import { DomUtils } from 'htmlparser2';
import { attribute, elements, squash, textOf, type AnyNode, type Document, type Element } from './html';
import { hasType, type LinkedNode } from './json-ld';

/**
 * The JobPosting items of a page's microdata (itemscope itemtype="https://schema.org/JobPosting"), turned into the
 * same shape as JSON-LD so one mapping reads both. A nested itemscope is an object value (hiringOrganization,
 * jobLocation, baseSalary); a property's value comes from content, href, src, datetime or value, else its text.
 */
export function microdataPostings(page: Document): LinkedNode[] {
  return elements(page, (element) => isItem(element) && hasType({ '@type': itemTypes(element) }, 'JobPosting')).map(readItem);
}

function isItem(element: Element): boolean {
  return attribute(element, 'itemscope') !== undefined;
}

function itemTypes(element: Element): string[] {
  return (attribute(element, 'itemtype') ?? '').split(/\s+/).filter(Boolean);
}

function readItem(item: Element): LinkedNode {
  const node: LinkedNode = { '@type': itemTypes(item) };
  const collect = (children: AnyNode[]) => {
    for (const child of children) {
      if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') continue;
      const names = (attribute(child, 'itemprop') ?? '').split(/\s+/).filter(Boolean);
      const value = names.length ? (isItem(child) ? readItem(child) : propertyValue(child)) : undefined;
      for (const name of names) {
        const existing = node[name];
        node[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
      }
      // A nested item's own properties belong to it, not to this item.
      if (!isItem(child)) collect(child.children);
    }
  };
  collect(item.children);
  return node;
}

function propertyValue(element: Element): string {
  const name = element.name;
  if (name === 'meta') return attribute(element, 'content') ?? '';
  if (['a', 'link', 'area'].includes(name)) return attribute(element, 'href') ?? '';
  if (['img', 'audio', 'video', 'source', 'embed', 'iframe'].includes(name)) return attribute(element, 'src') ?? '';
  if (name === 'time') return attribute(element, 'datetime') ?? squash(textOf(element));
  if (name === 'data' || name === 'meter') return attribute(element, 'value') ?? '';
  const content = attribute(element, 'content');
  if (content !== undefined) return content;
  // The description keeps its markup: paragraphs and links are read from it later.
  if (attribute(element, 'itemprop')?.split(/\s+/).includes('description')) return innerHtml(element);
  return squash(textOf(element));
}

function innerHtml(element: Element): string {
  return DomUtils.getInnerHTML(element);
}
