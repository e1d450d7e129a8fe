import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createApi } from '../../src-main/api';
import { createApplication } from '../../src-main/applications/mutations';
import { derivedDataPending } from '../../src-main/changes/bulk-rows';
import { closeAppContext, openAppContext, type AppContext } from '../../src-main/context';
import { startServer, type RunningServer } from '../../src-server/server';
import { tempDir } from '../support/temp-app';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';
import { syncedRows } from '../sync/support/rows';
import { soakAccount, soakKdfCost } from './sync-account';

/**
 * The `sync` kind of `npm run soak` (issue 11): a device killed with SIGKILL at a random point of a sync run — a
 * bootstrap from the server's snapshot, a push of offline changes, a pull of another device's — must leave its
 * database intact (integrity and foreign keys), and once restarted converge with the other device: the same synced
 * rows, derived data equal to a rebuild from scratch, nothing pending.
 */

const root = path.resolve(import.meta.dirname, '../..');
const worker = path.join(root, 'test/soak/sync-worker.ts');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

export type SyncPhase = 'bootstrap' | 'push' | 'pull';
export const syncPhases: SyncPhase[] = ['bootstrap', 'push', 'pull'];

/** Applications of the search the devices share, and field changes made offline for a push or a pull. */
const searchSize = 1500;
const offlineRounds = 3;

export interface SyncRoundResult {
  phase: SyncPhase;
  killedAfterMs: number;
  finished: boolean;
  durationMs: number;
  integrity: string;
  /** 'converged' or what differed. */
  outcome: string;
}

interface Device {
  dir: string;
  context: AppContext;
}

async function openDevice(dir: string, snapshotEveryRun = false): Promise<Device> {
  return { dir, context: await openAppContext({ dataDir: dir, sync: { kdfCost: soakKdfCost, snapshotEveryRun } }) };
}

async function syncNow(device: Device): Promise<void> {
  const status = await createApi(device.context).invoke('sync.now', {});
  if (status.lastError) throw new Error(`sync failed: ${status.lastError.problem} ${status.lastError.message}`);
}

async function connect(device: Device, serverUrl: string, email: string, createAccount: boolean): Promise<void> {
  await createApi(device.context).invoke('sync.connect', { ...soakAccount, serverUrl, email, deviceName: createAccount ? 'Laptop' : 'Desktop', createAccount });
  await device.context.sync.runner.whenIdle();
  const status = device.context.sync.status();
  if (status.lastError) throw new Error(`sync failed: ${status.lastError.problem} ${status.lastError.message}`);
}

/** Field changes to every application, as made offline. */
function editOffline(device: Device, marker: string): void {
  const ids = device.context.db.sqlite.prepare(`SELECT id FROM applications ORDER BY id`).pluck().all() as string[];
  device.context.changes.write((write) => {
    for (let round = 0; round < offlineRounds; round += 1) for (const id of ids) write.update('applications', id, { notes: `${marker} ${round}` });
  });
}

/**
 * The server, the other device (the laptop, which made the search and, for a bootstrap, uploaded a snapshot of
 * it) and the data folder of the device the worker runs, ready for `phase`.
 */
async function prepare(phase: SyncPhase, serverDir: string, laptopDir: string, deviceDir: string): Promise<{ server: RunningServer; email: string }> {
  const server = await startServer({
    config: { dataDir: serverDir, port: 0, passwordHashing: { memoryCost: 1024, timeCost: 1, parallelism: 1 } },
    log: () => undefined,
  });
  const email = `soak-${Date.now()}@example.org`;
  const laptop = await openDevice(laptopDir, phase === 'bootstrap');
  try {
    laptop.context.changes.write((write) => {
      for (let index = 0; index < searchSize; index += 1) {
        createApplication(laptop.context.db, write, { companyName: `Company ${index % 100}`, position: `Position ${index}`, source: 'linkedin' });
      }
    });
    await connect(laptop, server.url, email, true);
    if (phase === 'bootstrap') return { server, email };
    const device = await openDevice(deviceDir);
    try {
      await connect(device, server.url, email, false);
      if (phase === 'push') editOffline(device, 'from the desktop');
    } finally {
      closeAppContext(device.context);
    }
    if (phase === 'pull') {
      editOffline(laptop, 'from the laptop');
      await syncNow(laptop);
    }
    return { server, email };
  } finally {
    closeAppContext(laptop.context);
  }
}

