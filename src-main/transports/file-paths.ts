import fs from 'node:fs';
import path from 'node:path';
import { fileHandlePrefix, filePathAccess, filePathKey, type FileAccess } from '../../src-shared/contract/file-paths';
import { AppError } from '../../src-shared/errors';
import { backupsDir } from '../db/backups';
import { isInside } from '../shared/inside';
import type { FileGrants } from './file-grants';

/**
 * What a transport lets a page name as a file (src-shared/contract/file-paths.ts): handles its dialogs gave (IPC
 * only; HTTP has no dialogs), and paths of the data folder that the access allows. Every `path` key of an input is
 * checked and, for a handle, replaced by the file it stands for, before the handler runs; anything else is refused
 * with FORBIDDEN, so a compromised page cannot make an export overwrite a file of the user's, or a preview read one.
 */
export interface FilePathPolicy {
  dataDir: string;
  /** The dialogs' handles; absent over HTTP. */
  grants?: FileGrants;
}

function forbidden(channel: string, access: FileAccess | undefined, given: string): AppError {
  const shown = given.slice(0, 200);
  const why =
    access === undefined
      ? `${channel} takes no file`
      : access === 'write'
        ? 'a file is written only where the user chose in a save dialog'
        : access === 'read'
          ? 'a file is read only when the user chose it in an open dialog, or from the app’s backups'
          : 'a handle names a file to read or write, not to show';
  return new AppError('FORBIDDEN', `${shown} cannot be used here: ${why}.`, { details: { reason: 'file_not_granted', channel, path: shown } });
}

/**
 * A backup of the app's own folder: inside backups/, a regular file when it exists (a link placed there is not
 * followed), in a folder that really is the backups folder. One that does not exist passes, for the handler to say so.
 */
function isOwnBackup(dataDir: string, given: string): boolean {
  const folder = backupsDir(dataDir);
  if (!path.isAbsolute(given) || !isInside(folder, given)) return false;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(given);
  } catch {
    return true;
  }
  if (!stat.isFile()) return false;
  try {
    // backups/ itself must not be a link out of the data folder either.
    const realFolder = fs.realpathSync(folder);
    return realFolder === path.join(fs.realpathSync(dataDir), path.basename(folder)) && isInside(realFolder, fs.realpathSync(given));
  } catch {
    return false;
  }
}

/** The file a page's `value` may stand for under `access`, or null. */
function allowedFile(value: string, access: FileAccess, policy: FilePathPolicy): string | null {
  if (value.startsWith(fileHandlePrefix)) {
    if (access === 'reveal') return null;
    return policy.grants?.resolve(value, access) ?? null;
  }
  if (access === 'read') return isOwnBackup(policy.dataDir, value) ? value : null;
  // Shown, not opened: shell.showItemInFolder itself refuses anything outside the data folder, links resolved, with
  // the reason the page translates (src-main/shell/data-folder.ts).
  if (access === 'reveal') return value;
  return null;
}

const isPlainContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  typeof value === 'object' && value !== null && (Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value)));

/**
 * Checks every `path` of `input` for `channel` and puts the granted file in place of each handle. The input is
 * changed in place: each transport hands this a value of its own (IPC's structured clone, HTTP's parsed JSON).
 * Walks plain objects and arrays only, without recursion and once per object (IPC can carry cycles and deep
 * nesting); a `path` that is not a string is left for the channel's schema to refuse.
 */
export function guardFilePaths(channel: string, input: unknown, policy: FilePathPolicy): void {
  const access = Object.prototype.hasOwnProperty.call(filePathAccess, channel) ? filePathAccess[channel as keyof typeof filePathAccess] : undefined;
  const seen = new Set<object>();
  const pending: unknown[] = [input];
  while (pending.length > 0) {
    const value = pending.pop();
    if (!isPlainContainer(value) || seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      if (key === filePathKey && typeof child === 'string' && !Array.isArray(value)) {
        const file = access === undefined ? null : allowedFile(child, access, policy);
        if (file === null) throw forbidden(channel, access, child);
        (value as Record<string, unknown>)[key] = file;
      } else {
        pending.push(child);
      }
    }
  }
}
