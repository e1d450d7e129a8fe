import { z } from 'zod';
import { currency, id, idInput, optionalText, requiredText, type RowTimes } from './common';
import { salaryPeriods, type SalaryPeriod } from './enums';

/**
 * Offer comparison (issue 15, item 2): the offers of the applications in the offer stage category, side by side,
 * each scored out of 20 on criteria the user weighs, with a weighted total. Pay given per hour, day, month or year
 * is turned into a yearly figure in the comparison's currency with the comparison's own assumptions (hours and
 * days a week, weeks a year) and the exchange rates the user typed; the money criteria get a proposed score from
 * those figures (the best pay 20, the others in proportion), which the user may override.
 */

/** The criteria every new comparison starts with (their names are in the interface's catalogues). */
export const builtInCriteria = ['salary', 'totalPay', 'remoteDays', 'commute', 'growth', 'team', 'stack', 'contractType', 'startDate', 'trialPeriod'] as const;
export type BuiltInCriterion = (typeof builtInCriteria)[number];
/** The criteria whose score is proposed from the yearly pay. */
export const moneyCriteria: readonly string[] = ['salary', 'totalPay'] satisfies BuiltInCriterion[];

export const offerLimits = { criteria: 30, weight: 10, score: 20, rates: 50, amount: 1_000_000_000 } as const;

export const defaultCriterionWeights: Record<BuiltInCriterion, number> = {
  salary: 3,
  totalPay: 2,
  remoteDays: 2,
  commute: 1,
  growth: 2,
  team: 2,
  stack: 1,
  contractType: 1,
  startDate: 1,
  trialPeriod: 1,
};

/** What the interface assumes until the user changes it (shown next to the figures). */
export const defaultYearAssumptions = { hoursPerWeek: 40, daysPerWeek: 5, weeksPerYear: 52 } as const;

const criterionKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'must be letters, digits, - or _ (up to 40)');

export const offerCriterion = z
  .object({
    key: criterionKey,
    weight: z.number().int().min(0).max(offerLimits.weight),
    /** The name of a criterion the user added; built-in ones are named by the interface (null). */
    label: requiredText(60).nullable().default(null),
  })
  .strict()
  .refine((criterion) => (builtInCriteria as readonly string[]).includes(criterion.key) || criterion.label !== null, {
    message: 'a criterion of your own needs a name',
    path: ['label'],
  });
export type OfferCriterion = z.output<typeof offerCriterion>;

export const offerCriteriaList = z
  .array(offerCriterion)
  .min(1)
  .max(offerLimits.criteria)
  .refine((list) => new Set(list.map((criterion) => criterion.key)).size === list.length, 'each criterion once');

/** One unit of each currency in the comparison's currency (e.g. {"USD": 0.92} for a comparison in EUR). */
export const exchangeRates = z
  .record(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'), z.number().positive().max(1_000_000))
  .refine((rates) => Object.keys(rates).length <= offerLimits.rates, `at most ${offerLimits.rates} rates`);

export const yearAssumptions = {
  hoursPerWeek: z.number().min(1).max(100),
  daysPerWeek: z.number().int().min(1).max(7),
  weeksPerYear: z.number().int().min(1).max(53),
};

export const comparisonFields = {
  name: requiredText(120),
  currency,
  ...yearAssumptions,
  criteria: offerCriteriaList,
  rates: exchangeRates,
};

export const createComparisonInput = z
  .object({ name: comparisonFields.name, currency: currency.optional() })
  .strict();
export const updateComparisonInput = z.object({ id, patch: z.object(comparisonFields).partial().strict() }).strict();
export type UpdateComparisonPatch = z.input<typeof updateComparisonInput>['patch'];

/** An amount of money as typed (up to two decimals), its currency and the period it is paid for. */
export const moneyFigure = z
  .object({
    amount: z.number().min(0).max(offerLimits.amount),
    currency,
    period: z.enum(salaryPeriods),
  })
  .strict();
export type MoneyFigureInput = z.output<typeof moneyFigure>;

export const offerScore = z.number().min(0).max(offerLimits.score);

/** Sets what is known of one offer in one comparison; fields left out are kept, null clears. */
export const setOfferInput = z
  .object({
    comparisonId: id,
    applicationId: id,
    salary: moneyFigure.nullish(),
    totalPay: moneyFigure.nullish(),
    /** Scores out of 20 by criterion key; null removes one (a money criterion goes back to its proposed score). */
    scores: z.record(criterionKey, offerScore.nullable()).optional(),
    note: optionalText(2000),
  })
  .strict();
export type SetOfferInput = z.input<typeof setOfferInput>;

export const offersChannelInputs = {
  'offers.list': z.undefined().or(z.object({}).strict()).optional(),
  'offers.get': idInput,
  'offers.create': createComparisonInput,
  'offers.update': updateComparisonInput,
  'offers.delete': idInput,
  'offers.restore': idInput,
  'offers.setOffer': setOfferInput,
} as const;

export interface ComparisonSummary {
  id: string;
  name: string;
  currency: string;
  updatedAt: string;
}

/** A pay figure of an offer and what it comes to in a year in the comparison's currency. */
export interface PayFigure {
  amount: number;
  currency: string;
  period: SalaryPeriod;
  /** Taken from the application's salary fields (the offer has none of its own). */
  fromApplication: boolean;
  /** Null when the currency has no exchange rate in the comparison. */
  yearly: number | null;
}

export interface CriterionScore {
  /** The score that counts: the one entered, else the proposed one. */
  value: number | null;
  entered: number | null;
  /** Money criteria only: proposed from the yearly pay. */
  proposed: number | null;
}

export interface ComparedOffer {
  applicationId: string;
  companyName: string;
  position: string;
  stageName: string | null;
  salary: PayFigure | null;
  totalPay: PayFigure | null;
  note: string | null;
  scores: Record<string, CriterionScore>;
  /** Weighted mean of the scored criteria, out of 20; null when none is scored. */
  total: number | null;
  /** Criteria with a weight that have no score yet (the total leaves them out). */
  unscored: string[];
}

export interface OfferComparison extends RowTimes {
  id: string;
  name: string;
  currency: string;
  hoursPerWeek: number;
  daysPerWeek: number;
  weeksPerYear: number;
  criteria: OfferCriterion[];
  rates: Record<string, number>;
  offers: ComparedOffer[];
  /** By criterion key, the offers with the best score (ties all marked); `total` for the weighted total. */
  best: Record<string, string[]>;
  /** Currencies used by an offer that have no rate yet. */
  missingRates: string[];
}

export interface OffersOutputs {
  'offers.list': ComparisonSummary[];
  'offers.get': OfferComparison;
  'offers.create': OfferComparison;
  'offers.update': OfferComparison;
  'offers.delete': { id: string };
  'offers.restore': OfferComparison;
  'offers.setOffer': OfferComparison;
}
