import { z } from 'zod';

/** Why a snapshot was taken; each reason keeps its own number of recent files. */
export const backupReasons = ['scheduled', 'manual', 'pre-migration', 'pre-import', 'pre-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

const none = z.undefined().or(z.object({}).strict()).optional();

export const restoreBackupInput = z
  .object({
    /** A file from backups.list, or any Candid database the user picked (absolute path). */
    path: z.string().trim().min(1, 'must not be empty').max(4096),
  })
  .strict();

export const backupsChannelInputs = {
  'backups.list': none,
  'backups.create': none,
  'backups.restore': restoreBackupInput,
} as const;

export interface BackupInfo {
  path: string;
  fileName: string;
  reason: BackupReason;
  createdAt: string;
  bytes: number;
}

export interface RestoreResult {
  /** The file whose content is now the live database. */
  restoredFrom: string;
  /** The state just before the restore: restoring this file undoes the restore. */
  undo: BackupInfo;
  /** The schema version the restored file had (it was migrated to the current one if older). */
  schemaVersion: number;
}

export interface BackupsOutputs {
  'backups.list': BackupInfo[];
  'backups.create': BackupInfo;
  'backups.restore': RestoreResult;
}
