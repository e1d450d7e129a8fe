import type { DaysSummary, Rate } from '../../src-shared/contract';

/** A rate that never divides by zero: 0 of nothing is 0, not NaN. */
export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : 0 };
}

/** A value and how many times it occurs: the shape GROUP BY gives back, far smaller than the rows. */
export interface Occurrences {
  value: number;
  count: number;
}

/** Count, median and mean of values given as occurrences (any order). Median of an even count: mean of the middle two. */
export function summarize(histogram: readonly Occurrences[]): DaysSummary {
  const sorted = [...histogram].filter((entry) => entry.count > 0).sort((a, b) => a.value - b.value);
  const count = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (count === 0) return { count: 0, median: 0, mean: 0 };
  const total = sorted.reduce((sum, entry) => sum + entry.value * entry.count, 0);
  return { count, median: (valueAtRank(sorted, Math.floor((count - 1) / 2)) + valueAtRank(sorted, Math.floor(count / 2))) / 2, mean: total / count };
}

/** The value of the rank-th smallest item (0-based) of a sorted histogram. */
function valueAtRank(sorted: readonly Occurrences[], rank: number): number {
  let seen = 0;
  for (const entry of sorted) {
    seen += entry.count;
    if (rank < seen) return entry.value;
  }
  return sorted[sorted.length - 1].value;
}
