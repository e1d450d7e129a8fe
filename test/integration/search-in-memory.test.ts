import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ApplicationPage } from '../../src-shared/contract';
import type { Database } from '../../src-main/db/connection';
import { databaseFileName } from '../../src-main/db/open';
import { useTempApp } from './support/app';
import { createApplication } from './support/fixtures';

/**
 * A search's first page walked against its matches held in memory (text-matches.ts), and its total counted from the
 * live rows held in memory until something is written (counted-rows.ts), give what plain SQL gives: checked after
 * each kind of write (create, archive, unarchive, delete, restore, an update outside the write path, a commit of
 * another connection, a stage changed), for each archived filter, in the search box and in each board column (the
 * same words within one stage), on the searches after the write counted in SQL and those counted in memory once the
 * live rows are read.
 */
describe('a search answered from its matches in memory', () => {
  const handle = useTempApp();
  const list = async (input: Record<string, unknown>) => (await handle.api.invoke('applications.list', input)) as ApplicationPage;

  /** The page and total plain SQL gives for one word (within one stage, as a board column asks), as the list filtered them before any of this. */
  function plainAnswer(db: Database, word: string, archived: boolean | 'all', limit: number, stageId?: string) {
    const where = `a.deleted_at IS NULL ${archived === 'all' ? '' : `AND a.archived = ${archived ? 1 : 0}`} ${stageId ? 'AND a.stage_id = ?' : ''}
      AND a.seq IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?)`;
    const params = [...(stageId ? [stageId] : []), `"${word}"*`];
    const ids = db.sqlite.prepare(`SELECT a.id FROM applications a WHERE ${where} ORDER BY a.applied_on DESC NULLS LAST, a.seq DESC LIMIT ?`).pluck().all(...params, limit);
    const total = db.sqlite.prepare(`SELECT count(*) FROM applications a WHERE ${where}`).pluck().get(...params);
    return { ids, total };
  }

  /** Which of the in-memory paths the next calls take: SQL that only they run. */
  function watchPaths(db: Database) {
    const seen = { pageInMemory: 0, pageFromMatchesRead: 0, liveRowsRead: 0 };
    const prototype = Object.getPrototypeOf(db.sqlite.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
    const original = prototype.all;
    prototype.all = function (this: { source: string }, ...args: unknown[]) {
      if (this.source.includes('in_text_matches')) seen.pageInMemory += 1;
      if (this.source.includes('+a.seq IN (SELECT value FROM json_each(?))')) seen.pageFromMatchesRead += 1;
      if (this.source.includes('seq * 4')) seen.liveRowsRead += 1;
      return original.apply(this, args);
    };
    return { seen, restore: () => Object.assign(prototype, { all: original }) };
  }

  async function expectSameAsSql(words: string[]) {
    const stageIds = handle.db.sqlite.prepare('SELECT id FROM stages WHERE deleted_at IS NULL ORDER BY position').pluck().all() as string[];
    // Three rounds: the first searches after a write count in SQL, the later ones from the live rows in memory.
    for (let round = 0; round < 3; round += 1) {
      for (const word of words) {
        for (const archived of [false, true, 'all'] as const) {
          // The search box, then each board column: the same words within one stage.
          for (const stageId of [undefined, ...stageIds]) {
            const page = await list({ text: word, archived, limit: 3, ...(stageId ? { stageIds: [stageId] } : {}) });
            const plain = plainAnswer(handle.db, word, archived, 3, stageId);
            expect({ word, archived, stageId, ids: page.items.map((item) => item.id), total: page.total }).toEqual({ word, archived, stageId, ...plain });
          }
        }
      }
    }
  }

  it('gives the page and total of plain SQL across writes', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 600; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const position = i % 50 === 0 ? 'Scala developer' : i % 3 === 0 ? 'Kotlin developer' : i % 3 === 1 ? 'Kotlin lead' : 'Java developer';
      ids.push((await createApplication(handle.api, { position, appliedOn: i % 17 === 0 ? undefined : `2026-0${(i % 9) + 1}-${day}`, location: i % 2 ? 'Lyon' : 'Paris' })).id);
    }
    const watched = watchPaths(handle.db);
    try {
      const words = ['kotlin', 'lyon', 'java', 'scala', 'nothing'];
      await expectSameAsSql(words);
      await handle.api.invoke('applications.archive', { ids: ids.slice(0, 40) });
      await expectSameAsSql(words);
      await createApplication(handle.api, { position: 'Kotlin architect', appliedOn: '2026-12-31', location: 'Lyon' });
      await expectSameAsSql(words);
      for (const id of ids.slice(30, 60)) await handle.api.invoke('applications.delete', { id });
      await expectSameAsSql(words);
      await handle.api.invoke('applications.restore', { ids: ids.slice(30, 45) });
      await handle.api.invoke('applications.unarchive', { ids: ids.slice(0, 10) });
      await expectSameAsSql(words);
      const [first, second] = handle.db.sqlite.prepare('SELECT id FROM stages WHERE deleted_at IS NULL ORDER BY position LIMIT 2').pluck().all() as string[];
      for (const id of ids.slice(200, 260)) await handle.api.invoke('applications.setStage', { id, stageId: second });
      await expectSameAsSql(words);
      handle.db.sqlite.prepare('UPDATE applications SET archived = 1 WHERE id = ?').run(ids[100]);
      handle.db.sqlite.prepare('UPDATE applications SET stage_id = ? WHERE id = ?').run(first, ids[201]);
      await expectSameAsSql(words);
      const other = new BetterSqlite3(path.join(handle.app.dir, databaseFileName));
      try {
        other.prepare('UPDATE applications SET archived = 0 WHERE id = ?').run(ids[0]);
        other.prepare('UPDATE applications SET deleted_at = ? WHERE id = ?').run('2026-01-01T00:00:00.000Z', ids[3]);
      } finally {
        other.close();
      }
      await expectSameAsSql(words);
      expect(watched.seen.pageInMemory).toBeGreaterThan(0);
      expect(watched.seen.pageFromMatchesRead).toBeGreaterThan(0);
      expect(watched.seen.liveRowsRead).toBeGreaterThan(5);
    } finally {
      watched.restore();
    }
  });
});
