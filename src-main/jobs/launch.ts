import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

const here = fileURLToPath(import.meta.url);

/**
 * Running from the sources, the path of a bundle of worker.ts made beforehand (the tests' globalSetup makes one per
 * run: test/support/jobs-worker-bundle.ts). Ignored by the built app, which has its own.
 */
export const workerBundleVariable = 'CANDID_JOBS_WORKER_BUNDLE';

/**
 * Where the worker's code is. Bundled (electron-vite, `npm run build`), it is its own entry, out/main/worker.js,
 * beside the chunk this code is in. From the sources (tests under vitest, scripts under tsx), it is the bundle
 * named by CANDID_JOBS_WORKER_BUNDLE when there is one, else worker.ts, compiled on the fly by tsx's loader (which a
 * worker thread must register for itself: seconds of CPU at each start). The variable wins when it is set.
 */
export function workerScript(): { compiled: boolean; file: string } {
  // Checked first: a test's own bundle of some entry (the crash rounds' child) is not the app's build either.
  const prebuilt = process.env[workerBundleVariable];
  if (prebuilt) return { compiled: true, file: prebuilt };
  if (!here.endsWith('.ts')) return { compiled: true, file: path.join(path.dirname(here), 'worker.js') };
  return { compiled: false, file: path.join(path.dirname(here), 'worker.ts') };
}

/**
 * A worker waiting for jobs (each sent as a WorkerStart message); with `workerData`, a thread a job starts for a
 * part of its work, which worker.ts tells apart by it (the Excel export's second sheet writer: sheet-thread.ts).
 */
export function launchWorker(workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  const { compiled, file } = workerScript();
  if (compiled) return compiledWorker(file, { workerData, resourceLimits });
  // tsx's ES module API (its `import` export), found from its package folder: require.resolve gives the CommonJS one.
  const tsxFolder = path.dirname(createRequire(here).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxFolder, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/**
 * A thread of the compiled worker, given the process's options without tsx's loader (`withoutTsx`). Node refuses V8's
 * own options in a thread's options (a heap size, `--expose-gc`, a collector's trace: they are the process's, in
 * effect in every thread already), which it leaves out by itself of what a thread inherits: where the process was
 * started with one, the thread inherits as Node has it, tsx's loader included (a script's or the bench's; the app
 * is started with neither).
 */
function compiledWorker(file: string, options: { workerData?: unknown; resourceLimits?: ResourceLimits }): Worker {
  try {
    return new Worker(file, { ...options, execArgv: withoutTsx(process.execArgv) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(file, options);
  }
}

/**
 * The process's options for a thread that runs compiled code, without tsx's loader (`--import tsx`, where the
 * process runs from the sources: a script, the bench): inherited, each thread loaded tsx and sent every module it
 * imported through its hooks, which the built app never does. Every other option (a profiler's) stays.
 */
export function withoutTsx(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < execArgv.length; index += 1) {
    const option = execArgv[index]!;
    const [name, inline] = option.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = inline ?? execArgv[index + 1] ?? '';
    if (!loaderOptions.has(name) || !/(^|[/\\])tsx([/\\]|$)/.test(value)) {
      kept.push(option);
      continue;
    }
    // Its value given apart is the next word.
    if (inline === undefined) index += 1;
  }
  return kept;
}

const loaderOptions = new Set(['--import', '--loader', '--experimental-loader', '--require', '-r']);
