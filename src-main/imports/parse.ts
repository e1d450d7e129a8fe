/** The picked file once read as a Candid JSON backup (candid-backup.ts reads it). */
export type { BackupFile as ParsedBackup } from './reader';
