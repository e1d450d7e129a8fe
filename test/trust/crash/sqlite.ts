import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createApplication } from '../../../src-main/applications/mutations';
import { closeAppContext, openAppContext } from '../../../src-main/context';

export const count = (db: BetterSqlite3.Database, query: string, ...params: unknown[]) => db.prepare(query).pluck().get(...params) as number;

/** Opens the database file of a data folder (read and write, as SQLite needs to replay a -wal) and checks it. */
export function readOnly<T>(dataDir: string, look: (db: BetterSqlite3.Database, integrity: string) => T, file = path.join(dataDir, 'candid.sqlite')): T {
  const db = new BetterSqlite3(file);
  try {
    return look(db, String(db.pragma('integrity_check', { simple: true })));
  } finally {
    db.close();
  }
}

/** `n` applications through the write path, in one transaction. */
export async function addApplications(dataDir: string, n: number, label: string): Promise<void> {
  const context = await openAppContext({ dataDir });
  try {
    context.changes.write((write) => {
      for (let index = 0; index < n; index++) {
        createApplication(context.db, write, { companyName: `${label} company ${index % 100}`, position: `${label} ${index}`, source: 'linkedin', notes: 'n'.repeat(200) });
      }
    });
  } finally {
    closeAppContext(context);
  }
}
