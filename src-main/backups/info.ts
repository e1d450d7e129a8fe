import path from 'node:path';
import type { BackupInfo } from '../../src-shared/contract';
import type { BackupInfo as StoredBackup } from '../db/backups';

/** A backup file as the contract describes it. */
export function toBackupInfo(backup: StoredBackup): BackupInfo {
  return { path: backup.path, fileName: path.basename(backup.path), reason: backup.reason, createdAt: backup.createdAt, bytes: backup.bytes };
}
