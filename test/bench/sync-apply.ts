/**
 * `npx tsx test/bench/sync-apply.ts <candid.sqlite> [bulk|row-by-row] [max entries]`: the CPU time of applying a snapshot of
 * that database (as a joining device does, in groups of 5,000 entries with the convergence repairs) to a fresh
 * device, in bulk (BulkRows) or through the row-by-row path. CPU time rather than wall clock: the bench machine is
 * shared. Without the network and the crypto (see sync-device.ts for the whole join through a server). With a
 * maximum, only the snapshot's first entries (whole rows): a profile of the apply in minutes rather than half an
 * hour (`node --import tsx --cpu-prof test/bench/sync-apply.ts … bulk 100000`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Change } from '../../src-main/changes/writer';
import { closeAppContext, openAppContext, type AppContext } from '../../src-main/context';
import { applyBootstrap } from '../../src-main/sync/bootstrap';
import { converge } from '../../src-main/sync/converge';
import { EntryParser, type WireEntry } from '../../src-main/sync/entries';
import { snapshotEntries } from '../../src-main/sync/snapshot';

const [sourceFile, mode = 'bulk', maxText] = process.argv.slice(2);
const maxEntries = maxText ? Number(maxText) : Number.POSITIVE_INFINITY;
const groupEntries = 5000;

function* groups(source: AppContext): Generator<Change[]> {
  const parser = new EntryParser(source.changes);
  let group: WireEntry[] = [];
  let lastRow: string | undefined;
  let taken = 0;
  for (const entry of snapshotEntries(source.db.sqlite)) {
    if (taken >= maxEntries && entry[2] !== lastRow) break;
    taken += 1;
    if (group.length >= groupEntries && entry[2] !== lastRow) {
      yield parser.parse(group, 'snapshot');
      group = [];
    }
    group.push(entry);
    lastRow = entry[2];
  }
  if (group.length > 0) yield parser.parse(group, 'snapshot');
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function main(): Promise<void> {
  const sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-sync-apply-source-'));
  const targetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-sync-apply-target-'));
  try {
    fs.copyFileSync(sourceFile, path.join(sourceDir, 'candid.sqlite'), fs.constants.COPYFILE_FICLONE);
    const source = await openAppContext({ dataDir: sourceDir });
    let cpu = process.cpuUsage();
    let entries = 0;
    for (const group of groups(source)) entries += group.length;
    const readSeconds = cpuSeconds(cpu);

    const target = await openAppContext({ dataDir: targetDir });
    cpu = process.cpuUsage();
    const wall = performance.now();
    const then = (write: Parameters<typeof converge>[1], remote: Parameters<typeof converge>[2]) => converge(target.db, write, remote);
    if (mode === 'bulk') {
      await applyBootstrap(target, (async function* () {
        yield* groups(source);
      })(), { then });
    } else {
      for (const group of groups(source)) target.changes.applyRemote(group, { then });
    }
    const applySeconds = cpuSeconds(cpu) - readSeconds;
    const wallSeconds = (performance.now() - wall) / 1000;
    const count = (sql: string) => target.db.sqlite.prepare(sql).pluck().get() as number;
    console.log(
      JSON.stringify({
        mode,
        entries,
        applications: count(`SELECT count(*) FROM applications`),
        readAndParseCpuSeconds: Math.round(readSeconds * 10) / 10,
        applyCpuSeconds: Math.round(applySeconds * 10) / 10,
        wallSeconds: Math.round(wallSeconds * 10) / 10,
        loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
    closeAppContext(target);
    closeAppContext(source);
  } finally {
    fs.rmSync(sourceDir, { recursive: true, force: true });
    fs.rmSync(targetDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
