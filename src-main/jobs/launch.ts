import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = fileURLToPath(import.meta.url);

/**
 * Where the worker's code is. Bundled (electron-vite, `npm run build`), it is its own entry, out/main/worker.js,
 * beside the chunk this code is in. From the sources (tests under vitest, scripts under tsx), the worker is
 * worker.ts, compiled on the fly by tsx's loader, which a worker thread must register for itself.
 */
export function workerScript(): { bundled: boolean; file: string } {
  const bundled = !here.endsWith('.ts');
  return { bundled, file: path.join(path.dirname(here), bundled ? 'worker.js' : 'worker.ts') };
}

/** A worker waiting for jobs (each sent as a WorkerStart message). */
export function launchWorker(): Worker {
  const { bundled, file } = workerScript();
  if (bundled) return new Worker(file);
  // tsx's ES module API (its `import` export), found from its package folder: require.resolve gives the CommonJS one.
  const tsxFolder = path.dirname(createRequire(here).resolve('tsx/package.json'));
  const tsx = pathToFileURL(path.join(tsxFolder, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })`;
  return new Worker(boot, { eval: true });
}
