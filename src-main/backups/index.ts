/** Backups for the rest of the app: the shells start the schedule, the importer backs up before it writes. */
import type { BackupInfo } from '../../src-shared/contract';
import type { AppContext } from '../context';
import { createBackup } from '../db/backups';
import { serialised } from '../exports/serial';
import { toBackupInfo } from './info';

export { startBackupSchedule, runScheduledBackup, type BackupSchedule } from './schedule';
export { restoreBackup } from './restore';

/** A 'pre-import' snapshot: call it right before an import writes anything, so the import can be undone. */
export function backupBeforeImport(context: AppContext): Promise<BackupInfo> {
  return serialised(context, async () => toBackupInfo(await createBackup(context.db, context.dataDir, 'pre-import', context.job)));
}
