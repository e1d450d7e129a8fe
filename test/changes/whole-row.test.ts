import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeHlc } from '../../src-main/changes/hlc';
import { newId } from '../../src-main/changes/ids';
import type { Change, Fields } from '../../src-main/changes/writer';
import { openTempApp, type TempApp } from '../support/temp-app';

// A new row is logged as one `*` entry holding its fields (see Change in src-main/changes/writer.ts); these check
// that such entries from another device apply with the same last-writer-wins per field as field changes.

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

/** A timestamp of another device, `offset` ms after a minute from the start (later than any local one so far). */
const remoteWall = Date.now() + 60_000;
const remoteHlc = (offset: number, node = 'laptop') => encodeHlc({ wall: remoteWall + offset, counter: 0, node });
const created = (table: Change['table'], rowId: string, fields: Fields, hlc: string): Change => ({ hlc, table, rowId, column: '*', value: JSON.stringify(fields) });
const fieldChange = (rowId: string, column: string, value: Change['value'], hlc: string): Change => ({ hlc, table: 'applications', rowId, column, value });
const count = (sql: string) => app.context.db.sqlite.prepare(sql).pluck().get() as number;

/** An application made on the laptop, as its `*` entries: the application and its first stage event. */
async function laptopApplication(fields: Fields, hlc: string): Promise<{ id: string; changes: Change[] }> {
  const local = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Existing' });
  const stageId = app.context.db.sqlite.prepare(`SELECT id FROM stages WHERE category = 'screening'`).pluck().get() as string;
  const id = newId();
  const createdAt = '2030-01-01T10:00:00.000Z';
  return {
    id,
    changes: [
      created('applications', id, { company_id: local.companyId, created_at: createdAt, ...fields }, hlc),
      created('stage_events', newId(), { application_id: id, from_stage_id: null, to_stage_id: stageId, occurred_at: createdAt, note: null, created_at: createdAt }, hlc),
    ],
  };
}

const get = (id: string) => app.api.invoke('applications.get', { id });
const search = async (text: string) => (await app.api.invoke('search.query', { text })).applications.map((item) => item.id);

describe('a * entry from another device', () => {
  it('creates the row with every field it carries, with its derived data, and applies once', async () => {
    const { id, changes } = await laptopApplication({ position: 'Quantum engineer', location: 'Grenoble', favorite: 1 }, remoteHlc(1));
    expect(app.context.changes.applyRemote(changes)).toMatchObject({ applied: 2, ignored: 0 });
    expect(await get(id)).toMatchObject({ position: 'Quantum engineer', location: 'Grenoble', favorite: true, companyName: 'Acme', stageCategory: 'screening' });
    expect(await search('quantum')).toEqual([id]);

    const logged = count(`SELECT count(*) FROM change_log`);
    expect(app.context.changes.applyRemote(changes)).toMatchObject({ applied: 0, ignored: 2 });
    expect(count(`SELECT count(*) FROM change_log`)).toBe(logged);
    expect(await get(id)).toMatchObject({ position: 'Quantum engineer', location: 'Grenoble' });
  });

  it('never overwrites a field changed later, whichever arrives first, and still applies its other fields', async () => {
    const { id, changes } = await laptopApplication({ position: 'Old title', location: 'Old place', notes: 'created' }, remoteHlc(1));
    const laterLocation = fieldChange(id, 'location', 'Moved', remoteHlc(3, 'phone'));
    // In one batch, the later field change first.
    expect(app.context.changes.applyRemote([laterLocation, ...changes])).toMatchObject({ applied: 3, ignored: 0 });
    expect(await get(id)).toMatchObject({ position: 'Old title', location: 'Moved', notes: 'created' });

    // A creation entry older than that field change, arriving afterwards in its own batch (the same row, as
    // another device wrote it between the two): its location loses, its position and notes win over older ones.
    const [application] = changes;
    const between = created('applications', id, { ...(JSON.parse(application.value as string) as Fields), position: 'Between', location: 'Between', notes: 'between' }, remoteHlc(2, 'tablet'));
    expect(app.context.changes.applyRemote([between])).toMatchObject({ applied: 1, ignored: 0 });
    expect(await get(id)).toMatchObject({ position: 'Between', location: 'Moved', notes: 'between' });
    expect(await search('between')).toEqual([id]);

    // An older creation entry than everything the row holds changes nothing.
    expect(app.context.changes.applyRemote([{ ...between, hlc: remoteHlc(0, 'tablet') }])).toMatchObject({ applied: 0, ignored: 1 });
    expect(await get(id)).toMatchObject({ position: 'Between', location: 'Moved' });
  });

  it('loses to a local edit made after it was received', async () => {
    const { id, changes } = await laptopApplication({ position: 'Remote title', location: 'Remote place' }, remoteHlc(1));
    app.context.changes.applyRemote(changes);
    await app.api.invoke('applications.update', { id, patch: { location: 'Mine' } });
    // The same creation delivered again (a retry of the sync) does not undo the edit.
    expect(app.context.changes.applyRemote(changes)).toMatchObject({ applied: 0, ignored: 2 });
    expect(await get(id)).toMatchObject({ position: 'Remote title', location: 'Mine' });
  });

  it('is refused, with nothing written, when it does not hold an object of SQL values', async () => {
    const { id, changes } = await laptopApplication({ position: 'Never written' }, remoteHlc(1));
    const before = count(`SELECT count(*) FROM change_log`);
    for (const value of ['not json', '["position"]', '{"position":{"nested":true}}', null]) {
      expect(() => app.context.changes.applyRemote([...changes, { ...changes[0], rowId: newId(), value }])).toThrow(/\*/);
    }
    expect(count(`SELECT count(*) FROM change_log`)).toBe(before);
    expect(count(`SELECT count(*) FROM applications WHERE id = '${id}'`)).toBe(0);
  });
});
