import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExportResult } from '../../src-shared/contract';
import { flagCount, type WorkerMessage, type WorkerStart } from '../../src-main/jobs/protocol';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * The desktop build starts the jobs' worker by path: `npm run build` must emit out/main/worker.js beside the chunk
 * that launches it, and that file must run a job on its own. The Electron binary cannot run here; the bundle is
 * loaded under Node, with Node's build of better-sqlite3.
 */
const root = path.resolve(import.meta.dirname, '../..');
const outMain = path.join(root, 'out', 'main');
let app: TempApp;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'pipe',
  });
  app = await openTempApp();
  await app.api.invoke('applications.create', { companyName: 'Bundled', position: 'Worker check' });
}, 240_000);
afterAll(() => app?.close());

it('emits the worker beside the code that starts it, free of electron', () => {
  const worker = path.join(outMain, 'worker.js');
  expect(fs.existsSync(worker)).toBe(true);
  expect(fs.readFileSync(worker, 'utf8')).not.toMatch(/from ["']electron["']/);
  const launchers = fs.readdirSync(outMain).filter((name) => fs.readFileSync(path.join(outMain, name), 'utf8').includes('"worker.js"'));
  expect(launchers.length).toBeGreaterThan(0);
  for (const launcher of launchers) expect(fs.existsSync(path.join(outMain, path.dirname(launcher), 'worker.js'))).toBe(true);
});

it('runs a job from the built worker under plain Node', async () => {
  const start: WorkerStart = {
    jobId: 'bundle-check',
    channel: 'exports.csv',
    input: { filters: {}, language: 'en', delimiter: ',', bom: false },
    databaseFile: app.context.databaseFile,
    dataDir: app.dir,
    shell: 'browser',
    version: app.context.version,
    flags: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * flagCount),
  };
  const worker = new Worker(path.join(outMain, 'worker.js'));
  worker.postMessage(start);
  const outcome = await new Promise<WorkerMessage>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'done' || message.type === 'failed') resolve(message);
    });
    worker.on('error', reject);
  });
  await worker.terminate();
  expect(outcome.type).toBe('done');
  const result = (outcome as { value: ExportResult }).value;
  expect(result).toMatchObject({ kind: 'content', rows: 1 });
  expect(result.kind === 'content' && result.content).toContain('Bundled');
});

/** The files the built `entry` loads before it runs (its static imports, followed), and the packages they import. */
function staticClosure(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    const code = fs.readFileSync(path.join(outMain, file), 'utf8');
    for (const [, from] of code.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']/gm)) {
      if (from.startsWith('./')) visit(from.slice(2));
      else packages.add(from);
    }
  };
  visit(entry);
  return { files, packages };
}

it('starts the worker without loading what only some jobs need: each job loads its own code when it runs', () => {
  const { files, packages } = staticClosure('worker.js');
  // exceljs alone was a third of the worker's start; the readers of imported files load with an import.
  for (const only of ['exceljs', 'papaparse', 'saxes', 'fflate']) expect(packages).not.toContain(only);
  // The channels' schemas (every zod schema of the contract) were most of the rest: the worker parses none.
  const withContract = files.filter((file) => /^\/\/ src-shared\/contract\/(applications|channels)\.ts$/m.test(fs.readFileSync(path.join(outMain, file), 'utf8')));
  expect(withContract).toEqual([]);
});
