import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { latestSchemaVersion } from '../../migrations';
import { createApplication } from '../../src-main/applications/mutations';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { tempDir } from '../support/temp-app';

const root = path.resolve(import.meta.dirname, '../..');
const worker = path.join(root, 'test/trust/crash-worker.ts');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

export type CrashOperation = 'import' | 'bulkUpdate' | 'migration';
export const crashOperations: CrashOperation[] = ['import', 'bulkUpdate', 'migration'];

export interface RoundResult {
  operation: CrashOperation;
  killedAfterMs: number;
  /** Whether the child finished before the kill landed. */
  finished: boolean;
  /** From ready to done, when it finished. */
  durationMs: number;
  integrity: string;
  /** What was found: 'none' or 'all' of the operation; anything else is damage. */
  outcome: 'none' | 'all' | string;
}

/** A small deterministic PRNG so a failing round can be replayed from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function prepare(dataDir: string, operation: CrashOperation): Promise<void> {
  if (operation !== 'bulkUpdate') return;
  const context = await openAppContext({ dataDir });
  context.changes.write((write) => {
    for (let index = 0; index < 1500; index++) {
      createApplication(context.db, write, { companyName: `Company ${index % 100}`, position: `Position ${index}`, source: 'linkedin' });
    }
  });
  closeAppContext(context);
}

const calibrated = new Map<CrashOperation, number>();

/** How long the operation takes uninterrupted on this machine now, so kills land inside it, not around it. */
export async function operationDuration(operation: CrashOperation): Promise<number> {
  let duration = calibrated.get(operation);
  if (duration === undefined) {
    const result = await crashRound(operation, Number.POSITIVE_INFINITY);
    if (!result.finished || result.outcome !== 'all' || result.integrity !== 'ok') throw new Error(`calibration failed: ${JSON.stringify(result)}`);
    duration = result.durationMs;
    calibrated.set(operation, duration);
  }
  return duration;
}

/** Kills the operation at `fraction` (0..1.1) of its calibrated duration. */
export async function crashAt(operation: CrashOperation, fraction: number): Promise<RoundResult> {
  const duration = await operationDuration(operation);
  return crashRound(operation, Math.round(duration * fraction));
}

/** Runs one operation in a child process, kills it with SIGKILL after `delayMs` once it is ready, and inspects. */
export async function crashRound(operation: CrashOperation, delayMs: number, marker = `m${Date.now()}`): Promise<RoundResult> {
  const dataDir = tempDir('candid-crash-');
  try {
    await prepare(dataDir, operation);
    const child = spawn(process.execPath, [tsx, worker, dataDir, operation, marker], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('ready')) resolve();
      });
      child.on('exit', () => reject(new Error(`worker exited before ready: ${errors}`)));
    });
    const readyAt = performance.now();
    let doneAt = Number.NaN;
    child.stdout.on('data', () => {
      if (output.includes('done') && Number.isNaN(doneAt)) doneAt = performance.now();
    });
    if (Number.isFinite(delayMs)) {
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, delayMs))]);
      child.kill('SIGKILL');
    }
    const code = await exited;
    const finished = output.includes('done');
    if (code !== null && code !== 0 && !finished) throw new Error(`worker failed: ${errors}`);
    return { operation, killedAfterMs: delayMs, finished, durationMs: doneAt - readyAt, ...inspect(dataDir, operation, marker) };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function inspect(dataDir: string, operation: CrashOperation, marker: string): { integrity: string; outcome: string } {
  const db = new BetterSqlite3(path.join(dataDir, 'candid.sqlite'));
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const count = (query: string, ...params: unknown[]) => db.prepare(query).pluck().get(...params) as number;
    if (operation === 'import') {
      const applications = count(`SELECT count(*) FROM applications WHERE position LIKE ?`, `${marker} %`);
      const events = count(`SELECT count(*) FROM stage_events e JOIN applications a ON a.id = e.application_id WHERE a.position LIKE ?`, `${marker} %`);
      const indexed = count(`SELECT count(*) FROM applications_fts WHERE applications_fts MATCH ?`, `"${marker}"`);
      const logged = count(`SELECT count(DISTINCT row_id) FROM change_log WHERE table_name = 'applications' AND column_name = '*' AND value ->> 'position' LIKE ?`, `${marker} %`);
      const all = [applications, events, indexed, logged];
      return { integrity, outcome: all.every((n) => n === 0) ? 'none' : all.every((n) => n === 3000) ? 'all' : `partial ${all.join('/')}` };
    }
    if (operation === 'bulkUpdate') {
      const updated = count(`SELECT count(*) FROM applications WHERE source = ?`, marker);
      const tagged = count(`SELECT count(*) FROM application_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ? AND at.deleted_at IS NULL`, marker);
      const all = [updated, tagged];
      return { integrity, outcome: all.every((n) => n === 0) ? 'none' : all.every((n) => n === 1500) ? 'all' : `partial ${all.join('/')}` };
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasColumn = (db.prepare(`SELECT name FROM pragma_table_info('tasks')`).pluck().all() as string[]).includes('crash_probe');
    const hasTable = count(`SELECT count(*) FROM sqlite_master WHERE name = 'crash_probe_rows'`) === 1;
    const rows = hasTable ? count(`SELECT count(*) FROM crash_probe_rows`) : 0;
    if (version === latestSchemaVersion && !hasColumn && !hasTable) return { integrity, outcome: 'none' };
    if (version === 1000 && hasColumn && rows === 120_000) return { integrity, outcome: 'all' };
    return { integrity, outcome: `partial v${version} column=${hasColumn} rows=${rows}` };
  } finally {
    db.close();
  }
}
