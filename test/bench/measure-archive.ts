/**
 * Measures "select all" → archive (applications.bulkByFilter) and its Undo (applications.unarchive) on a copy of a
 * database, each way in wall-clock and CPU time (CPU time says more on a busy machine), beside the raw baseline's two
 * UPDATEs on the same copy afterwards. CPU time is the process's (with the checkpoint thread's) and the main thread's. Not a test (tests never assert timings):
 * `npx tsx test/bench/measure-archive.ts <database file, such as the bench's 100,000 one> [rounds] [pause before
 * the Undo, ms]`.
 * The copy is made in a temporary folder and removed at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { databaseFileName } from '../../src-main/db/open';
import { RawBaseline } from './baseline';
import { timedOnce } from './cpu';
import { removeScratch, scratchDir } from './scratch';
import { callOrThrow } from './cases';

const source = path.resolve(process.argv[2] ?? '');
const rounds = Number(process.argv[3] ?? '1');
/** A pause between the archive and its Undo, as a person reading the toast would take (default none). */
const pauseMs = Number(process.argv[4] ?? '0');
const dir = scratchDir('candid-measure-archive-');
fs.copyFileSync(source, path.join(dir, databaseFileName), fs.constants.COPYFILE_FICLONE);

try {
  const context = await openAppContext({ dataDir: dir });
  const api = createApi(context);
  const call = (channel: string, input: unknown) => callOrThrow(api, channel, input);
  for (let round = 0; round < rounds; round += 1) {
    const archive = await timedOnce(() => call('applications.bulkByFilter', { filters: {}, action: 'archive' }) as Promise<{ ids: string[] }>);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const undo = await timedOnce(() => call('applications.unarchive', { ids: archive.result.ids }));
    console.log(JSON.stringify({ round, rows: archive.result.ids.length, archive: { ...archive, result: undefined }, undo: { ...undo, result: undefined } }));
  }
  closeAppContext(context);
  const raw = new RawBaseline(path.join(dir, databaseFileName));
  const both = await timedOnce(() => raw.archiveAllAndBack());
  console.log(JSON.stringify({ raw: { rows: both.result, wallMs: both.wallMs, cpuMs: both.cpuMs } }));
} finally {
  removeScratch(dir);
}
