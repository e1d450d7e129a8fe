import fs from 'node:fs';

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

export type FileHeaderVerdict =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'sqlite'; userVersion: number }
  | { kind: 'not-sqlite' };

/**
 * Reads the first 100 bytes of a database file without opening it through SQLite, so that a file we must refuse
 * (not SQLite, or written by a newer Candid) is never touched: not even a journal-mode change reaches it.
 */
export function inspectDatabaseFile(path: string): FileHeaderVerdict {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read === 0) return { kind: 'empty' };
    if (read < 100 || !header.subarray(0, 16).equals(sqliteMagic)) return { kind: 'not-sqlite' };
    // PRAGMA user_version lives at offset 60, a big-endian 32-bit integer.
    return { kind: 'sqlite', userVersion: header.readInt32BE(60) };
  } finally {
    fs.closeSync(fd);
  }
}
