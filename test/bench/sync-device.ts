/**
 * The device side of sync in `npm run bench` (issue 11), run against the bench's server on each engine:
 * - 10,000 changes made offline on one device, pushed, then pulled by a second device (target ≤ 2 s);
 * - a second device joining a search of `CANDID_BENCH_JOIN` applications (default 100,000, target ≤ 30 s): the
 *   first device (a copy of the bench's cached database) connects, pushes its whole history and uploads a
 *   snapshot (set-up, not timed); the second connects and is timed until its first run ends, the search in place.
 * Each device is the real app on its own data folder, through the `sync.*` channels.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTempApp, type TempApp } from '../support/temp-app';
import { cachedDatabase, workingCopy } from './cache';
import { deviceSideCases } from './server';

const log = (line: string) => process.stderr.write(`${line}\n`);
const joinSize = Number(process.env.CANDID_BENCH_JOIN ?? 100_000);
/** `CANDID_BENCH_JOIN_IMAGES=0`: the devices make and load no database image (the join applies the snapshot's entries). */
const images = process.env.CANDID_BENCH_JOIN_IMAGES !== '0';
/** The argon2 cost of the bench's keys: the figures are about syncing, not about deriving a key. */
const kdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

async function device(dataDir?: string): Promise<TempApp> {
  return openTempApp({ ...(dataDir ? { dataDir } : {}), sync: { kdfCost, snapshotEveryRun: true, images } });
}

async function connect(app: TempApp, serverUrl: string, email: string, createAccount: boolean): Promise<void> {
  await app.api.invoke('sync.connect', {
    serverUrl,
    email,
    password: 'correct horse battery',
    passphrase: 'a long sync passphrase',
    deviceName: createAccount ? 'First' : 'Second',
    createAccount,
  });
  await app.context.sync.runner.whenIdle();
  const status = app.context.sync.status();
  if (status.lastError) throw new Error(`sync failed: ${status.lastError.problem} ${status.lastError.message}`);
}

async function syncNow(app: TempApp): Promise<number> {
  const started = performance.now();
  const status = await app.api.invoke('sync.now', {});
  if (status.lastError) throw new Error(`sync failed: ${status.lastError.problem} ${status.lastError.message}`);
  return performance.now() - started;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** This process's CPU time (the devices run here; the server is a child process) since `since`, in ms. */
function cpuSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

deviceSideCases.push({
  label: '10,000 offline changes: pushed by one device, pulled by a second',
  target: '≤ 2 s',
  async run(serverUrl, engine) {
    const email = `offline-${engine}-${Date.now()}@example.org`;
    const [first, second] = [await device(), await device()];
    try {
      const ids: string[] = [];
      for (let index = 0; index < 100; index += 1) {
        ids.push((await first.api.invoke('applications.create', { companyName: `Company ${index % 20}`, position: `Position ${index}` })).id);
      }
      await connect(first, serverUrl, email, true);
      await connect(second, serverUrl, email, false);
      // Offline: 10,000 field changes (100 edits of each of 100 applications).
      first.context.changes.write((write) => {
        for (let round = 0; round < 100; round += 1) {
          for (const id of ids) write.update('applications', id, { notes: `Round ${round} of ${id}` });
        }
      });
      const cpu = process.cpuUsage();
      const push = await syncNow(first);
      const pull = await syncNow(second);
      return `${seconds(push + pull)} (push ${seconds(push)}, pull ${seconds(pull)}; devices' CPU ${seconds(cpuSince(cpu))})`;
    } finally {
      first.close();
      second.close();
    }
  },
});

deviceSideCases.push({
  label: `a second device joining a search of ${joinSize.toLocaleString('en')} applications`,
  target: '≤ 30 s',
  async run(serverUrl, engine) {
    const email = `join-${engine}-${Date.now()}@example.org`;
    const cached = await cachedDatabase(joinSize, log);
    const firstDir = workingCopy(cached, fs.mkdtempSync(path.join(os.tmpdir(), 'candid-bench-sync-')));
    const first = await device(firstDir);
    const second = await device();
    try {
      const setup = performance.now();
      await connect(first, serverUrl, email, true);
      log(`    first device pushed its search and a snapshot in ${seconds(performance.now() - setup)}`);
      const cpu = process.cpuUsage();
      const started = performance.now();
      await connect(second, serverUrl, email, false);
      const joined = performance.now() - started;
      const cpuMs = cpuSince(cpu);
      const count = second.context.db.sqlite.prepare(`SELECT count(*) FROM applications WHERE deleted_at IS NULL`).pluck().get() as number;
      const entries = second.context.db.sqlite.prepare(`SELECT count(*) FROM change_log`).pluck().get() as number;
      const how = entries === 0 ? 'by database image' : `${entries.toLocaleString('en')} entries applied`;
      return `${seconds(joined)} (${count.toLocaleString('en')} applications, ${how}; device CPU ${seconds(cpuMs)})`;
    } finally {
      first.close();
      second.close();
    }
  },
});
