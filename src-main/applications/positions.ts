import { words } from '../../src-shared/text';

/**
 * When two job titles name the same position, for duplicate warnings: the same words in any order, whatever the
 * case, accents and punctuation ("Engineer, Data" = "Data engineer"), written together or apart ("Front-end" =
 * "Frontend"), or with one typo ("Developper"); never across seniorities ("Data engineer" is not "Senior data
 * engineer", nor "Intern"). Each title gets a few keys (`positionKeys`); two titles are the same position when they
 * share a key, which lets a file of thousands of titles be checked with lookups instead of comparing every pair.
 */

/** Words that say nothing about the job ("H/F", "F/H", articles, the feminine ending of "développeur·se"). */
const noise = new Set(['h', 'f', 'm', 'x', 'w', 'd', 'hf', 'fh', 'mf', 'fm', 'e', 'se', 'de', 'du', 'des', 'la', 'le', 'les', 'l', 'en', 'et', 'a', 'an', 'the', 'of', 'and', 'in', 'for']);

/** Words of seniority, with their abbreviations: titles differing by them are different positions. */
const seniority = new Map<string, string>([
  ['senior', 'senior'], ['sr', 'senior'], ['snr', 'senior'], ['junior', 'junior'], ['jr', 'junior'], ['jnr', 'junior'],
  ['lead', 'lead'], ['principal', 'principal'], ['staff', 'staff'], ['head', 'head'], ['chief', 'chief'],
  ['intern', 'intern'], ['internship', 'intern'], ['stagiaire', 'intern'], ['stage', 'intern'], ['trainee', 'intern'],
  ['alternant', 'apprentice'], ['alternante', 'apprentice'], ['alternance', 'apprentice'], ['apprenti', 'apprentice'], ['apprentice', 'apprentice'],
  ['confirme', 'confirmed'], ['confirmee', 'confirmed'], ['experimente', 'experienced'], ['experimentee', 'experienced'],
  ['debutant', 'entry'], ['debutante', 'entry'], ['entry', 'entry'], ['graduate', 'graduate'], ['associate', 'associate'],
  ['mid', 'mid'], ['i', '1'], ['ii', '2'], ['iii', '3'], ['iv', '4'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['vp', 'vp'],
]);

/** Short forms people write for the same word. */
const abbreviations = new Map([['dev', 'developer'], ['eng', 'engineer'], ['engr', 'engineer'], ['mgr', 'manager'], ['sw', 'software']]);

/** A word may differ by one letter from its twin only from this length on ("QA" and "QE" are not a typo). */
const typoMinLength = 4;

export interface PositionKeys {
  /** Same words in any order, same seniority. */
  exact: string;
  /** The words written together, in order ("front end" and "frontend"). */
  joined: string;
  /** The exact key and the keys with one letter of one long word left out: a shared one is one typo apart. */
  typo: string[];
}

function parts(title: string): { level: string; core: string[] } {
  const level: string[] = [];
  const core: string[] = [];
  for (const word of words(title)) {
    if (noise.has(word)) continue;
    const rank = seniority.get(word);
    if (rank) level.push(rank);
    else core.push(abbreviations.get(word) ?? word);
  }
  return { level: [...new Set(level)].sort().join('+'), core };
}

export function positionKeys(title: string): PositionKeys {
  const { level, core } = parts(title);
  const sorted = [...core].sort();
  return { exact: `${level}|${sorted.join(' ')}`, joined: `${level}|${core.join('')}`, typo: typoKeys(level, sorted) };
}

/**
 * The typo keys of a title of this seniority and these sorted words: its exact key, then the key with one letter of
 * one long word left out, each once. The import's duplicate finder makes them from an exact key (title-keys.ts).
 */
export function typoKeys(level: string, sorted: readonly string[]): string[] {
  const typo = [`${level}|${sorted.join(' ')}`];
  sorted.forEach((word, index) => {
    // Numbers are never typos of each other ("team 1", "team 11"), nor short words.
    if (word.length < typoMinLength || /\d/.test(word)) return;
    for (let at = 0; at < word.length; at += 1) {
      const variant = [...sorted];
      variant[index] = word.slice(0, at) + word.slice(at + 1);
      typo.push(`${level}|${variant.sort().join(' ')}`);
    }
  });
  return [...new Set(typo)];
}

/** Whether two titles name the same position (see above). */
export function samePosition(a: string, b: string): boolean {
  const left = positionKeys(a);
  const right = positionKeys(b);
  if (left.exact === right.exact || left.joined === right.joined) return true;
  const variants = new Set(left.typo);
  return right.typo.some((key) => variants.has(key));
}
