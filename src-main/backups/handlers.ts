import { createBackup, listBackups } from '../db/backups';
import { serialised } from '../exports/serial';
import { defineHandlers } from '../handler';
import { toBackupInfo } from './info';
import { restoreBackup } from './restore';

export const backupsHandlers = defineHandlers({
  'backups.list': (_input, context) => listBackups(context.dataDir).map(toBackupInfo),
  'backups.create': (_input, context) =>
    serialised(context, async () => toBackupInfo(await createBackup(context.db, context.dataDir, 'manual'))),
  'backups.restore': (input, context) => serialised(context, () => restoreBackup(context, input.path)),
});
