/**
 * The server's sense of time. Everything time-driven (token expiry, rate-limit windows, stored times) reads it, so
 * tests can move time forward instead of waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const isoAt = (ms: number): string => new Date(ms).toISOString();
