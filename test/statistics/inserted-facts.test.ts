import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeInsertedStatistics } from '../../src-main/statistics/maintained/inserted-facts';
import { openTempApp, type TempApp } from '../support/temp-app';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';
import { fillApplications, seededRandom } from './support/bench-data';

/**
 * The statistics of applications inserted in bulk (an import's staging) are computed set-based
 * (storeInsertedStatistics: their histories grouped in one pass, their facts by one INSERT … SELECT); the write
 * path computes them per application (refreshStatistics). Both must store the same facts, cells, skill months and
 * month cells, for histories of every shape: events whose day is not known, deleted events, answers given by date
 * only, deleted and archived applications.
 */
let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  const { db, changes } = app.context;
  fillApplications(app.context, 700, { today: '2025-03-12', seed: 11 });
  const random = seededRandom(5);
  // Never an application's first event: one with no live event left keeps its stage, which a rebuild cannot know.
  const events = db
    .sql(`SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY application_id ORDER BY occurred_at) AS nth FROM stage_events) WHERE nth > 1 ORDER BY id`)
    .pluck()
    .all() as string[];
  const ids = db.sql(`SELECT id FROM applications ORDER BY seq`).pluck().all() as string[];
  changes.write((write) => {
    for (const id of events) {
      const roll = random();
      if (roll < 0.1) write.update('stage_events', id, { date_unknown: 1 });
      else if (roll < 0.18) write.update('stage_events', id, { deleted_at: write.now });
    }
    for (const id of ids) {
      const roll = random();
      if (roll < 0.1) write.update('applications', id, { first_response_on: `2025-0${1 + Math.floor(random() * 3)}-1${Math.floor(random() * 10)}` });
      else if (roll < 0.14) write.update('applications', id, { deleted_at: write.now });
    }
  });
});
afterAll(() => app?.close());

/** The statistics tables as the write path keeps them. */
const statistics = () => {
  const { stages: _stages, text: _text, ...rest } = derivedData(app.context.db);
  return rest;
};

describe('the statistics of applications inserted in bulk, set-based', () => {
  it('are those the write path computed per application, and those of a rebuild', () => {
    const { db } = app.context;
    const perApplication = statistics();
    expect(perApplication.facts.length).toBeGreaterThan(500);
    expect(db.sql(`SELECT count(*) FROM stage_events WHERE date_unknown = 1 AND deleted_at IS NULL`).pluck().get()).toBeGreaterThan(20);
    expect(db.sql(`SELECT count(*) FROM statistics_facts WHERE response_day IS NOT NULL`).pluck().get()).toBeGreaterThan(100);
    const { stages: _stages, text: _text, ...rebuilt } = rebuiltDerivedData(db);
    expect(perApplication).toEqual(rebuilt);
    db.transaction(() => {
      db.sqlite.exec(`DELETE FROM statistics_facts; DELETE FROM statistics_cells; DELETE FROM statistics_skill_months; DELETE FROM statistics_month_cells;`);
      storeInsertedStatistics(db, 0);
    });
    expect(statistics()).toEqual(perApplication);
  });

  it('computes again the facts some of them already have, taking their old counts out first', () => {
    const { db } = app.context;
    const before = statistics();
    const middle = db.sql(`SELECT seq FROM applications ORDER BY seq LIMIT 1 OFFSET 350`).pluck().get() as number;
    // Facts and counts left wrong for some after `middle`: the set-based pass must take out what is stored.
    db.transaction(() => storeInsertedStatistics(db, middle));
    expect(statistics()).toEqual(before);
    db.sqlite.prepare(`UPDATE applications SET source = 'other' WHERE seq > ? AND deleted_at IS NULL`).run(middle);
    db.transaction(() => storeInsertedStatistics(db, middle));
    const { stages: _stages, text: _text, ...rebuilt } = rebuiltDerivedData(db);
    expect(statistics()).toEqual(rebuilt);
    expect(statistics()).not.toEqual(before);
  });
});
