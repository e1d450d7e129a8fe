/**
 * An import's phases, wall clock and the import's thread's CPU: the bench's CSV into an empty database through
 * `importFile` (the check and statistics threads from a ready bundle, as in the app): `validated`, the staging (to the
 * tail's start), the tail (`ImportStaging.settle`) and the copy (`apply`, the lock), with the process's CPU. Not a
 * test: `LABEL=x npx tsx test/bench/probe-import-phases.ts <csv>`, alternating two worktrees run by run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFile } from '../../src-main/imports/run';
import { ImportStaging } from '../../src-main/imports/staging';
import { setup, teardown } from '../support/jobs-worker-bundle';
import { openTempApp, tempDir } from '../support/temp-app';
import { mainThreadCpuMs, loadAverage } from './cpu';

const csv = path.resolve(process.argv[2] ?? '');
await setup();
const marks: Record<string, number> = {};
const walls: Record<string, number> = {};
const t0 = performance.now();
const mark = (label: string) => { marks[label] = mainThreadCpuMs(); walls[label] = performance.now() - t0; };
const settle = ImportStaging.prototype.settle;
ImportStaging.prototype.settle = async function (this: ImportStaging, ...args: Parameters<typeof settle>) { mark('settleStart'); try { return await settle.apply(this, args); } finally { mark('settleEnd'); } };
const dataDir = tempDir('candid-cpu-');
const app = await openTempApp({ dataDir });
const cpu0 = process.cpuUsage();
const start = performance.now();
await importFile(app.context, { source: { path: csv }, options: { skipInvalidRows: true } }, { onPhase: (p) => mark(p) });
const wall = performance.now() - start;
const u = process.cpuUsage(cpu0);
const r = Math.round;
console.log(JSON.stringify({ label: process.env.LABEL, load: loadAverage(), wall: r(wall), cpu: r((u.user + u.system) / 1000), validated: r(walls.validated - walls.read), staging: r(walls.settleStart - walls.validated), tail: r(walls.settleEnd - walls.settleStart), apply: r(walls.written - walls['backed-up']), stagingCpu: r(marks.settleStart - marks.validated), settleCpu: r(marks.settleEnd - marks.settleStart), applyCpu: r(marks.written - marks['backed-up']) }));
app.close();
fs.rmSync(dataDir, { recursive: true, force: true });
await teardown();
