import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The name every held-parts folder starts with (held-sheet.ts), so that one left behind can be recognised. */
export const heldPartsPrefix = 'candid-export-';

/** An export takes seconds: a folder this old belongs to no export still running, in this app or another. */
const abandonedAfterMs = 24 * 60 * 60 * 1000;

/**
 * Removes the held-parts folders a killed app left in the temporary folder (the job runner removes those of a worker
 * that dies, not those of a process that dies with it). They hold the user's data, deflated. Returns the folders
 * removed; a folder that cannot be read or removed is left for the next launch.
 */
export async function removeAbandonedHeldParts(tempDir = os.tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fs.promises.readdir(tempDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(heldPartsPrefix)) continue;
    const folder = path.join(tempDir, name);
    try {
      const stats = await fs.promises.lstat(folder);
      if (!stats.isDirectory() || now - stats.mtimeMs < abandonedAfterMs) continue;
      await fs.promises.rm(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      // Another launch removed it first, or it is not ours to remove: nothing to do.
    }
  }
  return removed;
}

let swept = false;

/** Once per process: the sweep reads the whole temporary folder, which tests and long sessions fill. */
export function sweepAbandonedHeldPartsOnce(): void {
  if (swept) return;
  swept = true;
  void removeAbandonedHeldParts();
}
