import path from 'node:path';
import { ChangeWriter } from './changes/writer';
import type { Database } from './db/connection';
import { databaseFileName, openDatabase } from './db/open';
import type { Migration } from '../migrations';

export interface AppContext {
  db: Database;
  changes: ChangeWriter;
  dataDir: string;
  databaseFile: string;
  shell: 'desktop' | 'browser';
  version: string;
}

export interface OpenContextOptions {
  dataDir: string;
  shell?: 'desktop' | 'browser';
  nativeBinding?: string;
  migrations?: readonly Migration[];
  version?: string;
}

export const appVersion = '0.1.0';

/** Opens the database of a data folder and everything the handlers need around it. */
export async function openAppContext(options: OpenContextOptions): Promise<AppContext> {
  const databaseFile = path.join(options.dataDir, databaseFileName);
  const db = await openDatabase({
    file: databaseFile,
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    migrations: options.migrations,
  });
  return {
    db,
    changes: ChangeWriter.open(db),
    dataDir: options.dataDir,
    databaseFile,
    shell: options.shell ?? 'browser',
    version: options.version ?? appVersion,
  };
}

export function closeAppContext(context: AppContext): void {
  context.db.close();
}
