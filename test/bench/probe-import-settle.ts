/**
 * The end of an import's staging alone: `settleDerivedData` (current stages, full-text rows, statistics of every
 * staged application), timed in this thread's CPU, on a copy of a kept staging database (probe-import-staging.ts
 * `keep`) whose derived data is emptied first, as it stands after the last chunk. Not a test:
 * `npx tsx test/bench/probe-import-settle.ts <kept staging database> [runs] [other worktree]`: given another
 * worktree (a checkout of main), its `settleDerivedData` runs too, alternating run by run in the same process (ABBA…).
 * Run under `node --cpu-prof --import tsx` to profile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as own from '../../src-main/changes/owed-derived';
import { openDatabase } from '../../src-main/db/open';
import { loadAverage, mainThreadCpuMs } from './cpu';

const kept = path.resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 1);
const other = process.argv[4] ? path.resolve(process.argv[4]) : null;
const codes: { name: string; settleDerivedData: typeof own.settleDerivedData }[] = [{ name: 'this', settleDerivedData: own.settleDerivedData }];
if (other) codes.push({ name: 'other', settleDerivedData: (await import(path.join(other, 'src-main/changes/owed-derived.ts'))).settleDerivedData });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-settle-'));
const file = path.join(dir, 'staging.sqlite');
fs.copyFileSync(kept, file);
const db = await openDatabase({ file, dataDir: dir });
try {
  // As the staging database is set (staging.ts create).
  db.sqlite.pragma('journal_mode = MEMORY');
  db.sqlite.pragma('synchronous = OFF');
  db.sqlite.pragma('cache_size = -64000');
  db.sqlite.pragma('foreign_keys = OFF');
  for (let run = 0; run < runs; run += 1) {
    // ABBA: neither side always runs first in its pair.
    for (const code of run % 2 === 0 ? codes : [...codes].reverse()) {
      db.transaction(() => {
        for (const table of ['statistics_facts', 'statistics_cells', 'statistics_month_cells', 'statistics_skill_months', 'applications_fts']) db.sqlite.exec(`DELETE FROM ${table}`);
        db.sql(`INSERT INTO meta (key, value) VALUES (?, '0') ON CONFLICT (key) DO UPDATE SET value = '0'`).run(own.pendingKey);
      });
      const wall = performance.now();
      const cpu = mainThreadCpuMs();
      const settled = code.settleDerivedData(db);
      console.log(JSON.stringify({ run, code: code.name, settled, wall: Math.round(performance.now() - wall), cpu: Math.round(mainThreadCpuMs() - cpu), load: loadAverage() }));
    }
  }
} finally {
  db.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
