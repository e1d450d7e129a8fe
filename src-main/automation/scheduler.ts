import type { WriteContext } from '../changes/writer';
import type { AppContext } from '../context';
import { WriteLockBusy } from '../db/connection';
import { deterministicId } from './ids';

/**
 * The scheduler: runs jobs when they fall due, in the main process, on the app context's clock.
 *
 * A job kind is a due-time function (`plan`: what is due now, and when the next thing falls due) and a run function
 * (`run`: the job's effect, written through the write path). Each run is recorded in `automation_runs` — a synced
 * ledger keyed by a hash of the job and the occurrence — in the same transaction as its effect, so a run happens
 * once: never twice after a crash or a restart (the transaction either committed both or neither), nor on a second
 * device once the ledger has synced. A job's own rows should take ids from `occurrenceId` too: two devices that ran
 * the same occurrence before syncing then wrote the same rows, which sync merges into one.
 *
 * At start it catches up with everything that fell due while the app was closed; then it sleeps until the next due
 * time, and plans again after any write (a new interview may be due for a reminder within the hour).
 */

export interface Occurrence {
  /** Which occurrence of the job, unique within it: its subject and which time, e.g. `<application>@<anchor>#1`. */
  key: string;
  /** When it fell due (ms since the epoch). */
  dueAt: number;
  /**
   * Keys of earlier occurrences this one makes pointless (the hour-before reminder of an interview when the
   * day-before one was missed): they are recorded as skipped with it, so they never run afterwards.
   */
  supersedes?: readonly string[];
}

export interface JobPlan<O extends Occurrence> {
  /** What is due at `now` and has not run (plans leave out what the ledger holds, see `notRunSql`). */
  due: O[];
  /** When the next occurrence falls due after `now`; null when nothing is pending. */
  nextAt: number | null;
}

export interface JobKind<O extends Occurrence = Occurrence, P = undefined> {
  /** Stable: it is part of the ledger's keys. */
  readonly name: string;
  plan(context: AppContext, now: number): JobPlan<O>;
  /** Optional work outside the write (a network request): its result is handed to `run`. */
  prepare?(context: AppContext, occurrence: O): Promise<P>;
  /** The effect, inside the write that records the run; throwing rolls both back (the run is tried again later). */
  run(context: AppContext, occurrence: O, write: WriteContext, prepared: P): RunOutcome | void;
  /** Corrects this job's past effects when facts arrive later (from sync); runs at every tick, in its own write. */
  reconcile?(context: AppContext, write: WriteContext, now: number): void;
  /**
   * false: runs are not recorded in the synced ledger. For a poll whose next due time the job keeps itself, on the
   * device (a board checked every few hours): its effects are idempotent by their ids, and a ledger row per check
   * would make every check, even one that found nothing, a synced write.
   */
  readonly ledger?: false;
}

/** `skipped`: the run found nothing to do (recorded all the same, so it is not tried again). */
export type RunOutcome = 'ran' | 'skipped';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobKind = JobKind<any, any>;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A tick that was waiting for the write lock when the scheduler stopped: it writes nothing more. */
class SchedulerStopped extends Error {}

/** The id of the ledger row of one occurrence, and the base of the ids of the rows its run writes. */
export function occurrenceId(job: string, key: string, ...more: string[]): string {
  return deterministicId('automation', job, key, ...more);
}

/**
 * SQL that is true when the occurrence `keySql` of `job` has not run: an anti-join on the ledger's (job, key) index,
 * so that a plan returns only what is left to do.
 */
export function notRunSql(job: string, keySql: string): string {
  if (!/^[a-z-]+$/.test(job)) throw new Error(`job names are lowercase words: ${job}`);
  return `NOT EXISTS (SELECT 1 FROM automation_runs r WHERE r.job = '${job}' AND r.key = ${keySql})`;
}

/** Something that needs a look after the jobs ran (the notifications that became visible), and when next. */
export interface TickFollower {
  afterTick(context: AppContext, now: number): { nextAt: number | null };
}

