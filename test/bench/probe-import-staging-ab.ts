/**
 * The import's thread's share of the staging, as it runs it: each batch as the check thread sends it (check-wire.ts,
 * encoded outside the measure), read back and written as run.ts `stageRows` does (1,000 rows per bulk write), the
 * derived data left owed. This worktree's code against another's (a checkout of main), alternating run by run in one
 * process (ABBA), each on the batches its own check code makes of the same file. Not a test:
 * `npx tsx test/bench/probe-import-staging-ab.ts <csv> <runs> <other worktree>`; prints each run's wall and CPU.
 */
import path from 'node:path';
import { openImportFile } from '../../src-main/imports/read';
import { openTempApp } from '../support/temp-app';
import { loadAverage, mainThreadCpuMs } from './cpu';

const file = path.resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 4);
const other = path.resolve(process.argv[4] ?? '');

interface Code {
  name: string;
  /** As each version sends them: a text per batch (before session 29), a text per row, or objects. */
  messages: ({ text: string } | { texts: string[] } | { rows: unknown[] })[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  modules: Record<string, any>;
}

async function load(name: string, root: string): Promise<Code> {
  const from = (module: string) => import(path.join(root, 'src-main', module));
  const [analyse, wire, staging, write, staged] = await Promise.all([
    from('imports/analyse.ts'),
    from('imports/check-wire.ts'),
    from('imports/staging.ts'),
    from('imports/write.ts'),
    from('imports/staged.ts').catch(() => null),
  ]);
  return { name, messages: [], modules: { analyse, wire, staging, write, staged } };
}

const app = await openTempApp();
const codes = [await load('this', process.cwd()), await load('other', other)];
for (const code of codes) {
  const { analyse, wire, staged } = code.modules;
  const opened = openImportFile({ path: file }, {});
  try {
    if (opened.file.kind !== 'table') throw new Error('not a table');
    const plan = await analyse.planFile(app.context.db, opened.file, { source: { path: file } });
    const checker = new analyse.RowChecker(app.context.db, plan, false);
    // What each version's check thread sends: check-worker.ts's `shape`, then batchMessage.
    const shape = staged ? (row: unknown) => { const s = staged.stagedRow(row); return wire.encodeRow(s) ?? s; } : (row: unknown) => wire.encodeRow(row) ?? row;
    const cpu = mainThreadCpuMs();
    for (const batch of analyse.shapedBatches(checker, plan, 1000, shape)) code.messages.push(wire.batchMessage(batch));
    console.log(JSON.stringify({ code: code.name, checkedAndSentCpu: Math.round(mainThreadCpuMs() - cpu), load: loadAverage() }));
  } finally {
    opened.close();
  }
}

async function stage(code: Code) {
  const { staging: stagingModule, write, wire } = code.modules;
  const staging = await stagingModule.ImportStaging.create(app.context);
  try {
    const wall = performance.now();
    const cpu = mainThreadCpuMs();
    const writer = new write.ImportWriter(staging.db);
    let created = 0;
    for (const message of code.messages) {
      const batch = 'texts' in message ? wire.decodeBatch(message.texts) : 'text' in message ? wire.decodeBatch(message.text) : message.rows;
      staging.changes.write(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        (context: any) => {
          writer.use(context);
          for (const { checked } of batch) {
            for (const { application } of checked) {
              if (application.input === null) continue;
              writer.writeRow(application);
              created += 1;
            }
          }
        },
        { bulk: true },
      );
    }
    return { code: code.name, created, wall: Math.round(performance.now() - wall), cpu: Math.round(mainThreadCpuMs() - cpu), load: loadAverage() };
  } finally {
    staging.close();
  }
}

try {
  for (let run = 0; run < runs; run += 1) {
    const order = run % 2 === 0 ? codes : [...codes].reverse();
    for (const code of order) console.log(JSON.stringify({ run, ...(await stage(code)) }));
  }
} finally {
  app.close();
}
