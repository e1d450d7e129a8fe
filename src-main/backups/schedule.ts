import type { BackupInfo } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { AppContext } from '../context';
import { createBackup, listBackups } from '../db/backups';
import { toBackupInfo } from './info';

export const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;

/**
 * What identifies the data's state: the hybrid logical clock of the latest write (stored in meta by every write,
 * local or synced, and renewed after a restore). Equal fingerprints mean nothing was written in between.
 */
function liveFingerprint(context: AppContext): string | null {
  return (context.db.sql(`SELECT value FROM meta WHERE key = 'hlc_last'`).pluck(true).get() as string | undefined) ?? null;
}

/** The fingerprint stored in a backup file, read by attaching it for a moment. */
function backupFingerprint(context: AppContext, file: string): string | null {
  const { sqlite } = context.db;
  try {
    sqlite.prepare(`ATTACH DATABASE ? AS schedule_probe`).run(file);
  } catch {
    return null;
  }
  try {
    return (sqlite.prepare(`SELECT value FROM schedule_probe.meta WHERE key = 'hlc_last'`).pluck().get() as string | undefined) ?? null;
  } catch {
    return null;
  } finally {
    sqlite.prepare(`DETACH DATABASE schedule_probe`).run();
  }
}

export type ScheduledOutcome = { taken: BackupInfo } | { skipped: 'recent' | 'unchanged' | 'empty' | 'damaged' };

/**
 * Takes a 'scheduled' backup when the last one is at least `intervalMs` old and something was written since the
 * newest backup of any kind (a backup of the same state would only push a useful one out of the rotation).
 */
export async function runScheduledBackup(context: AppContext, intervalMs = day, now = Date.now()): Promise<ScheduledOutcome> {
  const backups = listBackups(context.dataDir);
  const lastScheduled = backups.find((backup) => backup.reason === 'scheduled');
  if (lastScheduled && now - Date.parse(lastScheduled.createdAt) < intervalMs) return { skipped: 'recent' };
  const fingerprint = liveFingerprint(context);
  if (fingerprint === null) return { skipped: 'empty' };
  const newest = backups[0];
  if (newest && backupFingerprint(context, newest.path) === fingerprint) return { skipped: 'unchanged' };
  // A copy of a damaged database would push good backups out of the rotation. Large files skip the full check
  // at start (src-main/db/open.ts), so this is where they get it.
  if (context.db.sqlite.pragma('quick_check', { simple: true }) !== 'ok') {
    console.error('[candid] the database failed quick_check: no scheduled backup taken');
    return { skipped: 'damaged' };
  }
  return { taken: toBackupInfo(await createBackup(context.db, context.dataDir, 'scheduled', context.job)) };
}

export interface BackupSchedule {
  stop(): void;
  /** Runs one check now (also what the timer does). */
  check(): Promise<ScheduledOutcome>;
}

/**
 * Automatic backups for the shells: a first check shortly after start, then one every hour (at most `intervalMs`
 * apart), so a daily backup still happens for an app that is never left open a whole day. Timers do not keep
 * the process alive. Failures are logged, never thrown: a backup must not take the app down.
 */
export function startBackupSchedule(
  context: AppContext,
  intervalMs = day,
  options: { firstCheckAfterMs?: number; checkEveryMs?: number } = {},
): BackupSchedule {
  const checkEveryMs = options.checkEveryMs ?? Math.min(intervalMs, hour);
  // In a job's worker: the integrity check and the copy read the whole database. The time is main's (its clock is
  // the one the schedule and the rest of the app live by; the worker's is the system's).
  const check = () => context.jobs.run('backups.scheduled', { intervalMs, now: context.clock.now() });
  const safeCheck = () => {
    check().catch((error: unknown) => {
      // Cancelled: by the user in the jobs' list, or by the app closing during it. Tried again at the next check.
      if (error instanceof AppError && error.code === 'CANCELLED') return;
      console.error('[candid] scheduled backup failed:', error);
    });
  };
  const first = setTimeout(safeCheck, options.firstCheckAfterMs ?? 60_000);
  const every = setInterval(safeCheck, checkEveryMs);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
    check,
  };
}