export interface SchedulerOptions {
  followers?: readonly TickFollower[];
  /** Longest sleep between two looks: a changed system clock or a sleeping computer is noticed within it. */
  longestSleepMs?: number;
  /** How long after a write the scheduler plans again (real time: writes come in bursts); a second by default. */
  afterWriteMs?: number;
  /** Runs written per transaction when many are due (a catch-up): fewer commits, the same all-or-nothing per run. */
  batchSize?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface SchedulerState {
  /** The last tick's time and what each job left pending. */
  lastTickAt: number | null;
  nextWakeAt: number | null;
}

export class Scheduler {
  private readonly jobs: AnyJobKind[] = [];
  private readonly followers: TickFollower[];
  private cancelWake: (() => void) | null = null;
  private afterWriteTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private ownWrites = false;
  private stopped = true;
  readonly state: SchedulerState = { lastTickAt: null, nextWakeAt: null };

  constructor(
    private readonly context: AppContext,
    private readonly options: SchedulerOptions = {},
  ) {
    this.followers = [...(options.followers ?? [])];
  }

  /** Adds a job kind (before or after start: the next tick plans it). */
  register(job: AnyJobKind): void {
    if (this.jobs.some((existing) => existing.name === job.name)) throw new Error(`A job named ${job.name} is already registered`);
    this.jobs.push(job);
    if (!this.stopped) this.requestTick();
  }

  /** Catches up with what fell due while the app was closed, then keeps running until `stop`. */
  start(): Promise<void> {
    this.stopped = false;
    this.unsubscribe = this.context.changes.onChanged(() => {
      if (!this.ownWrites) this.requestTick();
    });
    return this.tick();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cancelWake?.();
    this.cancelWake = null;
    if (this.afterWriteTimer) clearTimeout(this.afterWriteTimer);
    this.afterWriteTimer = null;
  }

  /** Plans after a write, soon: a burst of writes (an import) makes one tick, not one per write. */
  private requestTick(): void {
    if (this.afterWriteTimer || this.stopped) return;
    this.afterWriteTimer = setTimeout(() => {
      this.afterWriteTimer = null;
      void this.tick();
    }, this.options.afterWriteMs ?? 1000);
    this.afterWriteTimer.unref();
  }

  /** Resolves once no tick is running or waiting to run after a write (tests, and a clean shutdown). */
  async whenIdle(): Promise<void> {
    if (this.afterWriteTimer) {
      clearTimeout(this.afterWriteTimer);
      this.afterWriteTimer = null;
      await this.tick();
    }
    while (this.running) await this.running;
  }

  /** Runs everything due now; a tick asked for while one runs happens right after it. Never rejects. */
  tick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.runOnce();
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private log(message: string, error?: unknown): void {
    (this.options.log ?? ((text, cause) => console.error(`[candid] ${text}`, cause ?? '')))(message, error);
  }

  private async runOnce(): Promise<void> {
    const { clock } = this.context;
    const now = clock.now();
    let nextAt: number | null = null;
    const later = (at: number | null) => {
      if (at !== null && at > now && (nextAt === null || at < nextAt)) nextAt = at;
    };
    for (const [index, job] of [...this.jobs].entries()) {
      // Each job's plan is a few milliseconds on a large search: clicks get their turn between them.
      if (index > 0) await yieldToEventLoop();
      // Quitting closes the database right after `stop`: a tick caught mid-way ends at its next yield.
      if (this.stopped) return;
      try {
        if (job.reconcile) await this.write((write) => job.reconcile!(this.context, write, now));
        // A plan reads statistics (the weekly summary); a call answered during the yield above may have left some owed.
        this.context.changes.settleStatistics();
        const plan = job.plan(this.context, now);
        later(plan.nextAt);
        await this.runDue(job, plan.due);
      } catch (error) {
        if (error instanceof SchedulerStopped) return;
        this.log(`automation: the job ${job.name} failed; it will be tried again`, error);
      }
    }
    // The followers write local marks outside a transaction: SQLite would block main's thread on a job's lock.
    await this.context.jobs.whenWritable();
    if (this.stopped) return;
    for (const follower of this.followers) {
      try {
        // It may read what a call answered during the awaits above left owed.
        this.context.changes.settleStatistics();
        later(follower.afterTick(this.context, now).nextAt);
      } catch (error) {
        this.log('automation: a follow-up of the scheduler failed', error);
      }
    }
    this.state.lastTickAt = now;
    this.scheduleWake(now, nextAt);
  }

