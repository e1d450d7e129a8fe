import { SyncFailure } from './failure';

/** Time and timers, injected so tests drive the runner without waiting. */
export interface Scheduler {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending sync must not keep a process (a script, a test) alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface RunnerOptions {
  scheduler?: Scheduler;
  /** After a local write, wait this long for more before syncing. */
  debounceMs?: number;
  /** Between runs when nothing else triggers one. */
  intervalMs?: number;
  /** Waits after consecutive failures (the last repeats). */
  backoffMs?: readonly number[];
}

export const defaultRunnerTimes = {
  debounceMs: 3000,
  intervalMs: 5 * 60_000,
  backoffMs: [10_000, 30_000, 60_000, 2 * 60_000, 5 * 60_000],
} as const;

/**
 * When sync runs: at start, `debounceMs` after local writes, every `intervalMs`, and on demand; never two runs at
 * once (a trigger during a run makes one more run after it); after a failure, again with growing waits (or when
 * the server's Retry-After says).
 */
export class SyncRunner {
  private readonly scheduler: Scheduler;
  private readonly times: Required<Omit<RunnerOptions, 'scheduler'>>;
  private timer: unknown = null;
  private current: Promise<void> | null = null;
  private again: Promise<void> | null = null;
  private failures = 0;
  private started = false;
  nextRunAt: number | null = null;

  constructor(
    private readonly run: () => Promise<void>,
    options: RunnerOptions = {},
  ) {
    this.scheduler = options.scheduler ?? systemScheduler;
    this.times = {
      debounceMs: options.debounceMs ?? defaultRunnerTimes.debounceMs,
      intervalMs: options.intervalMs ?? defaultRunnerTimes.intervalMs,
      backoffMs: options.backoffMs ?? defaultRunnerTimes.backoffMs,
    };
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Resolves once no run is going (whatever its outcome). */
  async whenIdle(): Promise<void> {
    while (this.current) await this.current.catch(() => undefined);
  }

  /** Runs now, then on the interval. */
  start(): void {
    this.started = true;
    void this.runNow().catch(() => undefined);
  }

  stop(): void {
    this.started = false;
    this.cancelTimer();
  }

  /** A local write happened: run once writes pause for `debounceMs`. */
  notifyWrite(): void {
    if (!this.started) return;
    this.schedule(this.times.debounceMs);
  }

  /**
   * Runs as soon as possible and resolves when a run that started after this call ends (rejecting with its
   * failure). During a run, one more run follows it, shared by every call made meanwhile.
   */
  runNow(): Promise<void> {
    if (this.current) {
      this.again ??= this.current.catch(() => undefined).then(() => {
        this.again = null;
        return this.runNow();
      });
      return this.again;
    }
    this.cancelTimer();
    const run = (this.current = this.run().then(
      () => {
        this.failures = 0;
        this.current = null;
        this.schedule(this.times.intervalMs, true);
      },
      (error: unknown) => {
        this.failures += 1;
        this.current = null;
        const backoff = this.times.backoffMs[Math.min(this.failures - 1, this.times.backoffMs.length - 1)];
        const retryAfter = error instanceof SyncFailure ? error.options.retryAfterMs : undefined;
        // Signed out or refused: retrying cannot help until the person acts.
        if (!(error instanceof SyncFailure && ['signed_out', 'passphrase', 'incompatible'].includes(error.problem))) {
          this.schedule(Math.max(backoff, retryAfter ?? 0), true);
        }
        throw error;
      },
    ));
    return run;
  }

  /** Sets the next run `ms` from now; `keepSooner`: unless one is already due sooner (a write during the run). */
  private schedule(ms: number, keepSooner = false): void {
    if (!this.started) return;
    if (keepSooner && this.nextRunAt !== null && this.nextRunAt <= this.scheduler.now() + ms) return;
    this.cancelTimer();
    this.nextRunAt = this.scheduler.now() + ms;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null;
      this.nextRunAt = null;
      void this.runNow().catch(() => undefined);
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer);
    this.timer = null;
    this.nextRunAt = null;
  }
}
