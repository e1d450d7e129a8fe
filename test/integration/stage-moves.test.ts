import { describe, expect, it } from 'vitest';
import type { Api } from '../../src-main/api';
import type { Database } from '../../src-main/db/connection';
import { localToday } from '../../src-main/statistics/days';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
import { useTempApp } from './support/app';
import { createApplication, firstStages } from './support/fixtures';
import { expectError } from './support/results';
import { wholeDashboard } from '../statistics/support/whole';

/**
 * Issue 19, items 3 and 4: leaving the wishlist sets the applied date to the move's day, whatever transport or
 * screen made the move; a move can be undone, and then leaves no trace in the history or the statistics.
 */
const handle = useTempApp();

const dashboard = async (api: Api) => wholeDashboard(await api.invoke('statistics.dashboard', { archived: 'all' }));

/** The statistics tables the write path maintains, and what a rebuild from the rows gives. */
function expectStatisticsEqualRebuild(db: Database): void {
  const tables = () => [
    db.sql(`SELECT * FROM statistics_facts ORDER BY seq`).all(),
    db.sql(`SELECT kind, scope, key, value, count FROM statistics_cells ORDER BY kind, scope, key, value`).all(),
  ];
  const maintained = tables();
  rebuildStatistics(db);
  expect(maintained).toEqual(tables());
}

describe('the applied date follows the move out of the wishlist', () => {
  it('is set to the day of the move, by setStage and by a bulk change, and shown in the detail', async () => {
    const { api } = handle;
    const stages = await firstStages(api);
    const wish = await createApplication(api, { position: 'Wished', stageId: stages.wishlist });
    expect(wish.appliedOn).toBeNull();
    const moved = await api.invoke('applications.setStage', { id: wish.id, stageId: stages.applied });
    expect(moved.appliedOn).toBe(localToday());
    expect(moved.undo.appliedOn).toEqual({ before: null, after: localToday() });

    const others = await Promise.all([1, 2].map((n) => createApplication(api, { position: `Bulk ${n}`, stageId: stages.wishlist })));
    await api.invoke('applications.bulkUpdate', { ids: others.map((row) => row.id), patch: { stageId: stages.screening } });
    for (const row of others) expect((await api.invoke('applications.get', { id: row.id })).appliedOn).toBe(localToday());
  });

  it('takes the day of a backdated move, and replaces a date a wishlist item should not have had', async () => {
    const { api } = handle;
    const stages = await firstStages(api);
    const wish = await createApplication(api, { position: 'Wished', stageId: stages.wishlist, appliedOn: '2024-01-01', stageAt: '2024-01-01T08:00:00Z' });
    const moved = await api.invoke('applications.setStage', { id: wish.id, stageId: stages.applied, occurredAt: '2024-02-10T12:00:00Z' });
    expect(moved.appliedOn).toBe('2024-02-10');
    expect(moved.undo.appliedOn).toEqual({ before: '2024-01-01', after: '2024-02-10' });
  });

  it('leaves the applied date of an application that was already sent', async () => {
    const { api } = handle;
    const stages = await firstStages(api);
    const sent = await createApplication(api, { position: 'Sent', appliedOn: '2024-03-01' });
    const moved = await api.invoke('applications.setStage', { id: sent.id, stageId: stages.interviewing });
    expect(moved.appliedOn).toBe('2024-03-01');
    expect(moved.undo.appliedOn).toBeUndefined();
  });
});

