import type { Migration } from '../../../migrations';

/** What was found after a kill: the database's integrity_check and how much of the operation it holds. */
export interface Found {
  integrity: string;
  /** 'none' or 'all' of the operation; anything else is damage (say what was found). */
  outcome: 'none' | 'all' | string;
}

/**
 * One kind of operation the soak kills at random moments. To add one (sync, say): write a file next to this one
 * exporting a CrashKind, and add it to `crashKinds` in kinds.ts. Everything else (the child process, the kill, the
 * restart check for leftovers, the tally) is shared.
 */
export interface CrashKind {
  /** Fills a fresh data folder with what the operation starts from. Run once per process; each round gets a copy. */
  prepare?(dataDir: string): Promise<void>;
  /** In the child process: opens what it needs, calls `ready()` right before the operation starts, then runs it. */
  run(dataDir: string, marker: string, ready: () => void): Promise<void>;
  /** After the kill, before anything else opens the folder: what the database holds. */
  inspect(dataDir: string, marker: string): Found | Promise<Found>;
  /** The migrations the next start runs with (default: the app's). */
  migrations?: readonly Migration[];
}
