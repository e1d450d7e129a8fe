import { nameKey } from '../../../../src-shared/text';

/** True when every word typed appears (accent- and case-insensitively) somewhere in the candidate's text. */
export function matchesQuery(query: string, ...texts: (string | undefined)[]): boolean {
  const wanted = nameKey(query).split(' ').filter(Boolean);
  if (wanted.length === 0) return true;
  const haystack = nameKey(texts.filter(Boolean).join(' '));
  return wanted.every((word) => haystack.includes(word));
}

/** How well the words typed fit a label: words that start a word of the label count most ("board" → Board, not Dashboard). */
export function matchScore(query: string, label: string): number {
  const wanted = nameKey(query).split(' ').filter(Boolean);
  const words = nameKey(label).split(' ');
  let score = 0;
  for (const word of wanted) {
    if (words.includes(word)) score += 3;
    else if (words.some((candidate) => candidate.startsWith(word))) score += 2;
    else if (nameKey(label).includes(word)) score += 1;
  }
  return score;
}
