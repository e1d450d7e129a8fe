import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsTable, loadFacts, type RangeRead } from '../../src-main/statistics/facts';
import { sentShareWithin } from '../../src-main/statistics/maintained/read';
import { scopes } from '../../src-main/statistics/maintained/cells';
import { openTempApp, type TempApp } from '../support/temp-app';
import { buildScenario, today } from './support/scenario';

let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  await buildScenario(app.api);
});
afterAll(() => app?.close());

/** The facts a range alone copies, read one way or the other. */
function rangeFacts(read: RangeRead, from: string | undefined, to: string | undefined, archived: boolean | 'all'): unknown[] {
  const { db } = app.context;
  return db.sqlite
    .transaction(() => {
      loadFacts(db, { filters: { archived }, from, to, today }, read);
      return db.sql(`SELECT * FROM ${factsTable} ORDER BY seq`).all();
    })
    .deferred();
}

describe('a range alone reads the same facts by index and by scan', () => {
  it.each([
    ['2025-02-01', '2025-03-12', 'all'],
    ['2025-03-01', undefined, false],
    [undefined, '2025-02-15', 'all'],
    ['2025-01-01', '2025-01-31', 'all'],
    ['2024-11-01', '2025-01-31', false],
    ['2024-11-01', '2025-01-31', true],
    ['2020-01-01', '2020-01-31', false],
  ] as const)('from %s to %s, archived %s', (from, to, archived) => {
    const byIndex = rangeFacts('by index', from, to, archived);
    expect(rangeFacts('by scan', from, to, archived)).toEqual(byIndex);
    // Every range but the last holds applications of the scenario.
    expect(byIndex.length > 0).toBe(from !== '2020-01-01');
  });
});

describe('the share of the search a range holds', () => {
  it('is the sent applications of the range over all of them', () => {
    const { db } = app.context;
    const sent = (from: string, to: string) =>
      db.sql(`SELECT total(count) FROM statistics_cells WHERE kind = 'sent_day' AND scope = ? AND key BETWEEN ? AND ?`).pluck().get(scopes.all, from, to) as number;
    const all = sent('0000-01-01', '9999-12-31');
    expect(all).toBeGreaterThan(0);
    expect(sentShareWithin(db, scopes.all)).toBe(1);
    expect(sentShareWithin(db, scopes.all, '2025-02-01', '2025-03-12')).toBeCloseTo(sent('2025-02-01', '2025-03-12') / all);
    expect(sentShareWithin(db, scopes.all, '2020-01-01', '2020-01-31')).toBe(0);
  });
});
