import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInSources } from '../../src-shared/contract';
import { valueKey } from '../../src-main/imports/keys';
import { employmentTypeSynonyms, scheduleSynonyms, sourceSynonyms, stageSynonyms, ValueMatcher, workModeSynonyms, type Synonyms } from '../../src-main/imports/values';

const leads = ['via', 'from', 'through', 'thru', 'on', 'by', 'using', 'par', 'sur', 'depuis', 'avec'];

/**
 * The rule as docs/imports.md states it, written the plain way: an exact key, else the first phrase in list order
 * (longer than three letters) that the value holds as whole words — for names, only where the name begins: at the
 * start or right after "via", "sur" …
 */
function reference<T extends string>(synonyms: Synonyms<T>, extra: [string, T][], names: boolean): (key: string) => T | undefined {
  const exact = new Map<string, T>(extra.filter(([key]) => key));
  const phrases: [string, T][] = [];
  for (const [target, list] of synonyms) {
    for (const name of list) {
      const key = valueKey(name);
      if (!exact.has(key)) exact.set(key, target);
      phrases.push([key, target]);
    }
  }
  const holds = (key: string, phrase: string) => ` ${key} `.includes(` ${phrase} `);
  return (key) =>
    exact.get(key) ??
    phrases.find(([phrase]) => phrase.length > 3 && (names ? `${key} `.startsWith(`${phrase} `) || leads.some((lead) => holds(key, `${lead} ${phrase}`)) : holds(key, phrase)))?.[1];
}

/** Values made of the vocabularies' own words, lead words and other words, so that partial matches are frequent. */
function valuesOf(synonyms: Synonyms<string>, maxWords = 7) {
  const vocabulary = [...new Set(synonyms.flatMap(([, list]) => list.flatMap((name) => valueKey(name).split(' '))))];
  const word = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(...leads), fc.constantFrom('bright', 'network', 'apres', 'x', 'job', ''));
  return fc.array(word, { minLength: 1, maxLength: maxWords }).map((words) => valueKey(words.join(' ')));
}

describe('ValueMatcher', () => {
  it('matches what the plain rule matches, words and names alike', () => {
    const cases: [Synonyms<string>, [string, string][], boolean][] = [
      [stageSynonyms, [], false],
      [workModeSynonyms, [], false],
      [employmentTypeSynonyms, [], false],
      [scheduleSynonyms, [], false],
      [sourceSynonyms, builtInSources.map((source) => [valueKey(source), source]), true],
    ];
    for (const [synonyms, extra, names] of cases) {
      const expected = reference(synonyms, extra, names);
      const matcher = new ValueMatcher(synonyms, extra, names);
      fc.assert(fc.property(valuesOf(synonyms), (key) => matcher.match(key) === expected(key)), { numRuns: 2000 });
      // Free texts (notes) that hold several phrases: the first in list order wins, wherever it stands.
      fc.assert(fc.property(valuesOf(synonyms, 40), (key) => matcher.match(key) === expected(key)), { numRuns: 500 });
    }
  });

  it('finds an outcome inside a longer value, and a source only where its name begins', () => {
    const stages = new ValueMatcher(stageSynonyms);
    expect(stages.match(valueKey('Refusé après entretien'))).toBe('rejected');
    expect(stages.match(valueKey('Waiting for an answer'))).toBe('applied');
    const sources = new ValueMatcher(sourceSynonyms, [], true);
    expect(sources.match(valueKey('Applied via LinkedIn'))).toBe('linkedin');
    expect(sources.match(valueKey('Trouvé sur Indeed'))).toBe('indeed');
    expect(sources.match(valueKey('Bright Network'))).toBeUndefined();
  });
});
