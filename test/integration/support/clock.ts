import { ChangeWriter } from '../../../src-main/changes/writer';
import type { AppHandle } from './app';

export interface FakeClock {
  /** Sets the wall time the write path sees, in ms since the epoch. */
  set(ms: number): void;
}

/**
 * Gives the app's write path a wall clock the test sets, so that "this change was made before that one"
 * does not depend on how fast the test runs. The writer is reopened on the same database, as at start-up.
 */
export function useFakeClock(handle: AppHandle, start: number): FakeClock {
  let now = start;
  handle.app.context.changes = ChangeWriter.open(handle.db, () => now);
  return {
    set(ms) {
      now = ms;
    },
  };
}
