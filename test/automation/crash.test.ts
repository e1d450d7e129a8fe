process.env.TZ = 'Europe/Paris';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { createApplication } from '../../src-main/applications/mutations';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { ManualClock } from '../support/manual-clock';
import { tempDir } from '../support/temp-app';
import { day, openAutomatedApp } from './support/automated-app';

const root = path.resolve(import.meta.dirname, '../..');
const child = path.join(root, 'test/automation/support/catch-up-child.ts');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const start = Date.parse('2025-03-03T08:00:00+01:00');
const applications = 400;

function count(dataDir: string, query: string): number {
  const db = new BetterSqlite3(path.join(dataDir, 'candid.sqlite'), { readonly: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare(query).pluck().get() as number;
  } finally {
    db.close();
  }
}

it('a crash in the middle of a catch-up repeats nothing: after a restart, each application is ghosted once', async () => {
  const dataDir = tempDir('candid-automation-crash-');
  dirs.push(dataDir);
  // A search begun on 3 March, then left closed for a month: every application is due for ghosting.
  const context = await openAppContext({ dataDir, clock: new ManualClock(start) });
  context.changes.write((write) => {
    for (let index = 0; index < applications; index++) {
      createApplication(context.db, write, { companyName: `Company ${index % 50}`, position: `Position ${index}`, appliedOn: '2025-03-03' });
    }
  });
  const { automationStartedAt } = await import('../../src-main/automation/rules/common');
  automationStartedAt(context.db, start);
  closeAppContext(context);
  const reopenedAt = start + 31 * day;

  // Run by node itself (tsx as a loader, not its CLI, which would run the script in a grandchild that SIGKILL misses).
  const worker = spawn(process.execPath, ['--import', 'tsx', child, dataDir, String(reopenedAt)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
  let output = '';
  let errors = '';
  worker.stdout.on('data', (chunk) => (output += chunk));
  worker.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise<void>((resolve) => worker.on('exit', () => resolve()));
  // Killed as soon as some ghostings are written, while the others are still to come.
  for (;;) {
    if (output.includes('done')) throw new Error('the catch-up ended before it could be interrupted: make it longer');
    if (worker.exitCode !== null) throw new Error(`the child failed: ${errors}`);
    if (output.includes('ready') && count(dataDir, `SELECT count(*) FROM automation_runs WHERE job = 'auto-ghost'`) >= 20) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  worker.kill('SIGKILL');
  await exited;
  const beforeRestart = count(dataDir, `SELECT count(*) FROM automation_runs WHERE job = 'auto-ghost'`);
  expect(beforeRestart).toBeGreaterThan(0);
  expect(beforeRestart).toBeLessThan(applications);
  // What was written is whole: each run with its stage event and notification, nothing half-done.
  expect(count(dataDir, `SELECT count(*) FROM stage_events WHERE automation IS NOT NULL`)).toBe(beforeRestart);
  expect(count(dataDir, `SELECT count(*) FROM notifications WHERE kind = 'ghosted'`)).toBe(beforeRestart);

  // Restarted at the same moment: the catch-up finishes what was left, and repeats nothing.
  const app = await openAutomatedApp({ dir: dataDir, clock: new ManualClock(reopenedAt) });
  try {
    const { sqlite } = app.context.db;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const perApplication = sqlite
      .prepare(`SELECT count(*) AS events, count(DISTINCT application_id) AS applications FROM stage_events WHERE automation IS NOT NULL AND deleted_at IS NULL`)
      .get();
    expect(perApplication).toEqual({ events: applications, applications });
    expect(sqlite.prepare(`SELECT count(*) FROM notifications WHERE kind = 'ghosted'`).pluck().get()).toBe(applications);
    expect(sqlite.prepare(`SELECT count(*) FROM automation_runs WHERE job = 'auto-ghost'`).pluck().get()).toBe(applications);
    expect(sqlite.prepare(`SELECT count(*) FROM applications WHERE stage_category = 'ghosted'`).pluck().get()).toBe(applications);
  } finally {
    app.quit();
  }
});
