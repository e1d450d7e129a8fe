/**
 * The jobs' worker proper (worker.ts loads it for a thread that is not part of a job): for each job main sends,
 * opens its own connection to the database, runs the job through the same code and the same write path as main
 * would, and reports back (protocol.ts). Jobs come one at a time; the thread waits for the next. Never imports
 * electron.
 */
import { parentPort } from 'node:worker_threads';
import { toErrorShape } from '../error-shape';
import { systemClock } from '../automation/clock';
import { ChangeWriter } from '../changes/writer';
import type { AppContext } from '../context';
import { Database } from '../db/connection';
import type { SecretStore } from '../sync/secrets';
import { SyncService } from '../sync/service';
import { JobControl } from './control';
import { dropCheckThread, warmCheckThread } from '../imports/check-spare';
import { isWorkerUpcoming, type WorkerCommand, type WorkerMessage, type WorkerStart } from './protocol';
import { InlineJobs } from './runner';
import { jobWork, loadJobCode } from './work';

const send = (message: WorkerMessage) => parentPort!.postMessage(message);

/** Sync runs in main only: in the worker it holds no secrets, so it is off and is never started. */
const noSecrets: SecretStore = {
  get: () => null,
  set: () => {
    throw new Error('A job never signs in to sync.');
  },
  delete: () => undefined,
};

async function run(start: WorkerStart): Promise<void> {
  const control = new JobControl(start.channel, start.flags, send);
  let db: Database | undefined;
  // Closed before the message main waits for last (the answer, or `upkept` after an upkeep): once it has it, main may
  // take the folder as its own (close last, which removes the WAL's files; copy it; restore over it).
  // Not db.close(): its `PRAGMA optimize` may write, and this connection's writes go through main's lock.
  const close = () => {
    db?.statements.clear();
    if (db?.sqlite.open) db.sqlite.close();
  };
  try {
    db = new Database(start.databaseFile, { nativeBinding: start.nativeBinding });
    db.applyPragmas();
    db.writeGate = control.writeGate();
    const changes = ChangeWriter.open(db);
    changes.onChanged((event) => send({ type: 'changed', tables: event.tables }));
    const context = {
      db,
      changes,
      dataDir: start.dataDir,
      databaseFile: start.databaseFile,
      shell: start.shell,
      version: start.version,
      // The system's time: a clock injected into main (tests, the end-to-end server) does not cross to the worker.
      clock: systemClock,
      job: control,
    } as AppContext;
    context.jobs = new InlineJobs(() => context);
    context.sync = new SyncService(context, noSecrets);
    control.progress('starting');
    const work = jobWork[start.channel] as (input: unknown, context: AppContext) => Promise<unknown>;
    const value = await work(start.input, context);
    const upkeep = control.upkeep.length > 0;
    if (!upkeep) close();
    send({ type: 'done', value, upkeep });
    if (upkeep) {
      try {
        for (const work of control.upkeep) work();
      } catch (error) {
        // The answer is given and nothing the user sees depends on it: main's idle merge, say, does it later.
        console.error('[candid] a job’s upkeep after its answer failed:', error);
      }
      close();
      send({ type: 'upkept' });
    }
  } catch (error) {
    close();
    send({ type: 'failed', error: toErrorShape(error) });
  } finally {
    close();
  }
}

/**
 * Takes the jobs main sends (messages wait in the port until this listens), and word of an import to come, whose
 * check thread starts now (imports/check-spare.ts): an import takes it, any other job stops it, as does the end of
 * a job that did not take it.
 */
export function serveJobs(): void {
  parentPort!.on('message', (command: WorkerCommand) => {
    if (isWorkerUpcoming(command)) {
      // A failure to load shows when the job runs, as before.
      loadJobCode(command.channel).catch(() => undefined);
      if (command.importFileBytes !== undefined) warmCheckThread(command.importFileBytes);
      return;
    }
    if (command.channel !== 'imports.run') dropCheckThread();
    void run(command).finally(dropCheckThread);
  });
}
