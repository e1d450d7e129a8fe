import fs from 'node:fs';
import path from 'node:path';
import { backupsDir } from './backups';

/**
 * What a crash can leave in the data folder: files written under a temporary name that were never renamed into
 * place. Nothing reads them; they only take space (five killed backups of a large database left 2.3 GB).
 * - backups/*.partial: a snapshot being written (src-main/db/backups.ts);
 * - .restore-*.sqlite and its -wal/-shm/-journal: the checked copy of a file being restored (src-main/backups/restore.ts);
 * - candid.sqlite.restoring: a backup being copied into place at start (src-main/db/recovery.ts);
 * - documents/<xx>/*.partial: a document being stored (src-main/documents/files.ts);
 * - <name>.<random>.partial, with or without a leading dot: a file being replaced under a temporary name (api-token
 *   through src-main/db/private-files.ts, sync-secrets.json through src-main/sync/secrets.ts);
 * - open/: the copies handed to the system viewer (src-main/documents/files.ts), remade on each open.
 * Damaged databases moved aside (candid.sqlite.broken-…) are never removed: they may still hold something.
 */
const leftoverNames = [/^\.restore-[0-9a-f]+\.sqlite(-wal|-shm|-journal)?$/, /^candid\.sqlite\.restoring$/, /\.[0-9a-f]{12}\.partial$/];

export interface RemovedLeftovers {
  files: number;
  bytes: number;
}

/**
 * Removes them. Run at start, before anything else uses the folder: only one Candid runs on a data folder (the
 * desktop app enforces it; two browser shells on one folder are not supported), so nothing is being written yet.
 */
export function removeLeftovers(dataDir: string): RemovedLeftovers {
  const removed: RemovedLeftovers = { files: 0, bytes: 0 };
  const remove = (file: string) => {
    try {
      const stat = fs.lstatSync(file);
      fs.rmSync(file, { recursive: true, force: true });
      removed.files += 1;
      removed.bytes += stat.isFile() ? stat.size : 0;
    } catch {
      // Gone already, or not ours to remove (read-only disk): nothing to do.
    }
  };
  const namesIn = (folder: string) => {
    try {
      return fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return [];
    }
  };

  for (const entry of namesIn(dataDir)) {
    if (leftoverNames.some((pattern) => pattern.test(entry.name))) remove(path.join(dataDir, entry.name));
  }
  for (const entry of namesIn(backupsDir(dataDir))) {
    if (entry.name.endsWith('.partial') || /\.partial-(wal|shm|journal)$/.test(entry.name)) remove(path.join(backupsDir(dataDir), entry.name));
  }
  const documents = path.join(dataDir, 'documents');
  for (const folder of namesIn(documents)) {
    if (!folder.isDirectory()) continue;
    for (const entry of namesIn(path.join(documents, folder.name))) {
      if (entry.name.endsWith('.partial')) remove(path.join(documents, folder.name, entry.name));
    }
  }
  if (fs.existsSync(path.join(dataDir, 'open'))) remove(path.join(dataDir, 'open'));
  return removed;
}
