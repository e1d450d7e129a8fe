import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { closeAppContext } from '../../src-main/context';
import { openTempApp, type TempApp } from '../support/temp-app';
import { captureStatements, planOf } from './support/statements';

/**
 * Migration 0300 leaves the archived flag out of applications_statistics (a "select all → archive" rewrote 8,200
 * of its pages each way); its readers take the flag from the facts they join. These fail if a reader of the index
 * reads the flag (or any column) from the row again: its plan would no longer cover the applications from the index,
 * and each of 100,000 entries would be looked up in the table.
 */
let app: TempApp;
let seen: string[] = [];
beforeAll(async () => {
  app = await openTempApp();
  const { api } = app;
  await api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', location: 'Lyon', favorite: true, requiredSkills: ['SQL'] });
  const archived = await api.invoke('applications.create', { companyName: 'Globex', position: 'Analyst', location: 'Lyon', favorite: true });
  await api.invoke('applications.update', { id: archived.id, patch: { archived: true } });
  seen = captureStatements(app.context.db);
});
afterAll(() => app?.close());

describe('the readers of applications_statistics', () => {
  it('count, dashboard facts and skills by a filter the facts lack read the index alone and the flag from the facts', async () => {
    const { api } = app;
    expect((await api.invoke('applications.list', { favorite: true })).total).toBe(1);
    expect((await api.invoke('applications.list', { favorite: true, archived: true })).total).toBe(1);
    await api.invoke('statistics.dashboard', { favorite: true });
    const readers = [...new Set(seen)].filter((text) => /INDEXED BY applications_statistics/.test(text));
    // The list's count, the dashboard's facts, its skills (required and preferred).
    expect(readers.length, seen.join('\n---\n')).toBeGreaterThanOrEqual(3);
    for (const text of readers) {
      const plan = planOf(app.context.db, text);
      const context = `${text}\n${plan.join('\n')}`;
      expect(plan.some((step) => /^SCAN a USING COVERING INDEX applications_statistics\b/.test(step)), context).toBe(true);
      expect(text, context).toMatch(/f\.archived = \?/);
      expect(text, context).not.toMatch(/a\.archived/);
    }
  });
});

describe('migration 0300', () => {
  it('rebuilds applications_statistics without the flag, its statistics kept where the planner has some', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 300) });
    await before.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    before.context.db.sqlite.exec('ANALYZE');
    closeAppContext(before.context);
    const after = await openTempApp({ dataDir: before.dir });
    try {
      const { db } = after.context;
      const sql = db.sql(`SELECT sql FROM sqlite_master WHERE name = 'applications_statistics'`).pluck().get() as string;
      expect(sql).toMatch(/^CREATE INDEX applications_statistics ON applications \(\s*id, stage_category,/);
      expect(sql).not.toMatch(/archived/);
      expect(db.sql(`SELECT count(*) FROM sqlite_stat1 WHERE idx = 'applications_statistics'`).pluck().get()).toBe(1);
      expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      after.close();
    }
  });
});
