import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationPage } from '../../src-shared/contract';
import type { Database } from '../../src-main/db/connection';
import { databaseFileName } from '../../src-main/db/open';
import { listApplications } from '../../src-main/applications/queries';
import { useTempApp } from './support/app';
import { createApplication } from './support/fixtures';

/**
 * A list's total counted row by row (a text search) is counted once until something is written
 * (applications/count-memo.ts): the next page of the same search reuses it, and any write, by this connection or
 * another, or a different search, counts again. Each check below fails if the total is kept across that change.
 */
describe('a search’s total, counted once until something is written', () => {
  const handle = useTempApp();
  const restores: (() => void)[] = [];
  afterEach(() => restores.splice(0).forEach((restore) => restore()));

  /** The row counts the connection runs from now on (every execution of a statement that counts). */
  function watchCounts(db: Database): string[] {
    const counted: string[] = [];
    const prototype = Object.getPrototypeOf(db.sqlite.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ['all', 'get', 'iterate']) {
      const original = prototype[name];
      prototype[name] = function (this: { source: string; database: unknown }, ...args: unknown[]) {
        if (this.database === db.sqlite && this.source.includes('count(*)')) counted.push(this.source);
        return original.apply(this, args);
      };
      restores.push(() => (prototype[name] = original));
    }
    return counted;
  }

  const list = async (input: Record<string, unknown>) => (await handle.api.invoke('applications.list', input)) as ApplicationPage;

  async function threeKotlins() {
    const ids = [];
    for (const [position, appliedOn] of [['Kotlin developer', '2026-03-01'], ['Kotlin lead', '2026-03-02'], ['Kotlin engineer', '2026-03-03']]) {
      ids.push((await createApplication(handle.api, { position, appliedOn, location: 'Lyon' })).id);
    }
    await createApplication(handle.api, { position: 'Java developer', location: 'Lyon' });
    return ids;
  }

  it('reuses the first page’s total for the next pages, and counts a different search', async () => {
    await threeKotlins();
    const counted = watchCounts(handle.db);
    const first = await list({ text: 'kotlin', limit: 2 });
    expect(first.total).toBe(3);
    expect(counted).toHaveLength(1);
    const second = await list({ text: 'kotlin', limit: 2, after: first.nextCursor });
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(3);
    expect(counted).toHaveLength(1);
    expect((await list({ text: 'lyon', limit: 2 })).total).toBe(4);
    expect((await list({ text: 'kotlin', archived: 'all', limit: 2 })).total).toBe(3);
    // Counted again, from the live rows held in memory since nothing was written (counted-rows.ts), not in SQL.
    expect(counted).toHaveLength(1);
  });

  it('counts again after a write of this connection', async () => {
    const [oldest] = await threeKotlins();
    const first = await list({ text: 'kotlin', limit: 2 });
    expect(first.total).toBe(3);
    await handle.api.invoke('applications.archive', { ids: [oldest] });
    expect((await list({ text: 'kotlin', limit: 2 })).total).toBe(2);
    await createApplication(handle.api, { position: 'Kotlin architect' });
    await createApplication(handle.api, { position: 'Kotlin mentor' });
    expect((await list({ text: 'kotlin', limit: 2, after: first.nextCursor })).total).toBe(4);
  });

  it('counts again after a commit of another connection (a job’s worker)', async () => {
    const [oldest] = await threeKotlins();
    expect((await list({ text: 'kotlin', limit: 2 })).total).toBe(3);
    const other = new BetterSqlite3(path.join(handle.app.dir, databaseFileName));
    try {
      other.prepare('UPDATE applications SET archived = 1 WHERE id = ?').run(oldest);
    } finally {
      other.close();
    }
    expect((await list({ text: 'kotlin', limit: 2 })).total).toBe(2);
  });

  it('keeps nothing counted inside a transaction that is rolled back', async () => {
    const [oldest] = await threeKotlins();
    const { db } = handle;
    const input = { text: 'kotlin', limit: 2, offset: 0, sort: { column: 'appliedOn', direction: 'desc' } } as const;
    expect(listApplications(db, input).total).toBe(3);
    const rolledBack = db.sqlite.transaction(() => {
      db.sqlite.prepare('UPDATE applications SET archived = 1 WHERE id = ?').run(oldest);
      expect(listApplications(db, input).total).toBe(2);
      throw new Error('rolled back');
    });
    expect(rolledBack).toThrow('rolled back');
    expect(listApplications(db, input).total).toBe(3);
    db.sqlite.prepare('UPDATE applications SET archived = 1 WHERE id = ?').run(oldest);
    expect(listApplications(db, input).total).toBe(2);
  });
});
