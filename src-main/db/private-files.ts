import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder is the user's own: other users of the machine may not list it or read anything in it. Folders
 * are 0700 and files 0600, whatever the umask; Windows has no such modes (its profile folders are private), so
 * there this does nothing.
 */
export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;

const hasModes = process.platform !== 'win32';

/** Creates the folder (and its parents) private, or makes an existing one private. Best effort on read-only disks. */
export function ensurePrivateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  tighten(folder, privateFolderMode);
}

/** Drops the group and other bits of a file or folder that has them (one created by an older Candid, 0755/0644). */
function tighten(target: string, mode: number): void {
  if (!hasModes) return;
  try {
    const stat = fs.lstatSync(target);
    if (stat.isSymbolicLink() || (stat.mode & 0o077) === 0) return;
    fs.chmodSync(target, mode);
  } catch {
    // A read-only disk or a file owned by someone else: opening the database reports what matters.
  }
}

/**
 * Makes the data folder private: the folder itself, and every folder and file Candid keeps in it (the database and
 * its journals, backups/, documents/, open/, api-token). Links are never followed.
 */
export function makeDataFolderPrivate(dataDir: string): void {
  ensurePrivateFolder(dataDir);
  const walk = (folder: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        tighten(full, privateFolderMode);
        if (depth < 3) walk(full, depth + 1);
      } else if (entry.isFile()) {
        tighten(full, privateFileMode);
      }
    }
  };
  walk(dataDir, 0);
}

/** Creates an empty file only the user can read (for SQLite to fill: it gives its journals the same mode). */
export function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', privateFileMode));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Writes `content` to `file`, replacing whatever is there (a stale copy left by a crash, a file of another mode, a
 * link), as a new private file: written under a random name with O_EXCL and mode 0600, then renamed over the target.
 * `writeFileSync(file, …, { mode })` applies the mode only when it creates the file, and would follow a link.
 */
export function writePrivateFile(file: string, content: string | Uint8Array): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.partial`);
  try {
    fs.writeFileSync(temporary, content, { mode: privateFileMode, flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
