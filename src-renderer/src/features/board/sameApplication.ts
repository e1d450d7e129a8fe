import type { ApplicationSummary } from '../../../../src-shared/contract';

/** Equal values: the same primitive, or arrays / plain objects (tags, next step, custom values) equal part by part. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Whether two summaries of an application hold the same values. A column's answers are new objects each time (its
 * first page of 24, then its page of 200, then every refetch after a change), and a card memoised on the object
 * alone drew again with each: nine columns' cards at once when the pages of 200 arrived, while the board scrolled.
 * Every field counts, so a card whose application changed in any way is drawn again.
 */
export function sameApplication(a: ApplicationSummary, b: ApplicationSummary): boolean {
  return sameValue(a, b);
}
