/**
 * `npm run seed -- --count N [--data DIR] [--seed S] [--today YYYY-MM-DD] [--force]`, or `--demo` for a small
 * database (~60 applications) to look around in. Fills a Candid database with a realistic, deterministic
 * dataset through the app's own write path. Refuses a database that already holds data unless --force.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { optimizeTextIndex } from '../src-main/changes/text-index-merge';
import { closeAppContext, openAppContext } from '../src-main/context';
import { defaultDataDir } from '../src-main/data-dir';
import { generateDataset, holdsUserData, seedDatabase, todayUtc, type SeedProgress } from '../src-main/seed';

const demoCount = 60;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        count: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string', default: 'candid' },
        today: { type: 'string' },
        batch: { type: 'string', default: '2000' },
        demo: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\nUsage: npm run seed -- --count N [--data DIR] [--seed S] [--today YYYY-MM-DD] [--force] | --demo`);
  }
  if (values.demo && values.count !== undefined) fail('Give either --demo or --count, not both.');
  if (!values.demo && values.count === undefined) fail('Say how many applications to create: --count N (or --demo).');
  const count = values.demo ? demoCount : Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) fail(`--count must be a whole number from 1 to 1000000, not ${values.count}`);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1) fail(`--batch must be a whole number ≥ 1, not ${values.batch}`);
  const today = values.today ?? todayUtc();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail(`--today must be a date YYYY-MM-DD, not ${today}`);
  return { count, batchSize, today, seed: values.seed, force: values.force, dataDir: path.resolve(values.data ?? defaultDataDir()) };
}

function progressPrinter(started: number) {
  const interactive = process.stdout.isTTY;
  return ({ phase, done, total }: SeedProgress) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `${phase}: ${done}/${total} (${Math.floor((done / Math.max(total, 1)) * 100)}%) · ${seconds} s`;
    if (interactive) process.stdout.write(`\r${line}\x1b[K${done === total ? '\n' : ''}`);
    else console.log(line);
  };
}

async function main() {
  const options = parseOptions();
  const context = await openAppContext({ dataDir: options.dataDir });
  try {
    if (holdsUserData(context) && !options.force) {
      console.error(`The database in ${options.dataDir} already holds data; nothing was written. Add --force to seed on top of it.`);
      process.exitCode = 2;
      return;
    }
    const started = performance.now();
    console.log(`Seeding ${options.count} applications into ${context.databaseFile} (seed "${options.seed}", today ${options.today})`);
    const dataset = generateDataset({ count: options.count, seed: options.seed, today: options.today });
    const summary = seedDatabase(context, dataset, { batchSize: options.batchSize, onProgress: progressPrinter(started) });
    // A seeded database is searched, and written to, with its full-text index in one segment, as migration 0265 left
    // upgraded ones: since 0280 no write merges, and the bench measures a settled database, not the merges it owes.
    optimizeTextIndex(context.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Done in ${seconds} s: ${summary.applications} applications, ${summary.companies} companies, ${summary.contacts} contacts, ` +
        `${summary.stageEvents} stage events, ${summary.interviews} interviews, ${summary.tasks} tasks, ` +
        `${summary.changeLogEntries} change-log entries.`,
    );
  } finally {
    closeAppContext(context);
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${(error as Error).message}`);
  process.exit(1);
});
