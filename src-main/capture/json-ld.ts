import { attribute, elements, textOf, type Document } from './html';

/** A JSON-LD object as found on the page: untrusted, any shape. */
export type LinkedNode = Record<string, unknown>;

const maxDepth = 12;

/** Whether a node's @type (a string or a list, maybe prefixed "schema:" or a full IRI) names `type`. */
export function hasType(node: LinkedNode, type: string): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((value) => typeof value === 'string' && value.replace(/^.*[/:#]/, '').toLowerCase() === type.toLowerCase());
}

export function isNode(value: unknown): value is LinkedNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JobPosting objects of a page's JSON-LD blocks, wherever they sit: top level, in a list, in an @graph, or
 * nested (a WebPage's mainEntity, an ItemList's itemListElement). References by @id ({"@id": "#org"}) are
 * resolved against every node of the page. A block that is not valid JSON is repaired where the fault is a
 * common one (raw line breaks in strings, trailing commas, an HTML comment around it), else skipped.
 */
export function jsonLdPostings(page: Document): LinkedNode[] {
  const roots = elements(page, (element) => element.name === 'script' && /^application\/ld\+json\b/i.test(attribute(element, 'type')?.trim() ?? ''))
    .map((script) => parseLenient(textOf(script)))
    .filter((value) => value !== undefined);
  const byId = new Map<string, LinkedNode>();
  const postings: LinkedNode[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > maxDepth) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isNode(value)) return;
    if (typeof value['@id'] === 'string' && Object.keys(value).length > 1) byId.set(value['@id'], value);
    if (hasType(value, 'JobPosting')) postings.push(value);
    for (const [key, child] of Object.entries(value)) if (key !== '@context') visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return [...new Set(postings)].map((posting) => resolveReferences(posting, byId, 0) as LinkedNode);
}

function resolveReferences(value: unknown, byId: Map<string, LinkedNode>, depth: number): unknown {
  if (depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, byId, depth + 1));
  if (!isNode(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value['@id'] === 'string') return byId.get(value['@id']) ?? value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, resolveReferences(child, byId, depth + 1)]));
}

/** JSON.parse, then the same text repaired; undefined when neither parses. */
export function parseLenient(text: string): unknown {
  const trimmed = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .trim();
  if (!trimmed) return undefined;
  for (const candidate of [trimmed, repair(trimmed)]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

/**
 * Fixes what hand-written and templated JSON-LD gets wrong most often: control characters (line breaks, tabs)
 * raw inside strings, commas before a closing bracket, and several objects written one after the other.
 */
function repair(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') {
        out += char + (text[i + 1] ?? '');
        i++;
      } else if (char === '"') {
        inString = false;
        out += char;
      } else if (char < ' ') out += char === '\n' ? '\\n' : char === '\t' ? '\\t' : ' ';
      else out += char;
      continue;
    }
    if (char === '"') inString = true;
    out += char;
  }
  out = out.replace(/,\s*([}\]])/g, '$1');
  // "{…}{…}" or "{…},{…}" at the top level: a list of objects.
  if (/^\{[\s\S]*\}\s*,?\s*\{[\s\S]*\}$/.test(out)) out = `[${out.replace(/\}\s*,?\s*\{(?=\s*")/g, '},{')}]`;
  return out;
}
