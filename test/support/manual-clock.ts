import type { Clock } from '../../src-main/automation/clock';

interface Timer {
  at: number;
  order: number;
  callback: () => void | Promise<void>;
}

/**
 * A clock the test moves: `advance` goes forward in time and fires every timer on the way, each at its own moment
 * (the clock reads exactly its due time while it runs) and in order, waiting for what a timer returns. So a test can
 * live through months of the app's time in a second, and see what happened at which moment.
 */
export class ManualClock implements Clock {
  private timers: Timer[] = [];
  private order = 0;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void | Promise<void>, delayMs: number): () => void {
    const timer: Timer = { at: this.current + Math.max(0, delayMs), order: this.order++, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((candidate) => candidate !== timer);
    };
  }

  /** When the next timer fires, or null. */
  get nextTimerAt(): number | null {
    return this.timers.reduce<number | null>((next, timer) => (next === null || timer.at < next ? timer.at : next), null);
  }

  async advanceTo(target: number): Promise<void> {
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.current = Math.max(this.current, due.at);
      await due.callback();
    }
    this.current = Math.max(this.current, target);
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.current + ms);
  }

  /** Sets the time without firing anything (a clock put back, or a process that was not running meanwhile). */
  jumpTo(ms: number): void {
    this.current = ms;
  }
}
