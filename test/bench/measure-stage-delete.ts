/**
 * Measures deleting the stage that holds the most applications (stages.delete: every history event naming it moves
 * to a replacement) and its Undo (stages.restore) on a copy of a database, in wall-clock and CPU time (the process's,
 * with the checkpoint thread's, and the main thread's alone). Not a test (tests never assert timings):
 * `npx tsx test/bench/measure-stage-delete.ts <database file, such as the bench's 100,000 one> [same|other] [rounds]`.
 * `same` (the default) moves them to a new stage of the same category, created first (a category's last stage cannot
 * be deleted; the delete form proposes one of the same category); `other` to a stage of another category (the first
 * "withdrawn", or "applied"), which changes what the statistics count. The copy is made in a temporary folder and
 * removed at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { databaseFileName } from '../../src-main/db/open';
import { timedOnce } from './cpu';
import { removeScratch, scratchDir } from './scratch';
import { callOrThrow } from './cases';

const source = path.resolve(process.argv[2] ?? '');
const replacementKind = process.argv[3] === 'other' ? 'other' : 'same';
const rounds = Number(process.argv[4] ?? '1');
const dir = scratchDir('candid-measure-stage-delete-');
fs.copyFileSync(source, path.join(dir, databaseFileName), fs.constants.COPYFILE_FICLONE);

interface StageRow {
  id: string;
  category: string;
  applicationCount: number;
}

try {
  const context = await openAppContext({ dataDir: dir });
  const api = createApi(context);
  const call = (channel: string, input: unknown) => callOrThrow(api, channel, input);
  for (let round = 0; round < rounds; round += 1) {
    const stages = (await call('stages.list', undefined)) as StageRow[];
    const fullest = stages.reduce((best, stage) => (stage.applicationCount > best.applicationCount ? stage : best));
    // The category must keep a stage: a new one of the same category, which is the replacement in the `same` case.
    const added = (await call('stages.create', { name: `Measured ${round}`, category: fullest.category })) as StageRow;
    const other = stages.find((stage) => stage.category === 'withdrawn' && stage.id !== fullest.id) ?? stages.find((stage) => stage.category === 'applied')!;
    const replacementId = replacementKind === 'same' ? added.id : other.id;
    const removal = await timedOnce(() => call('stages.delete', { id: fullest.id, replacementId }) as Promise<{ reassigned: number; undo: unknown }>);
    const undo = await timedOnce(() => call('stages.restore', removal.result.undo));
    console.log(
      JSON.stringify({
        round,
        replacement: replacementKind,
        category: fullest.category,
        reassigned: removal.result.reassigned,
        delete: { ...removal, result: undefined },
        restore: { ...undo, result: undefined },
      }),
    );
  }
  closeAppContext(context);
} finally {
  removeScratch(dir);
}
