import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInCriteria, jsonBackupRowSchemas } from '../../src-shared/contract';
import { databaseFingerprint } from '../integration/support/fingerprint';
import { firstStages, missingId } from '../integration/support/fixtures';
import { expectError } from '../integration/support/results';
import { openTempApp, type TempApp } from '../support/temp-app';

// Offer comparison (issue 15, item 2): every channel's happy path, that refused input and unknown rows change
// nothing, undo of a deleted comparison, and the figures: yearly pay by the comparison's assumptions and rates,
// proposed money scores, the weighted total out of 20 and the best offer per criterion.

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

async function twoOffers() {
  const stages = await firstStages(app.api);
  const acme = await app.api.invoke('applications.create', {
    companyName: 'Acme',
    position: 'Backend developer',
    stageId: stages.offer,
    salaryMin: 48_000,
    salaryMax: 52_000,
    salaryCurrency: 'EUR',
    salaryPeriod: 'year',
  });
  const globex = await app.api.invoke('applications.create', { companyName: 'Globex', position: 'Platform engineer', stageId: stages.offer });
  const elsewhere = await app.api.invoke('applications.create', { companyName: 'Initech', position: 'SRE', stageId: stages.interviewing });
  const comparison = await app.api.invoke('offers.create', { name: 'Spring offers' });
  return { acme, globex, elsewhere, comparison, stages };
}

describe('a comparison', () => {
  it('starts with every built-in criterion, the default year and the profile’s currency, and lists the offer-stage applications only', async () => {
    const { acme, globex, comparison } = await twoOffers();
    expect(comparison).toMatchObject({ name: 'Spring offers', currency: 'EUR', hoursPerWeek: 40, daysPerWeek: 5, weeksPerYear: 52, rates: {}, missingRates: [] });
    expect(comparison.criteria.map((criterion) => criterion.key)).toEqual([...builtInCriteria]);
    expect(comparison.offers.map((offer) => offer.applicationId)).toEqual([acme.id, globex.id]);
    // The application's salary stands in until the offer has its own: its maximum, for a year.
    expect(comparison.offers[0].salary).toEqual({ amount: 52_000, currency: 'EUR', period: 'year', fromApplication: true, yearly: 52_000 });
    expect(comparison.offers[1]).toMatchObject({ salary: null, totalPay: null, total: null });
    expect(await app.api.invoke('offers.list', undefined)).toEqual([expect.objectContaining({ id: comparison.id, name: 'Spring offers', currency: 'EUR' })]);
  });

  it('turns hourly, daily and monthly pay into a year with its own assumptions and rates, proposes the money scores and totals them', async () => {
    const { acme, globex, comparison } = await twoOffers();
    await app.api.invoke('offers.update', {
      id: comparison.id,
      patch: { hoursPerWeek: 35, weeksPerYear: 50, rates: { USD: 0.9 }, criteria: [
        { key: 'salary', weight: 2, label: null },
        { key: 'growth', weight: 1, label: null },
        { key: 'canteen', weight: 1, label: 'Canteen' },
        { key: 'trialPeriod', weight: 0, label: null },
      ] },
    });
    // 30.5 an hour × 35 h × 50 weeks = 53,375 EUR; 1,100 USD a day × 5 × 50 × 0.9 = 247,500 EUR.
    await app.api.invoke('offers.setOffer', { comparisonId: comparison.id, applicationId: acme.id, salary: { amount: 30.5, currency: 'EUR', period: 'hour' }, scores: { growth: 16, canteen: 10 } });
    const result = await app.api.invoke('offers.setOffer', {
      comparisonId: comparison.id,
      applicationId: globex.id,
      salary: { amount: 1100, currency: 'USD', period: 'day' },
      totalPay: { amount: 5000, currency: 'GBP', period: 'month' },
      scores: { growth: 12 },
    });
    const [first, second] = result.offers;
    expect(first.salary).toMatchObject({ amount: 30.5, fromApplication: false, yearly: 53_375 });
    expect(second.salary).toMatchObject({ amount: 1100, currency: 'USD', yearly: 247_500 });
    expect(second.totalPay).toMatchObject({ currency: 'GBP', yearly: null });
    expect(result.missingRates).toEqual(['GBP']);
    // The best pay gets 20, the other in proportion, to the half point: 20 × 53,375 / 247,500 = 4.31 → 4.5.
    expect(second.scores.salary).toEqual({ value: 20, entered: null, proposed: 20 });
    expect(first.scores.salary).toEqual({ value: 4.5, entered: null, proposed: 4.5 });
    // Weighted mean of what is scored: (4.5×2 + 16 + 10) / 4 = 8.75; (20×2 + 12) / 3 = 17.33 (canteen unscored).
    expect(first.total).toBe(8.75);
    expect(second.total).toBe(17.33);
    expect(second.unscored).toEqual(['canteen']);
    expect(result.best).toMatchObject({ salary: [globex.id], growth: [acme.id], canteen: [acme.id], total: [globex.id] });

    // An entered score overrides the proposed one; null goes back to it.
    const overridden = await app.api.invoke('offers.setOffer', { comparisonId: comparison.id, applicationId: acme.id, scores: { salary: 20 } });
    expect(overridden.offers[0].scores.salary).toEqual({ value: 20, entered: 20, proposed: 4.5 });
    expect(overridden.best.salary).toEqual([acme.id, globex.id]);
    const back = await app.api.invoke('offers.setOffer', { comparisonId: comparison.id, applicationId: acme.id, scores: { salary: null } });
    expect(back.offers[0].scores.salary.value).toBe(4.5);
    expect(back.offers[0].scores.growth.entered).toBe(16);

    const got = await app.api.invoke('offers.get', { id: comparison.id });
    expect(got).toEqual(back);
  });

  it('is deleted and restored (undo), the offers’ figures with it', async () => {
    const { acme, comparison } = await twoOffers();
    await app.api.invoke('offers.setOffer', { comparisonId: comparison.id, applicationId: acme.id, scores: { team: 18 }, note: 'Nice people' });
    expect(await app.api.invoke('offers.delete', { id: comparison.id })).toEqual({ id: comparison.id });
    expectError(await app.api.call('offers.get', { id: comparison.id }), 'NOT_FOUND');
    expect(await app.api.invoke('offers.list', undefined)).toEqual([]);
    const restored = await app.api.invoke('offers.restore', { id: comparison.id });
    expect(restored).toMatchObject({ id: comparison.id, deletedAt: null });
    expect(restored.offers[0]).toMatchObject({ note: 'Nice people', scores: expect.objectContaining({ team: { value: 18, entered: 18, proposed: null } }) });
  });

  it('travels in a JSON backup as rows its schema accepts', async () => {
    const { acme, comparison } = await twoOffers();
    await app.api.invoke('offers.setOffer', { comparisonId: comparison.id, applicationId: acme.id, salary: { amount: 15.5, currency: 'EUR', period: 'hour' }, scores: { team: 18 } });
    const comparisons = app.context.db.sqlite.prepare(`SELECT * FROM offer_comparisons`).all();
    const entries = app.context.db.sqlite.prepare(`SELECT * FROM offer_entries`).all();
    expect(entries).toEqual([expect.objectContaining({ salary_amount: 1550, salary_currency: 'EUR', salary_period: 'hour', scores: '{"team":18}' })]);
    for (const row of comparisons) expect(jsonBackupRowSchemas.offer_comparisons.parse(row)).toEqual(row);
    for (const row of entries) expect(jsonBackupRowSchemas.offer_entries.parse(row)).toEqual(row);
    expect(jsonBackupRowSchemas.offer_entries.safeParse({ ...(entries[0] as object), scores: '{"team":21}' }).success).toBe(false);
  });
});

