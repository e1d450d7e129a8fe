import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { closeAppContext, openAppContext } from '../../../src-main/context';
import { Random } from '../../../src-main/seed/random';
import { bundleJobsWorker } from '../../support/jobs-worker-bundle';
import { tempDir } from '../../support/temp-app';
import { workerBundleVariable } from '../../../src-main/jobs/launch';
import type { Found } from './kind';
import { crashKinds, type CrashKindName } from './kinds';

const root = path.resolve(import.meta.dirname, '../../..');
const workerSource = path.join(root, 'test/trust/crash/worker.ts');

let bundledWorker: string | null = null;
let bundledJobsWorker: string | null = null;

/**
 * The worker bundled into one file, once per process. Started under tsx, each round spent most of its time
 * compiling and loading the app's modules (about 3 s of CPU, 15 s on a loaded machine), which made a soak of 1,000
 * rounds impossible; bundled, a start costs about 0.6 s. It sits in node_modules/.cache so that the native modules
 * left out of the bundle (better-sqlite3, and argon2 since sync) resolve from it, and is removed with the templates.
 */
async function workerScript(): Promise<string> {
  if (!bundledWorker) {
    const outfile = path.join(root, 'node_modules', '.cache', 'candid-crash', `worker-${process.pid}.mjs`);
    await build({
      entryPoints: [workerSource],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      // Native modules cannot be bundled: they load from node_modules as usual.
      external: ['better-sqlite3', '@node-rs/argon2'],
      // Bundled CommonJS dependencies call require: give them one.
      banner: { js: `import { createRequire as candidCreateRequire } from 'node:module'; const require = candidCreateRequire(import.meta.url);` },
      logLevel: 'warning',
    });
    bundledWorker = outfile;
  }
  // Backups and restores run in the jobs' worker: the child finds its bundle through the environment it inherits.
  // Under vitest the globalSetup made one; the soak runs without it.
  if (!process.env[workerBundleVariable]) {
    const jobsWorker = await bundleJobsWorker(path.join(root, 'node_modules', '.cache', 'candid-crash', `jobs-worker-${process.pid}`));
    process.env[workerBundleVariable] = jobsWorker;
    bundledJobsWorker = jobsWorker;
  }
  return bundledWorker;
}

export interface RoundResult extends Found {
  kind: CrashKindName;
  killedAfterMs: number;
  /** Whether the child finished before the kill landed. */
  finished: boolean;
  /** From ready to done, when it finished. */
  durationMs: number;
  /** What the next start found: 'ok' when it opened the data folder and left nothing half-written in it. */
  restart: string;
}

/** Damage: a broken file, part of an operation, or a start that fails or leaves a half-written file behind. */
export function isDamaged(result: RoundResult): boolean {
  return result.integrity !== 'ok' || (result.outcome !== 'none' && result.outcome !== 'all') || result.restart !== 'ok';
}

/** Seeded random numbers (the seed generator's), so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

/** Each kind's prepared data folder, made once and copied for every round. */
const templates = new Map<CrashKindName, string>();

async function templateFor(kind: CrashKindName): Promise<string> {
  let template = templates.get(kind);
  if (!template) {
    template = tempDir(`candid-crash-${kind}-`);
    await crashKinds[kind].prepare?.(template);
    templates.set(kind, template);
  }
  return template;
}

/** Removes the prepared folders and the bundled worker (call once done). */
export function removeTemplates(): void {
  for (const template of templates.values()) fs.rmSync(template, { recursive: true, force: true });
  templates.clear();
  if (bundledWorker) fs.rmSync(bundledWorker, { force: true });
  bundledWorker = null;
  if (bundledJobsWorker) {
    fs.rmSync(path.dirname(bundledJobsWorker), { recursive: true, force: true });
    if (process.env[workerBundleVariable] === bundledJobsWorker) delete process.env[workerBundleVariable];
    bundledJobsWorker = null;
  }
}

/** What a crash may leave that the next start must have removed (src-main/db/leftovers.ts). */
const leftover = (name: string) => name.endsWith('.partial') || name.startsWith('.restore-') || name.endsWith('.restoring') || name === 'open';

/** Starts the app on the folder as the next launch would, then looks for anything half-written left in it. */
async function restartCheck(dataDir: string, kind: CrashKindName): Promise<string> {
  try {
    closeAppContext(await openAppContext({ dataDir, migrations: crashKinds[kind].migrations }));
  } catch (error) {
    return `start failed: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`;
  }
  const left = fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) => leftover(entry.name));
  return left.length === 0 ? 'ok' : `left ${left.map((entry) => path.relative(dataDir, path.join(entry.parentPath, entry.name))).join(', ')}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const calibrated = new Map<CrashKindName, number>();

/** How long the operation takes uninterrupted on this machine now, so kills land inside it, not around it. */
export async function operationDuration(kind: CrashKindName): Promise<number> {
  let duration = calibrated.get(kind);
  if (duration === undefined) {
    const result = await crashRound(kind, Number.POSITIVE_INFINITY);
    if (!result.finished || result.outcome !== 'all' || isDamaged(result)) throw new Error(`calibration failed: ${JSON.stringify(result)}`);
    duration = result.durationMs;
    calibrated.set(kind, duration);
  }
  return duration;
}

/** Kills the operation at `fraction` (0..1.1) of its calibrated duration. */
export async function crashAt(kind: CrashKindName, fraction: number): Promise<RoundResult> {
  const duration = await operationDuration(kind);
  return crashRound(kind, Math.round(duration * fraction));
}

/** Runs one operation in a child process, kills it with SIGKILL `delayMs` after it is ready, and inspects. */
export async function crashRound(kind: CrashKindName, delayMs: number, marker = `m${Date.now()}`): Promise<RoundResult> {
  const dataDir = tempDir('candid-crash-');
  try {
    fs.cpSync(await templateFor(kind), dataDir, { recursive: true });
    // The worker itself is the process killed: the tsx command used to run it in a child of its own, which a
    // SIGKILL of the command left running (the operation then went on after the "kill").
    const child = spawn(process.execPath, [await workerScript(), dataDir, kind, marker], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const workerPid = Number(/ready (\d+)/.exec(output)?.[1]);
    if (workerPid !== child.pid) throw new Error(`the operation runs in process ${workerPid}, not in the process the kill reaches (${child.pid})`);
    let doneAt = Number.NaN;
    child.stdout.on('data', () => {
      if (output.includes('done') && Number.isNaN(doneAt)) doneAt = performance.now();
    });
    if (Number.isFinite(delayMs)) {
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, delayMs))]);
      child.kill('SIGKILL');
    }
    const code = await exited;
    if (isAlive(workerPid)) throw new Error(`process ${workerPid} still runs after SIGKILL`);
    const finished = output.includes('done');
    if (code !== null && code !== 0 && !finished) throw new Error(`worker failed: ${errors}`);
    const found = await crashKinds[kind].inspect(dataDir, marker);
    const restart = await restartCheck(dataDir, kind);
    return { kind, killedAfterMs: delayMs, finished, durationMs: doneAt - readyAt, ...found, restart };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
