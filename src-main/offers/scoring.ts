import { moneyCriteria, type ComparedOffer, type CriterionScore, type OfferCriterion, type PayFigure, type SalaryPeriod } from '../../src-shared/contract';

export interface YearAssumptions {
  hoursPerWeek: number;
  daysPerWeek: number;
  weeksPerYear: number;
}

/** How many of each period a year holds, by the comparison's assumptions. */
export function periodsPerYear(period: SalaryPeriod, year: YearAssumptions): number {
  switch (period) {
    case 'year':
      return 1;
    case 'month':
      return 12;
    case 'day':
      return year.daysPerWeek * year.weeksPerYear;
    case 'hour':
      return year.hoursPerWeek * year.weeksPerYear;
  }
}

/** A figure for a year in `currency`, rounded to the unit; null when its currency has no rate. */
export function yearly(
  figure: { amount: number; currency: string; period: SalaryPeriod },
  year: YearAssumptions,
  currency: string,
  rates: Record<string, number>,
): number | null {
  const rate = figure.currency === currency ? 1 : rates[figure.currency];
  if (rate === undefined) return null;
  return Math.round(figure.amount * periodsPerYear(figure.period, year) * rate);
}

/** Scores are kept to the half point: finer than that is noise on a /20 scale. */
const toHalf = (value: number) => Math.round(value * 2) / 2;

/** The best yearly pay gets 20, the others in proportion (a pay half as high gets 10). */
export function proposedScore(value: number | null, best: number): number | null {
  if (value === null || best <= 0) return null;
  return toHalf((20 * value) / best);
}

export interface OfferFigures {
  applicationId: string;
  companyName: string;
  position: string;
  stageName: string | null;
  salary: PayFigure | null;
  totalPay: PayFigure | null;
  note: string | null;
  entered: Record<string, number>;
}

/**
 * Scores every offer on every criterion, its weighted total out of 20 (criteria with a weight and a score; the
 * others are listed as unscored), and the best offers per criterion and on the total (ties all count as best).
 */
export function scoreOffers(offers: OfferFigures[], criteria: OfferCriterion[]): { offers: ComparedOffer[]; best: Record<string, string[]> } {
  const bestYearly: Record<string, number> = {};
  for (const key of moneyCriteria) {
    const values = offers.map((offer) => payOf(offer, key)?.yearly ?? null).filter((value): value is number => value !== null);
    bestYearly[key] = values.length ? Math.max(...values) : 0;
  }
  const scored = offers.map((offer): ComparedOffer => {
    const scores: Record<string, CriterionScore> = {};
    let weighted = 0;
    let weights = 0;
    const unscored: string[] = [];
    for (const criterion of criteria) {
      const entered = offer.entered[criterion.key] ?? null;
      const proposed = moneyCriteria.includes(criterion.key) ? proposedScore(payOf(offer, criterion.key)?.yearly ?? null, bestYearly[criterion.key]) : null;
      const value = entered ?? proposed;
      scores[criterion.key] = { value, entered, proposed };
      if (criterion.weight === 0) continue;
      if (value === null) unscored.push(criterion.key);
      else {
        weighted += value * criterion.weight;
        weights += criterion.weight;
      }
    }
    const { entered: _entered, ...rest } = offer;
    return { ...rest, scores, total: weights ? Math.round((weighted / weights) * 100) / 100 : null, unscored };
  });
  const best: Record<string, string[]> = {};
  for (const criterion of criteria) best[criterion.key] = leaders(scored, (offer) => offer.scores[criterion.key]?.value ?? null);
  best.total = leaders(scored, (offer) => offer.total);
  return { offers: scored, best };
}

function payOf(offer: OfferFigures, key: string): PayFigure | null {
  return key === 'salary' ? offer.salary : offer.totalPay;
}

/** The offers sharing the highest value; none when nobody has a value or only one offer is compared. */
function leaders(offers: ComparedOffer[], valueOf: (offer: ComparedOffer) => number | null): string[] {
  if (offers.length < 2) return [];
  const values = offers.map(valueOf);
  const top = Math.max(...values.filter((value): value is number => value !== null));
  if (!Number.isFinite(top)) return [];
  return offers.filter((_offer, index) => values[index] === top).map((offer) => offer.applicationId);
}
