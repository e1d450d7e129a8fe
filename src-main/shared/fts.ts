import { words } from '../../src-shared/text';

/**
 * Turns what a person typed into an FTS5 query: every word must match, as a prefix, accents ignored.
 * Quoting each word keeps FTS5 syntax characters in user text from being read as operators.
 */
export function ftsQuery(text: string): string | null {
  const terms = words(text).slice(0, 12);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term}"*`).join(' ');
}
