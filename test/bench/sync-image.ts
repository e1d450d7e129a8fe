/**
 * `npx tsx test/bench/sync-image.ts <candid.sqlite>`: the join by database image (docs/sync.md, "Database images")
 * of a fresh device to that database's search, without the network: the image made (tables copied, deflated,
 * sealed: the uploading device's work) and then the joining device's work, timed on its own — the sealed file
 * opened, checked and inflated to a temp file, then loaded in one transaction. CPU time and wall clock of each,
 * with the load average (the bench machine is shared). The database is opened with the app's own open (migrated
 * in place when older): pass a copy.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { SyncKeys } from '../../src-main/sync/crypto';
import { copyImageTables, loadImage, openImageStream } from '../../src-main/sync/image';
import { writeSealed } from '../../src-main/sync/snapshot';
import type { SyncState } from '../../src-main/sync/state';

const [sourceFile] = process.argv.slice(2);

function measure<T>(run: () => Promise<T>): Promise<{ result: T; cpuSeconds: number; wallSeconds: number }> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  return run().then((result) => {
    const used = process.cpuUsage(cpu);
    return { result, cpuSeconds: round((used.user + used.system) / 1e6), wallSeconds: round((performance.now() - wall) / 1000) };
  });
}
const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-sync-image-'));
  const targetDir = path.join(work, 'target');
  fs.mkdirSync(targetDir);
  try {
    const source = await openAppContext({ dataDir: path.dirname(sourceFile) });
    const keys = new SyncKeys(crypto.randomBytes(32), crypto.randomUUID());
    const imageId = crypto.randomUUID();
    const databaseFile = path.join(work, 'image.sqlite');
    const sealedFile = path.join(work, 'image.sealed');
    const header = { v: 1 as const, schema: 0, covers: 1, hlc: source.changes.clock.tick() };
    const made = await measure(async () => {
      const image = new BetterSqlite3(databaseFile);
      image.pragma('journal_mode = OFF');
      image.pragma('synchronous = OFF');
      image.prepare(`ATTACH ? AS source`).run(source.db.path);
      image.exec('BEGIN');
      header.schema = copyImageTables(image);
      image.exec('COMMIT');
      image.close();
      async function* plaintext(): AsyncGenerator<Buffer> {
        yield Buffer.from(`${JSON.stringify(header)}\n`);
        for await (const chunk of fs.createReadStream(databaseFile, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
      }
      await writeSealed(sealedFile, keys.image, keys.imageAad(imageId), plaintext());
    });
    const imageBytes = fs.statSync(databaseFile).size;
    fs.rmSync(databaseFile);
    const sealedBytes = fs.statSync(sealedFile).size;
    closeAppContext(source);

    const target = await openAppContext({ dataDir: targetDir });
    const openedFile = path.join(work, 'image.in.sqlite');
    const opened = await measure(() => openImageStream(keys, imageId, fs.createReadStream(sealedFile), openedFile));
    let cursor = 0;
    const state = { update: (patch: { cursor: number }) => (cursor = patch.cursor) } as unknown as SyncState;
    const loaded = await measure(async () => loadImage(target, state, { header: opened.result, file: openedFile }));
    const count = (sql: string) => target.db.sqlite.prepare(sql).pluck().get() as number;
    console.log(
      JSON.stringify({
        applications: count(`SELECT count(*) FROM applications`),
        loaded: loaded.result,
        cursor,
        imageMb: Math.round(imageBytes / 1e6),
        sealedMb: Math.round(sealedBytes / 1e6),
        make: { cpuSeconds: made.cpuSeconds, wallSeconds: made.wallSeconds },
        openCheckInflate: { cpuSeconds: opened.cpuSeconds, wallSeconds: opened.wallSeconds },
        load: { cpuSeconds: loaded.cpuSeconds, wallSeconds: loaded.wallSeconds },
        join: { cpuSeconds: round(opened.cpuSeconds + loaded.cpuSeconds), wallSeconds: round(opened.wallSeconds + loaded.wallSeconds) },
        loadAverage: os.loadavg().map(round),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
    closeAppContext(target);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
