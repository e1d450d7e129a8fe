/**
 * The time automation lives by, injected so that tests (and the end-to-end test server) can run months in
 * seconds: the app context holds one, the write path stamps with it, the scheduler waits on it.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once `delayMs` have passed on this clock; returns what cancels it. */
  setTimer(callback: () => void | Promise<void>, delayMs: number): () => void;
}

/**
 * The longest a real timer waits before the scheduler looks again: setTimeout overflows past 24.8 days, and a
 * computer that slept or had its clock changed wakes timers late or early.
 */
export const longestRealWaitMs = 6 * 60 * 60 * 1000;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, Math.max(0, Math.min(delayMs, longestRealWaitMs)));
    // A pending wake-up must not keep a process (a script, a test) alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
