import { describe, expect, it } from 'vitest';
import { SyncFailure } from '../../src-main/sync/failure';
import { SyncRunner, type Scheduler } from '../../src-main/sync/runner';

/** Timers the test moves by hand. */
class ManualScheduler implements Scheduler {
  time = 0;
  private timers: { at: number; callback: () => void; handle: number }[] = [];
  private next = 1;
  now() {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number) {
    const handle = this.next++;
    this.timers.push({ at: this.time + ms, callback, handle });
    return handle;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  }
  /** Moves time forward, firing what falls due; lets each run's promise settle. */
  async advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.time = due.at;
      this.clearTimeout(due.handle);
      due.callback();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.time = end;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function runnerWith(outcomes: (() => Promise<void>)[] = []) {
  const scheduler = new ManualScheduler();
  const runs: number[] = [];
  const runner = new SyncRunner(
    async () => {
      runs.push(scheduler.time);
      await (outcomes.shift() ?? (async () => undefined))();
    },
    { scheduler, debounceMs: 3000, intervalMs: 300_000, backoffMs: [10_000, 60_000] },
  );
  return { scheduler, runs, runner };
}

describe('when sync runs', () => {
  it('at start, then every interval, and a few seconds after the last of a burst of writes', async () => {
    const { scheduler, runs, runner } = runnerWith();
    runner.start();
    await scheduler.advance(0);
    expect(runs).toEqual([0]);
    await scheduler.advance(1000);
    runner.notifyWrite();
    await scheduler.advance(2000);
    runner.notifyWrite();
    await scheduler.advance(2999);
    expect(runs).toEqual([0]);
    await scheduler.advance(1);
    expect(runs).toEqual([0, 6000]);
    await scheduler.advance(300_000);
    expect(runs).toEqual([0, 6000, 306_000]);
    runner.stop();
    await scheduler.advance(1_000_000);
    expect(runs).toHaveLength(3);
  });

  it('never two runs at once: asking during a run makes one more run after it, shared by every caller', async () => {
    let release!: () => void;
    const { scheduler, runs, runner } = runnerWith([() => new Promise<void>((resolve) => (release = resolve))]);
    const first = runner.runNow();
    const second = runner.runNow();
    const third = runner.runNow();
    expect(runner.running).toBe(true);
    expect(runs).toHaveLength(1);
    release();
    await Promise.all([first, second, third]);
    expect(runs).toHaveLength(2);
    expect(second).toBe(third);
    void scheduler;
  });

  it('after failures, retries with growing waits (or the server’s Retry-After); not when signed out', async () => {
    const fail = (failure: SyncFailure) => async () => {
      throw failure;
    };
    const { scheduler, runs, runner } = runnerWith([
      fail(new SyncFailure('unreachable', 'down')),
      fail(new SyncFailure('unreachable', 'down')),
      fail(new SyncFailure('rate_limited', 'slow down', { retryAfterMs: 120_000 })),
      fail(new SyncFailure('signed_out', 'revoked')),
    ]);
    runner.start();
    await scheduler.advance(0);
    await scheduler.advance(10_000);
    expect(runs).toEqual([0, 10_000]);
    await scheduler.advance(60_000);
    expect(runs).toEqual([0, 10_000, 70_000]);
    await scheduler.advance(120_000);
    expect(runs).toEqual([0, 10_000, 70_000, 190_000]);
    await scheduler.advance(10_000_000);
    expect(runs).toHaveLength(4);
  });
});
