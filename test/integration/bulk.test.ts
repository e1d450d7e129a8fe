import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../src-shared/contract';
import { useTempApp } from './support/app';
import { databaseFingerprint } from './support/fingerprint';
import { createApplication, firstStages, missingId } from './support/fixtures';
import { expectError } from './support/results';

describe('bulk actions', () => {
  const handle = useTempApp();
  let applications: ApplicationDetail[];
  let deleted: ApplicationDetail;
  beforeEach(async () => {
    applications = [];
    for (let index = 0; index < 25; index += 1) {
      applications.push(await createApplication(handle.api, { position: `Role ${index}`, tags: index % 2 ? ['odd'] : [] }));
    }
    deleted = await createApplication(handle.api, { position: 'Deleted role' });
    await handle.api.invoke('applications.delete', { id: deleted.id });
  });
  const ids = () => applications.map((application) => application.id);

  // The bad id comes last, after 25 good ones, so that a handler writing as it goes would have written.
  const bulkCalls = (bad: string) =>
    [
      ['applications.bulkUpdate', { ids: [...ids(), bad], patch: { favorite: true, addTags: ['x'], removeTags: ['odd'] } }],
      ['applications.bulkUpdate', { ids: [...ids(), bad], patch: { archived: true } }],
      ['applications.bulkDelete', { ids: [...ids(), bad] }],
      ['applications.archive', { ids: [...ids(), bad] }],
      ['applications.unarchive', { ids: [...ids(), bad] }],
    ] as const;

  it.each(['unknown', 'deleted'] as const)('writes nothing when one of many ids is %s', async (kind) => {
    const bad = kind === 'unknown' ? missingId : deleted.id;
    for (const [channel, input] of bulkCalls(bad)) {
      const before = databaseFingerprint(handle.db);
      const error = expectError(await handle.api.call(channel, input), 'NOT_FOUND');
      expect(error.message, channel).toContain(bad);
      expect(databaseFingerprint(handle.db), channel).toEqual(before);
    }
  });

  it('writes nothing when the target stage is unknown, or when restoring an unknown id among deleted ones', async () => {
    const stages = await firstStages(handle.api);
    await handle.api.invoke('applications.bulkDelete', { ids: ids().slice(0, 5) });
    const before = databaseFingerprint(handle.db);
    expectError(await handle.api.call('applications.bulkUpdate', { ids: ids(), patch: { stageId: missingId, favorite: true } }), 'NOT_FOUND');
    expectError(await handle.api.call('applications.restore', { ids: [...ids().slice(0, 5), missingId] }), 'NOT_FOUND');
    expect(databaseFingerprint(handle.db)).toEqual(before);
    // The same calls without the bad id go through.
    expect(await handle.api.invoke('applications.restore', { ids: ids().slice(0, 5) })).toEqual({ count: 5 });
    expect(await handle.api.invoke('applications.bulkUpdate', { ids: ids(), patch: { stageId: stages.screening } })).toEqual({ count: 25 });
  });

  it('applies every part of a bulk update to every application, once', async () => {
    const { api } = handle;
    const stages = await firstStages(api);
    await api.invoke('applications.setStage', { id: applications[0].id, stageId: stages.screening });
    const result = await api.invoke('applications.bulkUpdate', {
      ids: [...ids(), applications[3].id],
      patch: { stageId: stages.screening, stageNote: 'Batch', addTags: ['urgent'], removeTags: ['ODD'], workMode: 'remote', priority: 5 },
    });
    expect(result).toEqual({ count: 25 });
    const page = await api.invoke('applications.list', { limit: 100 });
    expect(page.total).toBe(25);
    for (const item of page.items) {
      expect(item).toMatchObject({ stageCategory: 'screening', tags: ['urgent'], workMode: 'remote', priority: 5 });
    }
    // The one already in screening got no second event; the others got one, with the note.
    const first = await api.invoke('applications.get', { id: applications[0].id });
    expect(first.stageHistory).toHaveLength(2);
    const other = await api.invoke('applications.get', { id: applications[1].id });
    expect(other.stageHistory.map((event) => [event.toCategory, event.note])).toEqual([
      ['applied', null],
      ['screening', 'Batch'],
    ]);
    expect(other.firstResponseOn).not.toBeNull();
  });

  it('deletes, archives and restores many at once', async () => {
    const { api } = handle;
    expect(await api.invoke('applications.archive', { ids: ids().slice(0, 10) })).toEqual({ count: 10 });
    expect((await api.invoke('applications.list', {})).total).toBe(15);
    expect(await api.invoke('applications.unarchive', { ids: ids().slice(0, 4) })).toEqual({ count: 4 });
    expect((await api.invoke('applications.list', {})).total).toBe(19);
    expect(await api.invoke('applications.bulkDelete', { ids: ids() })).toEqual({ count: 25 });
    expect((await api.invoke('applications.list', { archived: 'all' })).total).toBe(0);
    expect(await api.invoke('applications.restore', { ids: [...ids(), deleted.id] })).toEqual({ count: 26 });
    expect((await api.invoke('applications.list', { archived: 'all' })).total).toBe(26);
  });
});
