import crypto from 'node:crypto';
import path from 'node:path';
import { fileHandlePrefix, type PickedFile } from '../../src-shared/contract/file-paths';

export type GrantedAccess = 'read' | 'write';

/**
 * The files the user picked in the main process's own dialogs, each behind an opaque handle the page may pass where
 * a path goes (src-shared/contract/file-paths.ts). A handle grants what its dialog was for: an open dialog's
 * handles can be read, a save dialog's written, never the other way round. Handles live as long as the app runs
 * (an import previews then runs the same file); the oldest are forgotten past `max`.
 */
export class FileGrants {
  static readonly max = 200;
  private readonly grants = new Map<string, { file: string; access: GrantedAccess }>();

  /** A new handle for `file`, as the page receives it. */
  grant(file: string, access: GrantedAccess): PickedFile {
    const handle = `${fileHandlePrefix}${crypto.randomBytes(18).toString('base64url')}`;
    this.grants.set(handle, { file: path.resolve(file), access });
    while (this.grants.size > FileGrants.max) this.grants.delete(this.grants.keys().next().value!);
    return { handle, name: path.basename(file) };
  }

  /** The file behind a handle when it grants `access`, else null. */
  resolve(handle: string, access: GrantedAccess): string | null {
    const grant = this.grants.get(handle);
    return grant && grant.access === access ? grant.file : null;
  }
}
