import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { workerBundleVariable } from '../../src-main/jobs/launch';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * vitest globalSetup: bundles the jobs' worker (src-main/jobs/worker.ts) once per test run, so that each worker a
 * test starts loads one ready file instead of compiling its sources through tsx (seconds of CPU each, on every
 * test that runs an import, an export or a backup). Its packages stay external, loaded from node_modules as the
 * built app loads them; the bundle lives in node_modules/.cache for that reason. The path goes to the tests, and to
 * the processes they start (the browser shell), through the environment (src-main/jobs/launch.ts). Split as the
 * built app is: each job's code (and the packages it imports) loads when a job needs it, not at the worker's start.
 */
export async function setup(): Promise<void> {
  process.env[workerBundleVariable] = await bundleJobsWorker(bundleFolder());
}

/**
 * For the bench: the worker bundled without source maps, as the built app has it. Run under tsx, which turns
 * Node's source maps on, each thread's start read the bundle's inline maps (4.1 MB of bundle against 1.2 MB; ~50 ms
 * of a check thread's start at load 6, docs/performance.md), which the app never does.
 */
export async function setupAsBuilt(): Promise<void> {
  process.env[workerBundleVariable] = await bundleJobsWorker(bundleFolder(), { sourcemap: false });
}

const bundleFolder = () => path.join(root, 'node_modules', '.cache', 'candid', `jobs-worker-${process.pid}`);

/**
 * Bundles the jobs' worker into outdir and returns its entry's path (also used by the crash rounds, which run
 * outside vitest in the soak). Remove the folder to remove it.
 */
export async function bundleJobsWorker(outdir: string, { sourcemap = 'inline' }: { sourcemap?: 'inline' | false } = {}): Promise<string> {
  await build({
    entryPoints: { worker: path.join(root, 'src-main', 'jobs', 'worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap,
    logLevel: 'warning',
  });
  return path.join(outdir, 'worker.mjs');
}

export function teardown(): void {
  const outfile = process.env[workerBundleVariable];
  if (outfile) fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
}
