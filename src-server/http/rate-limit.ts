import type { Clock } from '../clock';
import type { RateWindow } from '../config';
import { ServerError } from './errors';

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Counts events per key in fixed windows of the injected clock. Kept in memory: each server process limits what
 * it sees (several processes on one PostgreSQL each allow the limit; put them behind one proxy that pins clients
 * if that matters). Old windows are swept as new keys arrive, so memory stays proportional to recent clients.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private sweepAt = 0;

  constructor(
    private readonly limit: RateWindow,
    private readonly clock: Clock,
    private readonly what: string,
  ) {}

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && this.clock.now() - window.startedAt < this.limit.windowSeconds * 1000) return window;
    return undefined;
  }

  /** Refuses with 429 (and Retry-After) once the key has used its allowance of this window. */
  check(key: string): void {
    const window = this.current(key);
    if (!window || window.count < this.limit.max) return;
    const retryAfter = Math.max(1, Math.ceil((window.startedAt + this.limit.windowSeconds * 1000 - this.clock.now()) / 1000));
    throw new ServerError('RATE_LIMITED', `Too many ${this.what}; try again in ${retryAfter} s`, {
      details: { retryAfterSeconds: retryAfter },
      headers: { 'Retry-After': String(retryAfter) },
    });
  }

  record(key: string): void {
    const now = this.clock.now();
    this.sweep(now);
    const window = this.current(key);
    if (window) window.count += 1;
    else this.windows.set(key, { startedAt: now, count: 1 });
  }

  /** `check` then `record`: for limits that count every attempt, not only failures. */
  take(key: string): void {
    this.check(key);
    this.record(key);
  }

  private sweep(now: number): void {
    if (now < this.sweepAt) return;
    const span = this.limit.windowSeconds * 1000;
    for (const [key, window] of this.windows) if (now - window.startedAt >= span) this.windows.delete(key);
    this.sweepAt = now + span;
  }
}
