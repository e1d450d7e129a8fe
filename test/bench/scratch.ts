import fs from 'node:fs';
import { tempDir } from '../support/temp-app';

const created = new Set<string>();

/**
 * A temporary folder for one part of the benchmark (a 100,000 database copy weighs about 2 GB), removed when
 * that part is done, or when the process ends, even by Ctrl-C.
 */
export function scratchDir(prefix: string): string {
  const dir = tempDir(prefix);
  created.add(dir);
  return dir;
}

export function removeScratch(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  created.delete(dir);
}

process.once('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
