import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../support/temp-app';

/**
 * Real read-only and full file systems for the broken-database tests: a small tmpfs mounted on a temp folder.
 * Mounting needs root (or CAP_SYS_ADMIN); permissions alone would not stop root, a read-only mount does.
 */
export interface Tmpfs {
  dir: string;
  remountReadOnly(): void;
  /** Writes a filler file until the file system refuses with ENOSPC; returns its path (delete it to free space). */
  fill(): string;
  unmount(): void;
}

function mount(dir: string, sizeKb: number): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
}

/** Why tmpfs cannot be mounted here (the tests that need it are skipped with this reason), or null. */
export const tmpfsUnavailable: string | null = (() => {
  const probe = tempDir('candid-mount-probe-');
  try {
    mount(probe, 64);
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

export function mountTmpfs(sizeKb: number): Tmpfs {
  const dir = tempDir('candid-tmpfs-');
  mount(dir, sizeKb);
  return {
    dir,
    remountReadOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    fill() {
      const filler = path.join(dir, 'filler');
      const fd = fs.openSync(filler, 'w');
      try {
        // Large writes first, then small ones to use up the last partial pages.
        for (const size of [1024 * 1024, 4096, 512]) {
          const chunk = Buffer.alloc(size, 0x5a);
          try {
            for (;;) fs.writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        fs.closeSync(fd);
      }
      return filler;
    },
    unmount() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
