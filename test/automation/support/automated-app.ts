import fs from 'node:fs';
import { createApi, type Api } from '../../../src-main/api';
import { startAutomation, type Automation, type AutomationOptions } from '../../../src-main/automation';
import { closeAppContext, openAppContext, type AppContext, type OpenContextOptions } from '../../../src-main/context';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-app';

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

/** The app on a real SQLite file, its automation running on a clock the test moves. */
export interface AutomatedApp {
  dir: string;
  clock: ManualClock;
  context: AppContext;
  api: Api;
  automation: Automation;
  /** Moves time on, the scheduler waking at each due time on the way. */
  advance(ms: number): Promise<void>;
  advanceTo(ms: number): Promise<void>;
  /** Lets the scheduler see the writes just made (it plans again after a write). */
  settle(): Promise<void>;
  /** Quits: the scheduler stops and the database closes (the data folder stays). */
  quit(): void;
  /** Quits and removes the data folder. */
  close(): void;
}

export async function openAutomatedApp(options: {
  dir?: string;
  clock: ManualClock;
  automation?: AutomationOptions;
  sync?: OpenContextOptions['sync'];
}): Promise<AutomatedApp> {
  const dir = options.dir ?? tempDir('candid-automation-');
  const context = await openAppContext({ dataDir: dir, clock: options.clock, sync: options.sync });
  const api = createApi(context);
  // Wakes at least daily rather than every six hours: the same moments, fewer idle looks over simulated months.
  const automation = startAutomation(context, { afterWriteMs: 60_000, longestSleepMs: 24 * 60 * 60 * 1000, ...options.automation });
  await automation.started;
  let open = true;
  const settle = () => automation.scheduler.whenIdle();
  const quit = () => {
    if (!open) return;
    open = false;
    automation.stop();
    closeAppContext(context);
  };
  return {
    dir,
    clock: options.clock,
    context,
    api,
    automation,
    async advance(ms) {
      await settle();
      await options.clock.advance(ms);
    },
    async advanceTo(ms) {
      await settle();
      await options.clock.advanceTo(ms);
    },
    settle,
    quit,
    close() {
      quit();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every run the ledger holds, as (job, key, outcome, due, ran at). */
export function ledger(context: AppContext) {
  return context.db.sqlite
    .prepare(`SELECT job, key, outcome, due_at AS dueAt, created_at AS ranAt FROM automation_runs ORDER BY due_at, job, key`)
    .all() as { job: string; key: string; outcome: string; dueAt: string; ranAt: string }[];
}

export function notificationRows(context: AppContext) {
  return context.db.sqlite
    .prepare(`SELECT id, kind, application_id AS applicationId, subject_id AS subjectId, due_at AS dueAt, created_at AS createdAt, data FROM notifications ORDER BY due_at, id`)
    .all() as { id: string; kind: string; applicationId: string | null; subjectId: string | null; dueAt: string; createdAt: string; data: string }[];
}
