import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src-main/changes/hlc';
import type { Change } from '../../src-main/changes/writer';
import type { SyncedTable } from '../../src-main/db/schema';
import { useTempApp, type AppHandle } from './support/app';
import { useFakeClock } from './support/clock';
import { createApplication, firstStages } from './support/fixtures';

// test/changes/writer.test.ts covers one entry per changed field, rollback, and late or repeated remote
// changes across batches; these add what the handlers write and the remaining last-writer-wins cases.

interface LogEntry {
  seq: number;
  hlc: string;
  table_name: string;
  row_id: string;
  column_name: string;
  value: unknown;
  origin: string;
}

const logSince = (handle: AppHandle, seq: number) =>
  handle.db.sqlite.prepare(`SELECT * FROM change_log WHERE seq > ? ORDER BY seq`).all(seq) as LogEntry[];
const lastSeq = (handle: AppHandle) => handle.db.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM change_log`).pluck().get() as number;
const columns = (entries: LogEntry[]) => entries.map((entry) => `${entry.table_name}.${entry.column_name}`).sort();

/** A timestamp from another device, `offset` ms after now (later than any local one so far). */
const remoteHlc = (offset: number, node = 'remote1') => encodeHlc({ wall: Date.now() + 60_000 + offset, counter: 0, node });
const change = (table: SyncedTable, rowId: string, column: string, value: Change['value'], hlc: string): Change => ({ table, rowId, column, value, hlc });

describe('the change log of handler writes', () => {
  const handle = useTempApp();

  it('records exactly the fields each action changes, never derived or local columns', async () => {
    const { api } = handle;
    const stages = await firstStages(api);
    const application = await createApplication(api, { appliedOn: '2024-03-01' });
    const record = async (action: () => Promise<unknown>) => {
      const seq = lastSeq(handle);
      await action();
      return columns(logSince(handle, seq));
    };

    expect(await record(() => api.invoke('applications.toggleFavorite', { id: application.id }))).toEqual(['applications.favorite']);
    expect(await record(() => api.invoke('applications.setStage', { id: application.id, stageId: stages.screening, occurredAt: '2024-03-05T10:00:00Z' }))).toEqual([
      'applications.first_response_on',
      // A new row is one entry holding all its fields (see Change in changes/writer.ts).
      'stage_events.*',
    ]);
    // The company this application's form created goes and comes back with it (migration 0160).
    expect(await record(() => api.invoke('applications.delete', { id: application.id }))).toEqual(['applications.deleted_at', 'companies.deleted_at']);
    expect(await record(() => api.invoke('applications.restore', { ids: [application.id] }))).toEqual(['applications.deleted_at', 'companies.deleted_at']);
    // Saving an unchanged form writes nothing.
    expect(await record(() => api.invoke('applications.update', { id: application.id, patch: { position: 'Developer', favorite: true } }))).toEqual([]);

    const all = handle.db.sqlite.prepare(`SELECT DISTINCT column_name FROM change_log`).pluck().all();
    for (const local of ['id', 'seq', 'updated_at', 'stage_id', 'stage_category', 'stage_changed_at']) expect(all).not.toContain(local);
  });

  it('stamps each row with the time of its latest change', async () => {
    const application = await createApplication(handle.api);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await handle.api.invoke('applications.update', { id: application.id, patch: { notes: 'later' } });
    expect(updated.updatedAt > application.updatedAt).toBe(true);
    const hlc = logSince(handle, 0).at(-1)!.hlc;
    expect(new Date(Number(hlc.slice(0, 15))).toISOString()).toBe(updated.updatedAt);
  });

  it('emits one changed event per write with the tables it touched, and none for a write that changes nothing', async () => {
    const { api } = handle;
    const application = await createApplication(api);
    const events: string[][] = [];
    handle.app.context.changes.onChanged((event) => events.push(event.tables));
    await api.invoke('applications.update', { id: application.id, patch: { tags: ['remote'] } });
    await api.invoke('applications.update', { id: application.id, patch: { tags: ['remote'] } });
    await api.invoke('companies.update', { id: application.companyId, patch: { name: 'Acme Corp' } });
    expect(events).toEqual([['application_tags', 'tags'], ['companies']]);
  });
});

describe('last writer wins', () => {
  const handle = useTempApp();
  const location = async (id: string) => (await handle.api.invoke('applications.get', { id })).location;

  it('keeps the newest of two changes to one field that arrive out of order in one batch', async () => {
    const application = await createApplication(handle.api);
    const newer = change('applications', application.id, 'location', 'Newer', remoteHlc(10));
    const older = change('applications', application.id, 'location', 'Older', remoteHlc(5, 'remote2'));
    handle.app.context.changes.applyRemote([newer, older]);
    expect(await location(application.id)).toBe('Newer');
    // Applying the batch again changes nothing.
    expect(handle.app.context.changes.applyRemote([older, newer])).toMatchObject({ applied: 0, ignored: 2 });
    expect(await location(application.id)).toBe('Newer');
  });

  it('ignores a remote change older than a local edit of the same field, but applies one to another field', async () => {
    const clock = useFakeClock(handle, Date.parse('2024-05-01T10:00:00Z'));
    const application = await createApplication(handle.api);
    clock.set(Date.parse('2024-05-01T10:02:00Z'));
    await handle.api.invoke('applications.update', { id: application.id, patch: { location: 'Local' } });
    // Made on the laptop at 10:01, between the creation and the local edit, received now.
    const laptop = encodeHlc({ wall: Date.parse('2024-05-01T10:01:00Z'), counter: 0, node: 'laptop' });
    const result = handle.app.context.changes.applyRemote([
      change('applications', application.id, 'location', 'Stale', laptop),
      change('applications', application.id, 'notes', 'From the laptop', laptop),
    ]);
    expect(result).toMatchObject({ applied: 1, ignored: 1 });
    expect(await handle.api.invoke('applications.get', { id: application.id })).toMatchObject({ location: 'Local', notes: 'From the laptop' });
  });

  it('breaks a tie of wall time by counter and then by device', async () => {
    const application = await createApplication(handle.api);
    const wall = Date.now() + 60_000;
    handle.app.context.changes.applyRemote([
      change('applications', application.id, 'location', 'b, counter 1', encodeHlc({ wall, counter: 1, node: 'bbbb' })),
      change('applications', application.id, 'location', 'a, counter 1', encodeHlc({ wall, counter: 1, node: 'aaaa' })),
      change('applications', application.id, 'location', 'z, counter 0', encodeHlc({ wall, counter: 0, node: 'zzzz' })),
    ]);
    expect(await location(application.id)).toBe('b, counter 1');
  });

  it('applies remote deletes, restores, new rows and stage events with their derived data', async () => {
    const { api } = handle;
    const stages = await firstStages(api);
    const application = await createApplication(api, { position: 'Synced role' });
    const changes = handle.app.context.changes;
    const events: string[][] = [];
    changes.onChanged((event) => events.push(event.tables));

    changes.applyRemote([change('applications', application.id, 'deleted_at', '2024-05-01T00:00:00.000Z', remoteHlc(1))]);
    expect((await api.invoke('applications.list', {})).total).toBe(0);
    expect((await api.invoke('search.query', { text: 'synced' })).applications).toEqual([]);
    changes.applyRemote([change('applications', application.id, 'deleted_at', null, remoteHlc(2))]);
    expect((await api.invoke('search.query', { text: 'synced' })).applications.map((item) => item.id)).toEqual([application.id]);

    // A stage event made on the other device moves the current stage.
    const eventId = '01900000-0000-7000-8000-0000000000e1';
    const hlc = remoteHlc(3);
    changes.applyRemote(
      Object.entries({
        application_id: application.id,
        from_stage_id: stages.applied,
        to_stage_id: stages.interviewing,
        occurred_at: '2030-01-01T10:00:00.000Z',
        note: null,
        created_at: '2030-01-01T10:00:00.000Z',
      }).map(([column, value]) => change('stage_events', eventId, column, value, hlc)),
    );
    expect(await api.invoke('applications.get', { id: application.id })).toMatchObject({ stageCategory: 'interviewing', stageChangedAt: '2030-01-01T10:00:00.000Z' });
    expect(events).toEqual([['applications'], ['applications'], ['stage_events']]);
    const origins = handle.db.sqlite.prepare(`SELECT DISTINCT origin FROM change_log WHERE row_id = ?`).pluck().all(eventId);
    expect(origins).toEqual(['remote']);
  });

  it('a local edit made after receiving a change from a device whose clock runs a little ahead still wins', async () => {
    const application = await createApplication(handle.api);
    handle.app.context.changes.applyRemote([change('applications', application.id, 'location', 'Ahead', remoteHlc(-30_000))]);
    await handle.api.invoke('applications.update', { id: application.id, patch: { location: 'Mine, later' } });
    expect(await location(application.id)).toBe('Mine, later');
  });

  it('applies a change from a device whose clock is days ahead (every device must converge), says how far ahead, and keeps its own clock', async () => {
    const application = await createApplication(handle.api);
    const days = 3 * 24 * 3_600_000;
    const ahead = encodeHlc({ wall: Date.now() + days, counter: 0, node: 'broken' });
    const result = handle.app.context.changes.applyRemote([change('applications', application.id, 'location', 'From the future', ahead)]);
    expect(result).toMatchObject({ applied: 1, ignored: 0 });
    expect(result.aheadMs).toBeGreaterThan(days - 60_000);
    expect(await location(application.id)).toBe('From the future');
    // The local clock followed it only up to a minute ahead: this device's later edits are stamped near now.
    await handle.api.invoke('applications.update', { id: application.id, patch: { notes: 'later' } });
    const stamped = handle.db.sqlite.prepare(`SELECT hlc FROM change_log WHERE column_name = 'notes' ORDER BY seq DESC`).pluck().get() as string;
    expect(Number(stamped.slice(0, 15))).toBeLessThanOrEqual(Date.now() + 60_000);
  });
});
