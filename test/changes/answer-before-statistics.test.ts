import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { statisticsPendingKey } from '../../src-main/changes/pending-statistics';
import type { Database } from '../../src-main/db/connection';
import { createApi } from '../../src-main/api';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';
import { openTempApp, type TempApp } from '../support/temp-app';
import { buildScenario, stagesByCategory, today } from '../statistics/support/scenario';
import type { StageCategory } from '../../src-shared/contract';

/**
 * applications.create, update and setStage answer before the statistics their write changes, which are refreshed on
 * the next turn of the event loop (ChangeWriter.answerBeforeStatistics, changes/pending-statistics.ts). Each test
 * first checks that the write did leave them owed (the mark is there), so that what follows could fail: a reader
 * that did not settle them would see the statistics of before the write.
 */
let app: TempApp;
let stages: Record<StageCategory, string>;
let ids: Record<string, string>;
beforeEach(async () => {
  app = await openTempApp();
  ({ ids } = await buildScenario(app.api));
  stages = await stagesByCategory(app.api);
});
afterEach(() => app?.close());

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const owed = (db: Database) => db.sql(`SELECT value FROM meta WHERE key = ?`).pluck().get(statisticsPendingKey) as string | undefined;

/** A call as the transports make it (Api.call: Api.invoke settles after its answer, for tests and scripts). */
async function call(api: Api, channel: string, input: unknown): Promise<unknown> {
  const result = await api.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const newApplication = () => ({
  companyName: 'Deferred Ltd',
  position: 'Platform engineer',
  stageId: stages.screening,
  source: 'referral',
  employmentType: 'fixed_term',
  workMode: 'remote',
  appliedOn: '2025-03-05',
  salaryMin: 50000,
  salaryMax: 60000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  requiredSkills: ['Rust', 'SQL'],
  tags: ['deferred'],
});

describe('a small write answered before its statistics', () => {
  it('leaves them owed at its answer and refreshed, as a rebuild gives them, on the next turn', async () => {
    const created = (await call(app.api, 'applications.create', newApplication())) as { id: string };
    expect(JSON.parse(owed(app.context.db)!)).toEqual([created.id]);
    expect(app.context.db.sql(`SELECT count(*) FROM statistics_facts f JOIN applications a ON a.seq = f.seq WHERE a.id = ?`).pluck().get(created.id)).toBe(0);
    await nextTurn();
    expect(owed(app.context.db)).toBeUndefined();
    expect(derivedData(app.context.db)).toEqual(rebuiltDerivedData(app.context.db));

    await call(app.api, 'applications.setStage', { id: created.id, stageId: stages.interviewing, occurredAt: '2025-03-07T10:00:00.000Z' });
    expect(JSON.parse(owed(app.context.db)!)).toEqual([created.id]);
    await nextTurn();
    expect(owed(app.context.db)).toBeUndefined();
    expect(derivedData(app.context.db)).toEqual(rebuiltDerivedData(app.context.db));
  });

  it('is settled before every reader a call reaches, in the same turn as the write', async () => {
    const readers: [string, unknown][] = [
      ['applications.list', {}],
      ['applications.list', { stageIds: [stages.screening] }],
      ['applications.list', { archived: 'all' }],
      ['stages.list', undefined],
      ['statistics.dashboard', { today }],
      ['statistics.dashboard', { today, archived: 'all', from: '2025-02-01', to: '2025-03-10' }],
      ['statistics.dashboard', { today, sources: ['referral'] }],
    ];
    for (const [channel, input] of readers) {
      const before = await call(app.api, channel, input);
      await call(app.api, 'applications.setStage', { id: ids.waiting, stageId: stages.interviewing, occurredAt: '2025-03-08T10:00:00.000Z' });
      await call(app.api, 'applications.create', newApplication());
      // Still the same turn: only what the dispatch does stands between the write and the reader.
      expect(owed(app.context.db)).toBeDefined();
      const during = await call(app.api, channel, input);
      expect(owed(app.context.db)).toBeUndefined();
      await nextTurn();
      expect(during, channel).toEqual(await call(app.api, channel, input));
      expect(during, `${channel} shows the write`).not.toEqual(before);
    }
  });

  it('is settled by the next write first, whichever way it comes, so a second write ends as the old path does', async () => {
    const { changes, db } = app.context;
    await call(app.api, 'applications.setStage', { id: ids.waiting, stageId: stages.rejected, occurredAt: '2025-03-09T10:00:00.000Z' });
    expect(owed(db)).toBeDefined();
    // Not through the dispatch (automation, sync's repairs write so): the writer settles before it writes.
    changes.write((write) => write.update('applications', ids.waiting, { archived: 1 }));
    expect(owed(db)).toBeUndefined();
    expect(derivedData(db)).toEqual(rebuiltDerivedData(db));

    changes.answerBeforeStatistics(() => {
      changes.write((write) => write.update('applications', ids.waiting, { archived: 0, employment_type: 'internship' }));
      changes.write((write) => write.update('applications', ids.waiting, { work_mode: 'on_site', source: 'apec' }));
    });
    expect(JSON.parse(owed(db)!)).toEqual([ids.waiting]);
    changes.applyRemote([]);
    expect(owed(db)).toBeUndefined();
    expect(derivedData(db)).toEqual(rebuiltDerivedData(db));
  });

  it('is settled before a job starts, and not left owed while one runs', async () => {
    const { context } = app;
    await call(app.api, 'applications.create', newApplication());
    expect(owed(context.db)).toBeDefined();
    const job = context.jobs.run('exports.csv', { filters: {}, language: 'en', delimiter: ',', bom: false });
    // Microtasks only: the refresh scheduled for the next turn cannot run before the job has started.
    for (let i = 0; i < 1000 && !context.jobs.busy(); i += 1) await Promise.resolve();
    expect(context.jobs.busy()).toBe(true);
    expect(owed(context.db)).toBeUndefined();
    await call(app.api, 'applications.setStage', { id: ids.waiting, stageId: stages.accepted, occurredAt: '2025-03-10T10:00:00.000Z' });
    expect(owed(context.db)).toBeUndefined();
    await job;
    expect(derivedData(context.db)).toEqual(rebuiltDerivedData(context.db));
  });

  it('is settled when the database opens after a crash between the write and the refresh', async () => {
    const created = (await call(app.api, 'applications.create', newApplication())) as { id: string };
    expect(JSON.parse(owed(app.context.db)!)).toEqual([created.id]);
    // Closed in the same turn: the refresh scheduled after the answer never runs on this connection.
    closeAppContext(app.context);
    await nextTurn();
    const reopened = await openAppContext({ dataDir: app.dir });
    try {
      expect(owed(reopened.db)).toBeUndefined();
      expect(derivedData(reopened.db)).toEqual(rebuiltDerivedData(reopened.db));
      // The list's total is summed from the cells.
      const list = (await call(createApi(reopened), 'applications.list', {})) as { total: number };
      expect(list.total).toBe(reopened.db.sql(`SELECT count(*) FROM applications WHERE deleted_at IS NULL AND archived = 0`).pluck().get());
    } finally {
      // afterEach closes it and removes the folder.
      app.context = reopened;
    }
  });
  it('rebuilds them when the refresh of what is owed fails, so that no later call fails with it', async () => {
    const { db } = app.context;
    await call(app.api, 'applications.setStage', { id: ids.waiting, stageId: stages.interviewing, occurredAt: '2025-03-08T10:00:00.000Z' });
    expect(owed(db)).toBeDefined();
    // The refresh changes counts in place (an upsert's update); a rebuild deletes them and inserts them again.
    db.sqlite.exec(`CREATE TEMP TRIGGER refresh_fails BEFORE UPDATE ON main.statistics_cells BEGIN SELECT RAISE(ABORT, 'refresh failed'); END`);
    const list = (await call(app.api, 'applications.list', { stageIds: [stages.interviewing] })) as { total: number };
    db.sqlite.exec(`DROP TRIGGER temp.refresh_fails`);
    expect(owed(db)).toBeUndefined();
    expect(derivedData(db)).toEqual(rebuiltDerivedData(db));
    expect(list.total).toBe(db.sql(`SELECT count(*) FROM applications WHERE deleted_at IS NULL AND archived = 0 AND stage_id = ?`).pluck().get(stages.interviewing));
  });
});
