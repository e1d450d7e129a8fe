/**
 * What the check side of an import allocates, by the function that allocated it: the plan's pass and the check
 * interleaved in this thread as the check thread runs them (check-worker.ts, rows encoded as checked), under V8's
 * sampling heap profiler counting the objects the collector has already freed too (the garbage is what costs the
 * thread's collector). Prints the top allocating frames (self) and the callers of the top ones. Not a test:
 * `npx tsx test/bench/probe-check-allocations.ts <csv> [top]` (the bench's file: test/bench/csv.ts importCsvFor).
 */
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { checkedBatchesWhilePlanning, planPass, RowChecker, type FilePlan } from '../../src-main/imports/analyse';
import { encodeRow } from '../../src-main/imports/check-wire';
import { stagedRow } from '../../src-main/imports/staged';
import { FilePlanner } from '../../src-main/imports/planner';
import { openImportFile } from '../../src-main/imports/read';
import { openTempApp } from '../support/temp-app';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

const file = path.resolve(process.argv[2] ?? '');
const top = Number(process.argv[3] ?? 30);
const app = await openTempApp();
const session = new Session();
session.connect();
try {
  const opened = openImportFile({ path: file }, {});
  if (opened.file.kind !== 'table') throw new Error('not a table');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const planner = new FilePlanner(app.context.db, opened.file, { source: { path: file } });
  let planned: FilePlan | null = null;
  const pass = planPass(planner).then((plan) => (planned = plan));
  await Promise.race([pass, planner.decision]);
  const checker = new RowChecker(app.context.db, planner.decided!, false);
  for await (const batch of checkedBatchesWhilePlanning(checker, planner, pass, 1000, (row) => encodeRow(stagedRow(row)) ?? row)) {
    if (batch.length === 0) throw new Error('empty batch');
    if (!planned) await new Promise((resolve) => setImmediate(resolve));
  }
  await pass;
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: SamplingNode } };
  opened.close();
  const label = ({ functionName, url, lineNumber }: SamplingNode['callFrame']) =>
    `${functionName || '(anonymous)'} ${url.replace(/^.*\/(src-main|src-shared|node_modules)\//, '$1/')}:${lineNumber + 1}`;
  const self = new Map<string, number>();
  const chains = new Map<string, Map<string, number>>();
  let total = 0;
  const visit = (node: SamplingNode, stack: string[]) => {
    const here = label(node.callFrame);
    total += node.selfSize;
    self.set(here, (self.get(here) ?? 0) + node.selfSize);
    if (node.selfSize > 0) {
      const chain = stack.slice(-3).reverse().join(' <- ');
      const byChain = chains.get(here) ?? new Map<string, number>();
      byChain.set(chain, (byChain.get(chain) ?? 0) + node.selfSize);
      chains.set(here, byChain);
    }
    for (const child of node.children) visit(child, [...stack, here]);
  };
  visit(profile.head, []);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).padStart(7);
  console.log(`${mb(total)} MB allocated (sampled)`);
  const ranked = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [frame, bytes] of ranked) console.log(`${mb(bytes)} MB  ${frame}`);
  for (const [frame] of ranked.slice(0, 12)) {
    console.log(`\n${frame}`);
    for (const [chain, bytes] of [...chains.get(frame)!].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`  ${mb(bytes)} MB  <- ${chain}`);
  }
} finally {
  session.disconnect();
  app.close();
}
