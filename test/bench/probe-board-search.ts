/**
 * The board's columns asked for a search, as the board asks (one applications.list per stage, its first page with
 * its count), timed per query at 100,000. Not a test: `npx tsx test/bench/probe-board-search.ts [rounds]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { cachedDatabase, workingCopy } from './cache';
import { callOrThrow } from './cases';
import { mainThreadCpuMs } from './cpu';

const rounds = Number(process.argv[2] ?? 5);
const cached = await cachedDatabase(100000, console.log);
const dir = fs.mkdtempSync(path.join('/tmp/lead19', 'board-'));
workingCopy(cached, dir);
const context = await openAppContext({ dataDir: dir });
try {
  const api = createApi(context);
  const stages = (await callOrThrow(api, 'stages.list', {})) as { id: string }[];
  for (const query of ['lyon', 'react', 'data analyst', 'relancer', 'zzz']) {
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const wall = performance.now();
      const cpu = mainThreadCpuMs();
      for (const stage of stages) {
        await callOrThrow(api, 'applications.list', { text: query, stageIds: [stage.id], sort: { column: 'appliedOn', direction: 'desc' }, limit: 24, offset: 0 });
      }
      walls.push(performance.now() - wall);
      cpus.push(mainThreadCpuMs() - cpu);
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(1);
    console.log(JSON.stringify({ query, columns: stages.length, wallMs: median(walls), cpuMs: median(cpus) }));
  }
} finally {
  closeAppContext(context);
  fs.rmSync(dir, { recursive: true, force: true });
}