describe('refused input and unknown rows change nothing', () => {
  it('refuses invalid input with field issues', async () => {
    const { acme, elsewhere, comparison } = await twoOffers();
    const before = databaseFingerprint(app.context.db);
    const refused = [
      await app.api.call('offers.create', { name: '  ' }),
      await app.api.call('offers.create', { name: 'X', currency: 'euro' }),
      await app.api.call('offers.update', { id: comparison.id, patch: { hoursPerWeek: 0 } }),
      await app.api.call('offers.update', { id: comparison.id, patch: { criteria: [{ key: 'salary', weight: 11, label: null }] } }),
      await app.api.call('offers.update', { id: comparison.id, patch: { criteria: [{ key: 'salary', weight: 1, label: null }, { key: 'salary', weight: 2, label: null }] } }),
      await app.api.call('offers.update', { id: comparison.id, patch: { criteria: [{ key: 'canteen', weight: 1, label: null }] } }),
      await app.api.call('offers.update', { id: comparison.id, patch: { rates: { usd: 1 } } }),
      await app.api.call('offers.update', { id: comparison.id, patch: { rates: { USD: -1 } } }),
      await app.api.call('offers.setOffer', { comparisonId: comparison.id, applicationId: acme.id, scores: { team: 21 } }),
      await app.api.call('offers.setOffer', { comparisonId: comparison.id, applicationId: acme.id, salary: { amount: -1, currency: 'EUR', period: 'year' } }),
      await app.api.call('offers.setOffer', { comparisonId: comparison.id, applicationId: acme.id, salary: { amount: 1, currency: 'EUR', period: 'week' } }),
      // Only applications at an offer stage are compared.
      await app.api.call('offers.setOffer', { comparisonId: comparison.id, applicationId: elsewhere.id, scores: { team: 10 } }),
    ];
    for (const result of refused) expectError(result, 'VALIDATION');
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });

  it('answers NOT_FOUND for unknown or deleted rows', async () => {
    const { acme, comparison } = await twoOffers();
    await app.api.invoke('applications.delete', { id: acme.id });
    const before = databaseFingerprint(app.context.db);
    const missing = [
      await app.api.call('offers.get', { id: missingId }),
      await app.api.call('offers.update', { id: missingId, patch: { name: 'X' } }),
      await app.api.call('offers.delete', { id: missingId }),
      await app.api.call('offers.restore', { id: missingId }),
      await app.api.call('offers.setOffer', { comparisonId: missingId, applicationId: acme.id, scores: { team: 1 } }),
      await app.api.call('offers.setOffer', { comparisonId: comparison.id, applicationId: acme.id, scores: { team: 1 } }),
      await app.api.call('offers.setOffer', { comparisonId: comparison.id, applicationId: missingId, scores: { team: 1 } }),
    ];
    for (const result of missing) expectError(result, 'NOT_FOUND');
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });
});
