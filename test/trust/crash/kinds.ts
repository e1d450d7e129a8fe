import { backupKind } from './backup';
import { bulkUpdateKind } from './bulk-update';
import { checkpointKind } from './checkpoint';
import { importKind } from './import';
import type { CrashKind } from './kind';
import { migrationKind } from './migration';
import { restoreKind } from './restore';
import { syncApplyKind } from './sync-apply';

/** Every kind of operation the crash test and the soak kill (see CrashKind to add one). */
export const crashKinds = {
  import: importKind,
  bulkUpdate: bulkUpdateKind,
  migration: migrationKind,
  backup: backupKind,
  restore: restoreKind,
  syncApply: syncApplyKind,
  checkpoint: checkpointKind,
} satisfies Record<string, CrashKind>;

export type CrashKindName = keyof typeof crashKinds;
export const crashKindNames = Object.keys(crashKinds) as CrashKindName[];

export function isCrashKindName(name: string): name is CrashKindName {
  return Object.prototype.hasOwnProperty.call(crashKinds, name);
}
