process.env.TZ = 'Europe/Paris';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { closeAppContext } from '../../src-main/context';
import type { Database } from '../../src-main/db/connection';
import { day, openAutomatedApp, type AutomatedApp } from '../automation/support/automated-app';
import { ManualClock } from '../support/manual-clock';
import { openTempApp } from '../support/temp-app';
import { captureStatements, planOf } from './support/statements';

/**
 * "Select all → archive" rewrites the entry of each archived application in every index holding `archived`; migration
 * 0290 puts the flag last in applications_stage_since (it was second, and each entry moved to another part of the
 * index). These tests capture the statements its readers really run (the automation's anchors and deadline
 * reminders, the list's category filter, the offers' list) and plan them as at 100,000 applications (the bench
 * database's index statistics): each must read a range of applications_stage_since, never scan the table, and the
 * anchors must come in the index's order, with no sort.
 */

/** sqlite_stat1 of the bench's 100,000 database after 0290 (ANALYZE of the new index; the others as `optimize` left them). */
const benchStatistics: [string, string][] = [
  ['applications_live_stage', '100000 1504 126 1 1'],
  ['applications_live_seq', '100000 1 1'],
  ['applications_live_id', '100000 1'],
  ['applications_live_order', '100000 84 1 1 1'],
  ['applications_statistics', '100000 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1'],
  ['applications_posting_url', '60257 1'],
  ['applications_company', '100000 1504'],
  ['sqlite_autoindex_applications_1', '100000 1'],
  ['applications_stage_since', '100000 11112 1 1'],
];

function planAsAtScale(db: Database): void {
  db.sqlite.exec('ANALYZE');
  db.sqlite.prepare(`DELETE FROM sqlite_stat1 WHERE tbl = 'applications'`).run();
  const insert = db.sqlite.prepare(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('applications', ?, ?)`);
  for (const [index, stat] of benchStatistics) insert.run(index, stat);
  db.sqlite.exec('ANALYZE sqlite_schema');
}

let seen: string[] = [];

const start = Date.parse('2025-03-03T08:00:00+01:00');
let app: AutomatedApp;
beforeAll(async () => {
  app = await openAutomatedApp({ clock: new ManualClock(start) });
  planAsAtScale(app.context.db);
  seen = captureStatements(app.context.db);
});
afterAll(() => app?.close());

describe('the readers of applications_stage_since', () => {
  it('read a range of it, the anchors in its order, none scans the applications', async () => {
    const { api } = app;
    await api.invoke('automation.update', { deadlineReminders: { enabled: true } });
    const stages = await api.invoke('stages.list', undefined);
    const stageOf = (category: string) => stages.find((stage) => stage.category === category)!.id;
    await api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer', appliedOn: '2025-03-03' });
    await api.invoke('applications.create', { companyName: 'Globex', position: 'Analyst', stageId: stageOf('wishlist'), deadline: '2025-03-20' });
    const offer = await api.invoke('applications.create', { companyName: 'Initech', position: 'Developer', appliedOn: '2025-03-01' });
    await api.invoke('applications.setStage', { id: offer.id, stageId: stageOf('offer') });
    const closed = await api.invoke('applications.create', { companyName: 'Hooli', position: 'Designer', appliedOn: '2025-02-01' });
    await api.invoke('applications.setStage', { id: closed.id, stageId: stageOf('rejected') });
    await api.invoke('applications.bulkByFilter', { filters: { stageCategories: ['rejected'] }, action: 'archive' });
    await app.advance(20 * day);
    await app.settle();
    await api.invoke('applications.list', { stageCategories: ['applied', 'screening'] });
    const comparison = await api.invoke('offers.create', { name: 'Offers' });
    await api.invoke('offers.get', { id: comparison.id });

    const { db } = app.context;
    // Reads only: the write path's statement that sets the current stage names the same columns in its SET clause.
    const readers = [...new Set(seen)].filter(
      (text) => !/^\s*UPDATE\b/.test(text) && /\bFROM applications a\b/.test(text) && /stage_category (=|IN)/.test(text),
    );
    const anchors = readers.filter((text) => /stage_changed_at BETWEEN/.test(text));
    // Follow-ups, ghosting and archiving plan their anchors; the deadline reminders; the list's filter; the offers.
    expect(anchors.length, readers.join('\n---\n')).toBeGreaterThanOrEqual(2);
    expect(readers.some((text) => /'wishlist'/.test(text))).toBe(true);
    expect(readers.some((text) => /'offer'/.test(text))).toBe(true);
    expect(readers.length).toBeGreaterThanOrEqual(anchors.length + 3);
    for (const text of readers) {
      const plan = planOf(db, text);
      const context = `${text}\n${plan.join('\n')}`;
      expect(plan.some((step) => /^SEARCH a USING (COVERING )?INDEX applications_stage_since \(stage_category=\?/.test(step)), context).toBe(true);
      expect(plan.some((step) => /^SCAN a\b/.test(step)), context).toBe(false);
    }
    for (const text of anchors) {
      const plan = planOf(db, text);
      expect(plan.some((step) => /stage_category=\? AND stage_changed_at>\? AND stage_changed_at<\?/.test(step)), plan.join('\n')).toBe(true);
      expect(plan.some((step) => /TEMP B-TREE/.test(step)), `${text}\n${plan.join('\n')}`).toBe(false);
    }
  });
});

const indexSql = (db: Database) => db.sql(`SELECT sql FROM sqlite_master WHERE name = 'applications_stage_since'`).pluck().get() as string;

describe('migration 0290', () => {
  it('rebuilds applications_stage_since with the flag last, its statistics kept where the planner has some', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 290) });
    const created = await before.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    expect(indexSql(before.context.db)).toMatch(/stage_category, archived, stage_changed_at/);
    before.context.db.sqlite.exec('ANALYZE');
    closeAppContext(before.context);

    const after = await openTempApp({ dataDir: before.dir });
    try {
      const { db } = after.context;
      expect(indexSql(db)).toMatch(/\(stage_category, stage_changed_at, archived\) WHERE deleted_at IS NULL/);
      expect(db.sql(`SELECT stat FROM sqlite_stat1 WHERE idx = 'applications_stage_since'`).pluck().get()).toBe('1 1 1 1');
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const found = db.sql(`SELECT id FROM applications INDEXED BY applications_stage_since WHERE deleted_at IS NULL AND stage_category = 'applied'`).pluck().all();
      expect(found).toEqual([created.id]);
    } finally {
      after.close();
    }
  });
});
