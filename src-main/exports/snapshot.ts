import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/connection';

/** The schema name under which the snapshot is attached to the app's connection. */
export const snapshotSchema = 'export_snapshot';

/** Copy every page in one step: a snapshot taken over many turns of the event loop would have to start over. */
const allPages = () => 0x7fffffff;

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Runs `read` against a frozen copy of the database, attached to the app's connection as `export_snapshot`, so
 * that an export read over many turns of the event loop (while the app keeps writing) is one consistent state: no
 * row refers to a row written after the others were read. The copy is made with SQLite's online backup API next
 * to the database (same disk) and deleted afterwards.
 */
export async function withSnapshot<T>(db: Database, dataDir: string, read: (schema: string) => Promise<T>): Promise<T> {
  const file = path.join(dataDir, `.export-snapshot-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  try {
    await db.sqlite.backup(file, { progress: allPages });
    db.sqlite.prepare(`ATTACH DATABASE ? AS ${snapshotSchema}`).run(file);
    try {
      return await read(snapshotSchema);
    } finally {
      db.sqlite.prepare(`DETACH DATABASE ${snapshotSchema}`).run();
    }
  } finally {
    removeDatabaseFiles(file);
  }
}
