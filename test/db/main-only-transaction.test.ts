import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../src-main/db/open';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * `Database.transaction(fn, { mainOnly: true })` (src-main/db/connection.ts): the import's copy attaches the file its
 * statistics thread may still be writing and reads it only at its end (imports/staging.ts apply). Its transaction
 * must hold main's write lock from its start, as IMMEDIATE does, and take nothing of the attached file until it
 * reads it: IMMEDIATE would begin a write there too, and the thread's next commit would be refused.
 */

let app: TempApp | undefined;
const others: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const other of others.splice(0)) other.close();
  app?.close();
  app = undefined;
});

function connect(file: string): BetterSqlite3.Database {
  const connection = new BetterSqlite3(file);
  connection.pragma('busy_timeout = 0');
  others.push(connection);
  return connection;
}

/** Whether `connection` can begin a write now. */
function canWrite(connection: BetterSqlite3.Database): boolean {
  try {
    connection.exec('BEGIN IMMEDIATE');
    connection.exec('ROLLBACK');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  }
}

describe('a transaction that takes the write lock of main only', () => {
  for (const mainOnly of [true, false]) {
    it(`${mainOnly ? 'holds main and leaves' : 'as IMMEDIATE, holds main and'} an attached file ${mainOnly ? 'to its other writer' : 'too'} until it reads it`, async () => {
      app = await openTempApp();
      const db = app.context.db;
      const attachedFile = path.join(app.dir, 'other.sqlite');
      const writer = connect(attachedFile);
      writer.pragma('journal_mode = WAL');
      writer.exec('CREATE TABLE counts (n INTEGER)');
      db.sqlite.prepare('ATTACH DATABASE ? AS other').run(attachedFile);
      const live = connect(path.join(app.dir, databaseFileName));
      try {
        const seen = db.transaction(
          () => {
            expect(canWrite(live)).toBe(false);
            expect(canWrite(writer)).toBe(mainOnly);
            if (mainOnly) writer.exec('INSERT INTO counts VALUES (7)');
            // Read once its writer is done: what it committed meanwhile, seen.
            return db.sqlite.prepare('SELECT count(*) FROM other.counts').pluck().get();
          },
          { mainOnly },
        );
        expect(seen).toBe(mainOnly ? 1 : 0);
        expect(canWrite(live)).toBe(true);
      } finally {
        db.sqlite.prepare('DETACH DATABASE other').run();
      }
    });
  }
});