describe('undoing a stage move', () => {
  it('removes the event it made, brings back the stage and the dates, and the statistics of before', async () => {
    const { api, db } = handle;
    const stages = await firstStages(api);
    const other = await createApplication(api, { position: 'Other', appliedOn: '2024-03-01' });
    await api.invoke('applications.setStage', { id: other.id, stageId: stages.rejected, occurredAt: '2024-03-09T10:00:00Z' });
    const wish = await createApplication(api, { position: 'Wished', stageId: stages.wishlist });
    const before = await api.invoke('applications.get', { id: wish.id });
    const statisticsBefore = await dashboard(api);

    // A mis-drag: straight to an offer.
    const moved = await api.invoke('applications.setStage', { id: wish.id, stageId: stages.offer });
    expect(moved).toMatchObject({ stageCategory: 'offer', appliedOn: localToday(), firstResponseOn: moved.undo.firstResponseOn?.after });
    expect((await dashboard(api)).funnel).not.toEqual(statisticsBefore.funnel);

    const undone = await api.invoke('applications.undoStage', moved.undo);
    expect(undone).toMatchObject({ stageId: stages.wishlist, stageCategory: 'wishlist', appliedOn: null, firstResponseOn: null });
    expect(undone.stageHistory).toEqual(before.stageHistory);
    expect(db.sql(`SELECT deleted_at IS NOT NULL FROM stage_events WHERE id = ?`).pluck().get(moved.undo.eventId)).toBe(1);
    const statisticsAfter = await dashboard(api);
    expect(statisticsAfter.funnel).toEqual(statisticsBefore.funnel);
    expect(statisticsAfter.overview).toEqual({ ...statisticsBefore.overview, upcomingInterviews: statisticsAfter.overview.upcomingInterviews });
    expectStatisticsEqualRebuild(db);
  });

  it('keeps the chain of the history whole when a move in the middle is undone', async () => {
    const { api } = handle;
    const stages = await firstStages(api);
    const app = await createApplication(api, { position: 'Chain', appliedOn: '2024-03-01' });
    const screening = await api.invoke('applications.setStage', { id: app.id, stageId: stages.screening, occurredAt: '2024-03-05T10:00:00Z' });
    await api.invoke('applications.setStage', { id: app.id, stageId: stages.interviewing, occurredAt: '2024-03-10T10:00:00Z' });
    const undone = await api.invoke('applications.undoStage', screening.undo);
    expect(undone.stageHistory.map((event) => [event.fromStageId, event.toStageId])).toEqual([
      [null, stages.applied],
      [stages.applied, stages.interviewing],
    ]);
    expect(undone.stageCategory).toBe('interviewing');
    expect((await dashboard(api)).funnel.flows).toContainEqual({ from: 'applied', to: 'interviewing', count: 1 });
  });

  it('keeps a date the user changed after the move', async () => {
    const { api } = handle;
    const stages = await firstStages(api);
    const wish = await createApplication(api, { position: 'Wished', stageId: stages.wishlist });
    const moved = await api.invoke('applications.setStage', { id: wish.id, stageId: stages.applied });
    await api.invoke('applications.update', { id: wish.id, patch: { appliedOn: '2024-05-05' } });
    const undone = await api.invoke('applications.undoStage', moved.undo);
    expect(undone).toMatchObject({ stageCategory: 'wishlist', appliedOn: '2024-05-05' });
  });

  it('refuses to undo twice, to undo the first stage, and an event of another application, writing nothing', async () => {
    const { api, db } = handle;
    const stages = await firstStages(api);
    const app = await createApplication(api, { position: 'Once', appliedOn: '2024-03-01' });
    const other = await createApplication(api, { position: 'Other', appliedOn: '2024-03-01' });
    const moved = await api.invoke('applications.setStage', { id: app.id, stageId: stages.screening });
    await api.invoke('applications.undoStage', moved.undo);
    const log = () => db.sql(`SELECT count(*) FROM change_log`).pluck().get();
    const entries = log();
    expectError(await api.call('applications.undoStage', moved.undo), 'CONFLICT');
    expectError(await api.call('applications.undoStage', { id: app.id, eventId: app.stageHistory[0].id }), 'CONFLICT');
    expectError(await api.call('applications.undoStage', { id: other.id, eventId: moved.undo.eventId }), 'NOT_FOUND');
    expect(log()).toBe(entries);
  });
});
