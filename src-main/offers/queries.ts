import {
  builtInCriteria,
  defaultCriterionWeights,
  type ComparisonSummary,
  type OfferComparison,
  type OfferCriterion,
  type PayFigure,
  type SalaryPeriod,
} from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { OfferComparisonsTable, OfferEntriesTable } from '../db/schema';
import { scoreOffers, yearly, type OfferFigures, type YearAssumptions } from './scoring';

/** The criteria a new comparison starts with: every built-in one at its default weight. */
export function defaultCriteria(): OfferCriterion[] {
  return builtInCriteria.map((key) => ({ key, weight: defaultCriterionWeights[key], label: null }));
}

export function listComparisons(db: Database): ComparisonSummary[] {
  return db
    .sql(`SELECT id, name, currency, updated_at AS updatedAt FROM offer_comparisons WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`)
    .all() as ComparisonSummary[];
}

interface OfferRow {
  application_id: string;
  company_name: string;
  position: string;
  stage_name: string | null;
  app_salary_min: number | null;
  app_salary_max: number | null;
  app_salary_currency: string | null;
  app_salary_period: string | null;
  entry: string | null;
}

/** Money as stored (hundredths) to money as shown. */
const fromHundredths = (amount: number) => amount / 100;

function storedPay(amount: number | null, currency: string | null, period: string | null): Omit<PayFigure, 'yearly'> | null {
  if (amount === null || !currency || !period) return null;
  return { amount: fromHundredths(amount), currency, period: period as SalaryPeriod, fromApplication: false };
}

/** The application's salary stands for the offer's until the offer has its own: its maximum, else its minimum. */
function applicationPay(row: OfferRow): Omit<PayFigure, 'yearly'> | null {
  const amount = row.app_salary_max ?? row.app_salary_min;
  if (amount === null || !row.app_salary_currency || !row.app_salary_period) return null;
  return { amount, currency: row.app_salary_currency, period: row.app_salary_period as SalaryPeriod, fromApplication: true };
}

/**
 * A comparison with every live application in the offer stage category, in the order they reached it, each with
 * the figures and scores stored for it in this comparison (the latest entry, should sync have brought two).
 */
export function getComparison(db: Database, id: string): OfferComparison {
  const row = db.sql(`SELECT * FROM offer_comparisons WHERE id = ? AND deleted_at IS NULL`).get(id) as OfferComparisonsTable | undefined;
  if (!row) throw notFound('Offer comparison', id);
  const criteria = JSON.parse(row.criteria) as OfferCriterion[];
  const rates = JSON.parse(row.rates) as Record<string, number>;
  const year: YearAssumptions = { hoursPerWeek: row.hours_per_week, daysPerWeek: row.days_per_week, weeksPerYear: row.weeks_per_year };
  const rows = db
    .sql(
      `SELECT a.id AS application_id, c.name AS company_name, a.position, s.name AS stage_name,
         a.salary_min AS app_salary_min, a.salary_max AS app_salary_max, a.salary_currency AS app_salary_currency, a.salary_period AS app_salary_period,
         (SELECT json_object('salary_amount', e.salary_amount, 'salary_currency', e.salary_currency, 'salary_period', e.salary_period,
                 'total_pay_amount', e.total_pay_amount, 'total_pay_currency', e.total_pay_currency, 'total_pay_period', e.total_pay_period,
                 'scores', e.scores, 'note', e.note)
            FROM offer_entries e WHERE e.comparison_id = ? AND e.application_id = a.id AND e.deleted_at IS NULL
            ORDER BY e.updated_at DESC, e.id DESC LIMIT 1) AS entry
       FROM applications a JOIN companies c ON c.id = a.company_id LEFT JOIN stages s ON s.id = a.stage_id
       WHERE a.deleted_at IS NULL AND a.stage_category = 'offer'
       ORDER BY a.stage_changed_at, a.id`,
    )
    .all(id) as OfferRow[];
  const missing = new Set<string>();
  const withYearly = (figure: Omit<PayFigure, 'yearly'> | null): PayFigure | null => {
    if (!figure) return null;
    const value = yearly(figure, year, row.currency, rates);
    if (value === null) missing.add(figure.currency);
    return { ...figure, yearly: value };
  };
  const figures = rows.map((offer): OfferFigures => {
    const entry = offer.entry ? (JSON.parse(offer.entry) as Pick<OfferEntriesTable, 'salary_amount' | 'salary_currency' | 'salary_period' | 'total_pay_amount' | 'total_pay_currency' | 'total_pay_period' | 'scores' | 'note'>) : null;
    const salary = (entry && storedPay(entry.salary_amount, entry.salary_currency, entry.salary_period)) ?? applicationPay(offer);
    const totalPay = entry && storedPay(entry.total_pay_amount, entry.total_pay_currency, entry.total_pay_period);
    return {
      applicationId: offer.application_id,
      companyName: offer.company_name,
      position: offer.position,
      stageName: offer.stage_name,
      salary: withYearly(salary),
      totalPay: withYearly(totalPay),
      note: entry?.note ?? null,
      entered: entry ? (JSON.parse(entry.scores) as Record<string, number>) : {},
    };
  });
  const { offers, best } = scoreOffers(figures, criteria);
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    hoursPerWeek: row.hours_per_week,
    daysPerWeek: row.days_per_week,
    weeksPerYear: row.weeks_per_year,
    criteria,
    rates,
    offers,
    best,
    missingRates: [...missing].sort(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The live entry of an offer in a comparison, if it has one. */
export function findEntry(db: Database, comparisonId: string, applicationId: string): OfferEntriesTable | undefined {
  return db
    .sql(`SELECT * FROM offer_entries WHERE comparison_id = ? AND application_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1`)
    .get(comparisonId, applicationId) as OfferEntriesTable | undefined;
}
