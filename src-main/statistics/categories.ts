import { closedStageCategories, responseStageCategories, stageCategories, type StageCategory } from '../../src-shared/contract/enums';

/**
 * The stage categories as bits, so an application's whole history fits one integer (`reached`): bit i is the
 * i-th category of `stageCategories` (wishlist = 1, applied = 2, screening = 4 …).
 */
export const categoryBit = Object.fromEntries(stageCategories.map((category, index) => [category, 1 << index])) as Record<StageCategory, number>;

export const bitsOf = (categories: readonly StageCategory[]) => categories.reduce((mask, category) => mask | categoryBit[category], 0);

/** SQL giving the bit of a category column, e.g. `CASE s.category WHEN 'wishlist' THEN 1 … END`. */
export function categoryBitSql(column: string): string {
  return `CASE ${column} ${stageCategories.map((category) => `WHEN '${category}' THEN ${categoryBit[category]}`).join(' ')} ELSE 0 END`;
}

/** The funnel: the categories an application moves forward through, in order. */
export const pipeline: readonly StageCategory[] = ['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted'];

/** "Reached X" in the funnel means reached X or any later funnel category. */
export function reachedOrLaterBits(category: StageCategory): number {
  return bitsOf(pipeline.slice(pipeline.indexOf(category)));
}

export const responseBits = bitsOf(responseStageCategories);
export const interviewBits = reachedOrLaterBits('interviewing');
export const offerBits = reachedOrLaterBits('offer');
export const acceptedBits = categoryBit.accepted;
export const closedCategories: readonly StageCategory[] = ['accepted', ...closedStageCategories];

/**
 * How far a sent application got, each level implying the ones before it: 1 sent, 2 answered, 3 interviewed,
 * 4 offered, 5 accepted; 0 for an application not sent (still on the wishlist).
 */
export const levels = { notSent: 0, sent: 1, responded: 2, interviewed: 3, offered: 4, accepted: 5 } as const;

/** The SQL of `levels` over a facts row (columns category, reached, response_day). */
export const levelSql = `CASE
  WHEN category = 'wishlist' THEN ${levels.notSent}
  WHEN reached & ${acceptedBits} THEN ${levels.accepted}
  WHEN reached & ${offerBits} THEN ${levels.offered}
  WHEN reached & ${interviewBits} THEN ${levels.interviewed}
  WHEN response_day IS NOT NULL OR reached & ${responseBits} THEN ${levels.responded}
  ELSE ${levels.sent} END`;
