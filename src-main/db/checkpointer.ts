import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints of main's connection, run by a connection in another thread so that no call on main's thread pays for
 * copying the write-ahead log into the database file. Main's connection never checkpoints in a commit
 * (`wal_autocheckpoint = 0`): at 100,000 applications an archive of 73,000 rows writes about 70,000 pages of log,
 * and SQLite's own checkpoint, run inside the commit that crossed its threshold, cost about 1 s of that commit.
 *
 * - After a commit that grew the log by `grownBytes`, and once the app has been idle a moment, main asks for one.
 * - The thread runs a PASSIVE checkpoint: it takes no lock a reader or a writer waits for, and copies what no reader
 *   still needs. When the app is idle and everything was copied, a TRUNCATE empties the log file, if nothing reads
 *   or writes at that instant (it never waits: busy_timeout 0), so the log stays bounded.
 * - Durability is SQLite's: the frames stay in the log until they are in the file (synchronous NORMAL, as main's).
 *
 * The thread runs plain JavaScript with better-sqlite3 alone (no bundle, no compiler): it is small and starts fast.
 * It opens a connection for each checkpoint and closes it after, so main's connection remains the last one open and
 * its close folds the log into the file as before; main's close waits for a checkpoint that is running (`close`).
 */

/** Growth of the log file after which a commit asks for a checkpoint (4,096 pages of 4 KiB). */
export const grownBytes = 16 * 1024 * 1024;

export type CheckpointReason = 'grown' | 'idle';

export interface CheckpointOutcome {
  /** False when the database was closed before the thread came to it. */
  ran: boolean;
  /** Frames in the log, and how many of them are now in the database file (PASSIVE's answer). */
  logFrames: number;
  copiedFrames: number;
  /** The log file was emptied (idle, everything copied, nothing reading). */
  truncated: boolean;
  error?: string;
}

/** One database's state, shared with the thread: main's close must not overlap a checkpoint. */
const states = { idle: 0, running: 1, closed: 2 } as const;

interface Request {
  id: number;
  file: string;
  nativeBinding?: string;
  reason: CheckpointReason;
  state: SharedArrayBuffer;
}

const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Sqlite = require(workerData.driver);
const [idle, running, closed] = [${states.idle}, ${states.running}, ${states.closed}];
parentPort.on('message', (request) => {
  const state = new Int32Array(request.state);
  const outcome = { ran: false, logFrames: 0, copiedFrames: 0, truncated: false };
  if (Atomics.compareExchange(state, 0, idle, running) !== idle) {
    parentPort.postMessage({ id: request.id, outcome });
    return;
  }
  let db;
  try {
    db = new Sqlite(request.file, { nativeBinding: request.nativeBinding, fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('synchronous = NORMAL');
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    Object.assign(outcome, { ran: true, logFrames: passive.log, copiedFrames: passive.checkpointed });
    if (request.reason === 'idle' && passive.busy === 0 && passive.log === passive.checkpointed) {
      const [truncate] = db.pragma('wal_checkpoint(TRUNCATE)');
      outcome.truncated = truncate.busy === 0;
    }
  } catch (error) {
    outcome.error = String(error && error.message);
  } finally {
    try {
      if (db) db.close();
    } finally {
      Atomics.store(state, 0, idle);
      Atomics.notify(state, 0);
    }
  }
  parentPort.postMessage({ id: request.id, outcome });
});
`;

/** The one thread of the process (a test file opens many apps), started at the first request. */
let thread: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (outcome: CheckpointOutcome) => void>();

function checkpointThread(): Worker {
  if (thread) return thread;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const started = new Worker(threadSource, { eval: true, workerData: { driver } });
  started.on('message', (reply: { id: number; outcome: CheckpointOutcome }) => {
    waiting.get(reply.id)?.(reply.outcome);
    waiting.delete(reply.id);
    if (waiting.size === 0) started.unref();
  });
  const fail = (why: string) => {
    if (thread === started) thread = null;
    for (const settle of waiting.values()) settle({ ran: false, logFrames: 0, copiedFrames: 0, truncated: false, error: why });
    waiting.clear();
  };
  started.on('error', (error) => fail(error.message));
  started.on('exit', () => fail('The checkpoint thread stopped.'));
  // After the listeners (adding one refs the worker again): between checkpoints it must not keep a process (a test,
  // a script) alive; one asked for keeps it until it is done, so that whoever awaits it gets its answer.
  started.unref();
  thread = started;
  return started;
}

/** The checkpoint thread's id, when it runs (tests). */
export function checkpointThreadId(): number | null {
  return thread?.threadId ?? null;
}

/** Main's side for one database file. */
export class BackgroundCheckpoints {
  private readonly state = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  private inFlight: Promise<CheckpointOutcome> | null = null;
  /** The log file's size after the last checkpoint: growth is measured from it. */
  private logBytesAfterCheckpoint = 0;

  constructor(
    private readonly file: string,
    private readonly nativeBinding?: string,
  ) {}

  /** Called after each commit: asks for a checkpoint once the log has grown enough (a stat, no SQLite call). */
  afterCommit(): void {
    if (this.inFlight || this.closed) return;
    if (this.logBytes() - this.logBytesAfterCheckpoint >= grownBytes) void this.request('grown');
  }

  /** Asks the thread for a checkpoint; one at a time per database (a request during one returns that one). */
  request(reason: CheckpointReason): Promise<CheckpointOutcome> {
    if (this.inFlight) return this.inFlight;
    const id = nextId++;
    const message: Request = { id, file: this.file, nativeBinding: this.nativeBinding, reason, state: this.state.buffer as SharedArrayBuffer };
    this.inFlight = new Promise<CheckpointOutcome>((resolve) => {
      waiting.set(id, (outcome) => {
        this.inFlight = null;
        this.logBytesAfterCheckpoint = this.logBytes();
        resolve(outcome);
      });
      const worker = checkpointThread();
      worker.ref();
      worker.postMessage(message);
    });
    return this.inFlight;
  }

  /** Whether the thread is checkpointing this database now (tests). */
  get running(): boolean {
    return Atomics.load(this.state, 0) === states.running;
  }

  get closed(): boolean {
    return Atomics.load(this.state, 0) === states.closed;
  }

  /**
   * Before main's connection closes: waits for a checkpoint that is running (it is copying pages main's close would
   * copy anyway), and stops any asked for later, so that main's connection is the last one and its close removes
   * the log as before.
   */
  close(): void {
    for (;;) {
      const was = Atomics.compareExchange(this.state, 0, states.idle, states.closed);
      if (was !== states.running) return;
      Atomics.wait(this.state, 0, states.running);
    }
  }

  private logBytes(): number {
    try {
      return fs.statSync(`${this.file}-wal`).size;
    } catch {
      return 0;
    }
  }
}
