import path from 'node:path';
import { systemClock, type Clock } from './automation/clock';
import { ChangeWriter } from './changes/writer';
import { settlePendingStatistics } from './changes/pending-statistics';
import type { Database } from './db/connection';
import { removeLeftovers } from './db/leftovers';
import { databaseFileName, openDatabase } from './db/open';
import { makeDataFolderPrivate } from './db/private-files';
import type { Migration } from '../migrations';
import { browserSecretStore, type SecretStore } from './sync/secrets';
import { SyncService, type SyncServiceOptions } from './sync/service';
import type { JobControl } from './jobs/control';
import { JobRunner, type Jobs } from './jobs/runner';

export interface AppContext {
  db: Database;
  changes: ChangeWriter;
  dataDir: string;
  databaseFile: string;
  shell: 'desktop' | 'browser';
  version: string;
  /** Sync with the person's other devices; its runner starts only when a shell (or a test) calls `sync.start()`. */
  sync: SyncService;
  /** The time the write path stamps and automation runs by (tests and the end-to-end server inject theirs). */
  clock: Clock;
  /** Long work (imports, exports, backups, restores): run in a worker thread by main (src-main/jobs). */
  jobs: Jobs;
  /** Secrets kept outside the database (sync's tokens, the AI key): safeStorage on the desktop, a 0600 file in the browser shell. */
  secrets: SecretStore;
  /** Inside a job's worker only: its progress, cancel and temporary files. */
  job?: JobControl;
  /** Capture's page fetching (src-main/capture): tests serve pages on 127.0.0.1, so they allow private addresses. */
  capture?: { allowPrivateAddresses?: boolean; timeoutMs?: number };
}

export interface OpenContextOptions {
  dataDir: string;
  shell?: 'desktop' | 'browser';
  nativeBinding?: string;
  migrations?: readonly Migration[];
  version?: string;
  /** Where sync keeps its tokens and key: default, the browser shell's file (the desktop passes safeStorage's). */
  secrets?: SecretStore;
  sync?: SyncServiceOptions;
  clock?: Clock;
}

export const appVersion = '0.1.0';

/** Opens the database of a data folder and everything the handlers need around it. */
export async function openAppContext(options: OpenContextOptions): Promise<AppContext> {
  const databaseFile = path.join(options.dataDir, databaseFileName);
  // Before anything reads or writes it: private to the user, and without what a crash left half-written.
  makeDataFolderPrivate(options.dataDir);
  removeLeftovers(options.dataDir);
  const db = await openDatabase({
    file: databaseFile,
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    migrations: options.migrations,
  });
  // A crash between a write and the refresh of its statistics (changes/pending-statistics.ts) left them owed.
  settlePendingStatistics(db);
  const clock = options.clock ?? systemClock;
  const context = {
    db,
    changes: ChangeWriter.open(db, () => clock.now()),
    dataDir: options.dataDir,
    databaseFile,
    shell: options.shell ?? 'browser',
    version: options.version ?? appVersion,
    clock,
  } as AppContext;
  const { changes, shell, version } = context;
  context.jobs = new JobRunner({ db, changes, databaseFile, dataDir: options.dataDir, nativeBinding: options.nativeBinding, shell, version });
  context.secrets = options.secrets ?? browserSecretStore(options.dataDir);
  context.sync = new SyncService(context, context.secrets, options.sync);
  return context;
}

/** Stops any running job (its uncommitted work is rolled back) and closes the database. */
export function closeAppContext(context: AppContext): void {
  context.sync.stop();
  void context.jobs.close();
  context.db.close();
}
