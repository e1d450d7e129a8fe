import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { migrations } from '../../migrations';
import { databaseFileName } from '../../src-main/db/open';
import { generatorVersion } from '../../src-main/seed';

export const benchDir = import.meta.dirname;
export const repoRoot = path.resolve(benchDir, '../..');
export const cacheDir = path.join(benchDir, 'cache');
export const benchSeed = 'bench';

/**
 * Cached databases are keyed by the generator version, the list of migrations and the size: a generator change
 * or any new migration makes new ones. (Keying by the latest version alone is not enough: a migration numbered
 * below one already applied, 0020 landing after 0040, would never run on the cached file.)
 */
export function cacheKey(count: number): string {
  const schema = createHash('sha256').update(migrations.map((migration) => migration.name).join('\n')).digest('hex').slice(0, 8);
  return `g${generatorVersion}-m${schema}-n${count}`;
}

export interface CachedDatabase {
  count: number;
  dir: string;
  file: string;
  /** Seconds spent generating it in this run (0 when it came from the cache). */
  generatedSeconds: number;
}

/** The cached database of `count` applications, generated through `npm run seed` when missing. */
export async function cachedDatabase(count: number, log: (line: string) => void): Promise<CachedDatabase> {
  const dir = path.join(cacheDir, cacheKey(count));
  const file = path.join(dir, databaseFileName);
  if (fs.existsSync(file)) return { count, dir, file, generatedSeconds: 0 };
  // Generate beside, then rename: an interrupted run never leaves a half-filled database in the cache.
  const building = `${dir}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  log(`Generating ${count.toLocaleString('en')} applications into the cache (once per generator and schema version)…`);
  const started = performance.now();
  await runSeed(['--count', String(count), '--data', building, '--seed', benchSeed, '--batch', '2000'], log);
  // The seed's data folder may hold backups or an API token: keep only the database.
  for (const entry of fs.readdirSync(building)) if (entry !== databaseFileName) fs.rmSync(path.join(building, entry), { recursive: true, force: true });
  fs.renameSync(building, dir);
  return { count, dir, file, generatedSeconds: (performance.now() - started) / 1000 };
}

/**
 * Removes cached databases of other generator or schema versions (each 100,000 one weighs about 2 GB). Every size of
 * the current versions is kept: a run of one size must not throw away the others (a run with `--sizes 1000` removed
 * the 100,000 one, which takes minutes to build again).
 */
export function pruneCache(): void {
  if (!fs.existsSync(cacheDir)) return;
  const current = cacheKey(0).slice(0, -'0'.length);
  for (const entry of fs.readdirSync(cacheDir)) {
    if (!entry.startsWith(current)) fs.rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  }
}

/** Runs scripts/seed.ts in a child process (its memory is not the benchmark's), relaying its progress lines. */
function runSeed(args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'seed.ts'), ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) log(`  ${line.trim()}`);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run seed failed (exit ${code}): ${errors.trim()}`))));
  });
}

/** A private copy of a cached database to run the benchmark on: writes must not change the cache. */
export function workingCopy(cached: CachedDatabase, into: string): string {
  fs.mkdirSync(into, { recursive: true });
  fs.copyFileSync(cached.file, path.join(into, databaseFileName), fs.constants.COPYFILE_FICLONE);
  return into;
}