const calibrated = new Map<SyncPhase, number>();

/** How long the phase takes uninterrupted on this machine now, so kills land inside it, not around it. */
export async function syncPhaseDuration(phase: SyncPhase): Promise<number> {
  let duration = calibrated.get(phase);
  if (duration === undefined) {
    const result = await syncCrashRound(phase, Number.POSITIVE_INFINITY);
    if (!result.finished || result.outcome !== 'converged' || result.integrity !== 'ok') throw new Error(`calibration failed: ${JSON.stringify(result)}`);
    duration = result.durationMs;
    calibrated.set(phase, duration);
  }
  return duration;
}

/** Kills the phase at `fraction` (0..1.1) of its calibrated duration. */
export async function syncCrashAt(phase: SyncPhase, fraction: number): Promise<SyncRoundResult> {
  return syncCrashRound(phase, Math.round((await syncPhaseDuration(phase)) * fraction));
}

/** Runs one sync in a child process, kills it with SIGKILL `delayMs` after it is ready, then inspects and converges. */
export async function syncCrashRound(phase: SyncPhase, delayMs: number): Promise<SyncRoundResult> {
  const [serverDir, laptopDir, deviceDir] = [tempDir('candid-soak-server-'), tempDir('candid-soak-laptop-'), tempDir('candid-soak-device-')];
  let server: RunningServer | undefined;
  try {
    const prepared = await prepare(phase, serverDir, laptopDir, deviceDir);
    server = prepared.server;
    const child = spawn(process.execPath, [tsx, worker, deviceDir, server.url, prepared.email, phase], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    const integrity = checkIntegrity(deviceDir);
    const outcome = integrity === 'ok' ? await converge(server.url, prepared.email, laptopDir, deviceDir) : 'not tried';
    return { phase, killedAfterMs: delayMs, finished, durationMs: doneAt - readyAt, integrity, outcome };
  } finally {
    await server?.close();
    for (const dir of [serverDir, laptopDir, deviceDir]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** SQLite's integrity check and the foreign keys (deferred ones are checked at commit: any broken one is damage). */
function checkIntegrity(deviceDir: string): string {
  const db = new BetterSqlite3(path.join(deviceDir, 'candid.sqlite'));
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const brokenKeys = (db.pragma('foreign_key_check') as unknown[]).length;
    return brokenKeys === 0 ? integrity : `${integrity}; ${brokenKeys} broken foreign keys`;
  } finally {
    db.close();
  }
}

/** Restarts the killed device, lets both devices sync, and says whether they hold the same search. */
async function converge(serverUrl: string, email: string, laptopDir: string, deviceDir: string): Promise<string> {
  const [laptop, device] = [await openDevice(laptopDir), await openDevice(deviceDir)];
  try {
    // Killed before its session was saved: the user signs in again.
    if (device.context.sync.status().state !== 'on') await connect(device, serverUrl, email, false);
    await syncNow(device);
    await syncNow(laptop);
    await syncNow(device);
    const problems: string[] = [];
    if (JSON.stringify(syncedRows(device.context.db)) !== JSON.stringify(syncedRows(laptop.context.db))) problems.push('synced rows differ');
    if (JSON.stringify(derivedData(device.context.db)) !== JSON.stringify(rebuiltDerivedData(device.context.db))) problems.push('derived data differs from a rebuild');
    if (derivedDataPending(device.context.db)) problems.push('derived data still owed');
    for (const [name, each] of [['device', device], ['laptop', laptop]] as const) {
      const pending = each.context.sync.status().pendingChanges;
      if (pending !== 0) problems.push(`${name}: ${pending} changes pending`);
    }
    return problems.length === 0 ? 'converged' : problems.join(', ');
  } finally {
    closeAppContext(laptop.context);
    closeAppContext(device.context);
  }
}