  /**
   * One write of the scheduler, made once main may write: while a job's worker holds the write lock, main's writes
   * are refused (src-main/jobs), so this waits for the worker's transaction to end, as sync's writes do, instead of
   * failing until the next tick.
   */
  private async write<T>(fn: (write: WriteContext) => T): Promise<T> {
    for (;;) {
      await this.context.jobs.whenWritable();
      // Quitting closes the database: a write that waited past `stop` is not made.
      if (this.stopped) throw new SchedulerStopped();
      this.ownWrites = true;
      try {
        return this.context.changes.write(fn);
      } catch (error) {
        if (!(error instanceof WriteLockBusy)) throw error;
      } finally {
        this.ownWrites = false;
      }
    }
  }

  /** Runs the due occurrences, several per transaction; a batch that fails is retried one run at a time. */
  private async runDue(job: AnyJobKind, due: readonly Occurrence[]): Promise<void> {
    const ordered = [...due].sort((a, b) => a.dueAt - b.dueAt || (a.key < b.key ? -1 : 1));
    const batchSize = job.prepare ? 1 : (this.options.batchSize ?? 50);
    for (let start = 0; start < ordered.length; start += batchSize) {
      if (this.stopped) return;
      // A catch-up of thousands of runs must not hold the main process: other calls get their turn between batches.
      if (start > 0) await yieldToEventLoop();
      const batch = ordered.slice(start, start + batchSize);
      const prepared = job.prepare ? [await job.prepare(this.context, batch[0])] : batch.map(() => undefined);
      try {
        await this.write((write) => batch.forEach((occurrence, index) => this.runOne(job, occurrence, write, prepared[index])));
      } catch (error) {
        if (error instanceof SchedulerStopped) throw error;
        if (batch.length === 1) {
          this.log(`automation: ${job.name} ${batch[0].key} failed; it will be tried again`, error);
          continue;
        }
        for (const occurrence of batch) {
          try {
            await this.write((write) => this.runOne(job, occurrence, write, undefined));
          } catch (single) {
            if (single instanceof SchedulerStopped) throw single;
            this.log(`automation: ${job.name} ${occurrence.key} failed; it will be tried again`, single);
          }
        }
      }
    }
  }

  /** One run and its ledger row, inside the caller's write. Does nothing when the ledger already holds it. */
  private runOne(job: AnyJobKind, occurrence: Occurrence, write: WriteContext, prepared: unknown): void {
    const id = occurrenceId(job.name, occurrence.key);
    if (job.ledger === false) {
      job.run(this.context, occurrence, asOf(write, occurrence.dueAt), prepared);
      return;
    }
    if (this.context.db.sql(`SELECT 1 FROM automation_runs WHERE id = ?`).get(id)) return;
    const made = asOf(write, occurrence.dueAt);
    const outcome = job.run(this.context, occurrence, made, prepared) ?? 'ran';
    const dueAt = new Date(occurrence.dueAt).toISOString();
    made.insert('automation_runs', { job: job.name, key: occurrence.key, due_at: dueAt, outcome, created_at: write.now }, id);
    for (const key of occurrence.supersedes ?? []) {
      const skippedId = occurrenceId(job.name, key);
      if (this.context.db.sql(`SELECT 1 FROM automation_runs WHERE id = ?`).get(skippedId)) continue;
      made.insert('automation_runs', { job: job.name, key, due_at: dueAt, outcome: 'superseded', created_at: write.now }, skippedId);
    }
  }

  private scheduleWake(now: number, nextAt: number | null): void {
    this.cancelWake?.();
    this.cancelWake = null;
    if (this.stopped) {
      this.state.nextWakeAt = null;
      return;
    }
    const longest = this.options.longestSleepMs ?? 6 * 60 * 60 * 1000;
    const wakeAt = Math.min(nextAt ?? Infinity, now + longest);
    this.state.nextWakeAt = wakeAt;
    // From the time now, not the tick's start: a tick that yielded for a while must not wake late by as much.
    this.cancelWake = this.context.clock.setTimer(() => this.tick(), wakeAt - this.context.clock.now());
  }
}

/**
 * The write of a run, its new rows stamped at the moment the run fell due rather than when it ran: a device that
 * catches up late (it was closed) makes the same rows as one that ran on time (deterministic ids), and what the
 * user did to them on that device meanwhile (a follow-up done, a notification dismissed) must win over the late
 * copy when the two meet through sync. Updates keep their own time: an older stamp could lose to this device's own.
 */
function asOf(write: WriteContext, dueAt: number): WriteContext {
  return { ...write, insert: (table, fields, id, options) => write.insert(table, fields, id, { stampedAt: dueAt, ...options }) };
}
