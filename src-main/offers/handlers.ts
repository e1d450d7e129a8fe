import { defaultYearAssumptions, type MoneyFigureInput, type ParsedInput } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { defineHandlers } from '../handler';
import type { Database } from '../db/connection';
import { requireExisting, requireLive } from '../shared/require';
import { defaultCriteria, findEntry, getComparison, listComparisons } from './queries';

type Fields = Record<string, string | number | null>;

function comparisonColumns(patch: ParsedInput<'offers.update'>['patch']): Fields {
  const fields: Fields = {};
  if (patch.name !== undefined) fields.name = patch.name;
  if (patch.currency !== undefined) fields.currency = patch.currency;
  if (patch.hoursPerWeek !== undefined) fields.hours_per_week = patch.hoursPerWeek;
  if (patch.daysPerWeek !== undefined) fields.days_per_week = patch.daysPerWeek;
  if (patch.weeksPerYear !== undefined) fields.weeks_per_year = patch.weeksPerYear;
  if (patch.criteria !== undefined) fields.criteria = JSON.stringify(patch.criteria);
  if (patch.rates !== undefined) fields.rates = JSON.stringify(patch.rates);
  return fields;
}

/** Stored as integer hundredths: an hourly 15.5 is 1550. */
function moneyColumns(prefix: 'salary' | 'total_pay', figure: MoneyFigureInput | null | undefined): Fields {
  if (figure === undefined) return {};
  return {
    [`${prefix}_amount`]: figure === null ? null : Math.round(figure.amount * 100),
    [`${prefix}_currency`]: figure?.currency ?? null,
    [`${prefix}_period`]: figure?.period ?? null,
  };
}

/** The profile's default currency when it has one. */
function profileCurrency(db: Database): string {
  const row = db.sql(`SELECT default_currency FROM profile WHERE deleted_at IS NULL AND default_currency IS NOT NULL LIMIT 1`).get() as
    | { default_currency: string }
    | undefined;
  return row?.default_currency ?? 'EUR';
}

function requireOffer(db: Database, applicationId: string): void {
  requireLive(db, 'applications', applicationId);
  const row = db.sql(`SELECT stage_category FROM applications WHERE id = ?`).get(applicationId) as { stage_category: string };
  if (row.stage_category !== 'offer') {
    throw new AppError('VALIDATION', 'Invalid input: applicationId: only applications at an offer stage can be compared', {
      issues: [{ path: 'applicationId', code: 'not_an_offer', message: 'only applications at an offer stage can be compared' }],
    });
  }
}

export const offerHandlers = defineHandlers({
  'offers.list': (_input, { db }) => listComparisons(db),
  'offers.get': (input, { db }) => getComparison(db, input.id),
  'offers.create': (input, { db, changes }) => {
    const id = changes.write((write) =>
      write.insert('offer_comparisons', {
        name: input.name,
        currency: input.currency ?? profileCurrency(db),
        hours_per_week: defaultYearAssumptions.hoursPerWeek,
        days_per_week: defaultYearAssumptions.daysPerWeek,
        weeks_per_year: defaultYearAssumptions.weeksPerYear,
        criteria: JSON.stringify(defaultCriteria()),
        rates: '{}',
      }),
    );
    return getComparison(db, id);
  },
  'offers.update': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'offer_comparisons', input.id);
      write.update('offer_comparisons', input.id, comparisonColumns(input.patch));
    });
    return getComparison(db, input.id);
  },
  'offers.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'offer_comparisons', input.id);
      write.softDelete('offer_comparisons', input.id);
    });
    return { id: input.id };
  },
  'offers.restore': (input, { db, changes }) => {
    changes.write((write) => {
      requireExisting(db, 'offer_comparisons', input.id);
      write.restore('offer_comparisons', input.id);
    });
    return getComparison(db, input.id);
  },
  'offers.setOffer': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'offer_comparisons', input.comparisonId);
      requireOffer(db, input.applicationId);
      const entry = findEntry(db, input.comparisonId, input.applicationId);
      const fields: Fields = { ...moneyColumns('salary', input.salary), ...moneyColumns('total_pay', input.totalPay) };
      if (input.note !== undefined) fields.note = input.note ?? null;
      if (input.scores !== undefined) {
        const scores: Record<string, number | null> = { ...(entry ? (JSON.parse(entry.scores) as Record<string, number>) : {}), ...input.scores };
        fields.scores = JSON.stringify(Object.fromEntries(Object.entries(scores).filter(([, value]) => value !== null)));
      }
      if (entry) write.update('offer_entries', entry.id, fields);
      else write.insert('offer_entries', { comparison_id: input.comparisonId, application_id: input.applicationId, scores: '{}', ...fields });
    });
    return getComparison(db, input.comparisonId);
  },
});
