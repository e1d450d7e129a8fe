import { beforeEach, describe, expect, it } from 'vitest';
import type { StageCategory } from '../../src-shared/contract';
import { useTempApp } from './support/app';
import { databaseFingerprint } from './support/fingerprint';
import { createApplication, firstStages } from './support/fixtures';
import { expectError, expectValidation } from './support/results';

describe('stages', () => {
  const handle = useTempApp();
  let stages: Record<StageCategory, string>;
  beforeEach(async () => {
    stages = await firstStages(handle.api);
  });
  const screeningOrder = async () =>
    (await handle.api.invoke('stages.list', undefined)).filter((stage) => stage.category === 'screening').map((stage) => stage.name ?? stage.id);

  it('are created at the end of their category and renamed in place', async () => {
    const { api } = handle;
    const call = await api.invoke('stages.create', { name: 'Phone call', category: 'screening' });
    const test = await api.invoke('stages.create', { name: 'Home test', category: 'screening' });
    expect([call.position, test.position]).toEqual([1, 2]);
    expect(await screeningOrder()).toEqual([stages.screening, 'Phone call', 'Home test']);
    await api.invoke('stages.rename', { id: test.id, name: 'Take-home test' });
    // A built-in stage can be renamed too: it then shows the user's name instead of the translated default.
    await api.invoke('stages.rename', { id: stages.screening, name: 'First contact' });
    expect(await screeningOrder()).toEqual(['First contact', 'Phone call', 'Take-home test']);
  });

  it('are reordered within one category, given whole', async () => {
    const { api } = handle;
    const call = await api.invoke('stages.create', { name: 'Phone call', category: 'screening' });
    const test = await api.invoke('stages.create', { name: 'Home test', category: 'screening' });
    await api.invoke('stages.reorder', { ids: [test.id, stages.screening, call.id] });
    expect(await screeningOrder()).toEqual(['Home test', stages.screening, 'Phone call']);

    const invalid = [
      { ids: [test.id, call.id] }, // one left out
      { ids: [test.id, stages.screening, call.id, stages.offer] }, // another category
      { ids: [test.id, stages.screening, call.id, call.id] }, // twice
    ];
    for (const input of invalid) {
      const before = databaseFingerprint(handle.db);
      expectValidation(await api.call('stages.reorder', input), 'ids');
      expect(databaseFingerprint(handle.db)).toEqual(before);
    }
    expect(await screeningOrder()).toEqual(['Home test', stages.screening, 'Phone call']);
  });

  it('new applications land in the first stage of "applied" in the current order', async () => {
    const { api } = handle;
    const mine = await api.invoke('stages.create', { name: 'Sent', category: 'applied' });
    await api.invoke('stages.reorder', { ids: [mine.id, stages.applied] });
    expect((await createApplication(api)).stageId).toBe(mine.id);
  });

  it('are deleted with a replacement: applications move and the history names the replacement', async () => {
    const { api } = handle;
    const call = await api.invoke('stages.create', { name: 'Phone call', category: 'screening' });
    const application = await createApplication(api, { appliedOn: '2024-03-01' });
    await api.invoke('applications.setStage', { id: application.id, stageId: call.id, occurredAt: '2024-03-05T10:00:00Z' });
    const later = await createApplication(api, { appliedOn: '2024-03-01', position: 'Later' });
    await api.invoke('applications.setStage', { id: later.id, stageId: call.id, occurredAt: '2024-03-05T10:00:00Z' });
    await api.invoke('applications.setStage', { id: later.id, stageId: stages.rejected, occurredAt: '2024-03-09T10:00:00Z' });
    const deleted = await createApplication(api, { position: 'Deleted', stageId: call.id });
    await api.invoke('applications.delete', { id: deleted.id });

    // Replaced by a stage of another category: the applications change category with it.
    const result = await api.invoke('stages.delete', { id: call.id, replacementId: stages.interviewing });
    expect(result).toMatchObject({ id: call.id, reassigned: 1 });
    const moved = await api.invoke('applications.get', { id: application.id });
    expect(moved).toMatchObject({ stageId: stages.interviewing, stageCategory: 'interviewing' });
    expect(moved.stageHistory.map((event) => event.toStageId)).toEqual([stages.applied, stages.interviewing]);
    const rejected = await api.invoke('applications.get', { id: later.id });
    expect(rejected.stageCategory).toBe('rejected');
    expect(rejected.stageHistory.map((event) => [event.fromStageId, event.toStageId])).toEqual([
      [null, stages.applied],
      [stages.applied, stages.interviewing],
      [stages.interviewing, stages.rejected],
    ]);
    expect((await api.invoke('applications.list', { stageIds: [stages.interviewing] })).total).toBe(1);
    expect((await api.invoke('stages.list', undefined)).map((stage) => stage.id)).not.toContain(call.id);
    // A deleted application restored later is in the replacement too.
    await api.invoke('applications.restore', { ids: [deleted.id] });
    expect(await api.invoke('applications.get', { id: deleted.id })).toMatchObject({ stageId: stages.interviewing });
    // The deleted stage cannot be used any more.
    expectError(await api.call('applications.setStage', { id: application.id, stageId: call.id }), 'NOT_FOUND');
    expectError(await api.call('stages.delete', { id: stages.screening, replacementId: call.id }), 'NOT_FOUND');
  });

  it('refuses to delete the last stage of a category, which new applications or statistics need', async () => {
    const { api } = handle;
    const before = databaseFingerprint(handle.db);
    const error = expectError(await api.call('stages.delete', { id: stages.applied, replacementId: stages.screening }), 'CONFLICT');
    expect(error.details).toMatchObject({ category: 'applied' });
    expect(databaseFingerprint(handle.db)).toEqual(before);
    // With a second stage in the category, the built-in one can go.
    const sent = await api.invoke('stages.create', { name: 'Sent', category: 'applied' });
    await api.invoke('stages.delete', { id: stages.applied, replacementId: sent.id });
    expect((await createApplication(api)).stageId).toBe(sent.id);
  });
});
