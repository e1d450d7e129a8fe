import { afterEach, describe, expect, it } from 'vitest';
import { converge } from '../../src-main/sync/converge';
import { encodeHlc } from '../../src-main/changes/hlc';
import { openTempApp, type TempApp } from '../support/temp-app';
import { localEntries, syncedRows } from './support/rows';

// Two devices exchange their change logs directly (what sync carries, without the server): the repairs that
// follow remote entries must leave both with the same rows and nothing broken.

const apps: TempApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

async function devices(count: number): Promise<TempApp[]> {
  for (let index = 0; index < count; index += 1) apps.push(await openTempApp());
  return apps;
}

/** Sends every device's new local entries to every other device, until nothing new is written (repairs included). */
function exchange(devices: TempApp[]): void {
  const sent = devices.map(() => 0);
  for (let round = 0; round < 10; round += 1) {
    let moved = false;
    devices.forEach((from, index) => {
      const { entries, last } = localEntries(from.context, sent[index]);
      sent[index] = last;
      if (entries.length === 0) return;
      moved = true;
      for (const to of devices) {
        if (to !== from) to.context.changes.applyRemote(entries, { then: (write, remote) => converge(to.context.db, write, remote) });
      }
    });
    if (!moved) return;
  }
  throw new Error('the devices did not settle');
}

const live = (app: TempApp, sql: string, ...params: unknown[]) => app.context.db.sqlite.prepare(sql).all(...params);

describe('after remote entries, sync repairs what two offline devices did', () => {
  it('two companies named alike (created on each device) become one, the smallest id, with every application', async () => {
    const [laptop, desktop] = await devices(2);
    const first = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend', tags: ['remote'] });
    const second = await desktop.api.invoke('applications.create', { companyName: 'ACME', position: 'Frontend', tags: ['Remote'] });
    exchange([laptop, desktop]);
    expect(syncedRows(laptop.context.db)).toEqual(syncedRows(desktop.context.db));
    const winner = [first.companyId, second.companyId].sort()[0];
    for (const app of [laptop, desktop]) {
      expect(live(app, `SELECT id FROM companies WHERE deleted_at IS NULL`)).toEqual([{ id: winner }]);
      expect(live(app, `SELECT DISTINCT company_id FROM applications`)).toEqual([{ company_id: winner }]);
      expect(live(app, `SELECT count(*) AS n FROM tags WHERE deleted_at IS NULL`)).toEqual([{ n: 1 }]);
      expect((await app.api.invoke('applications.get', { id: first.id })).tags).toHaveLength(1);
      expect((await app.api.invoke('search.query', { text: 'acme' })).applications).toHaveLength(2);
    }
  });

  it('the same tag added to one application on both devices leaves one link', async () => {
    const [laptop, desktop] = await devices(2);
    const application = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend', tags: ['remote'] });
    exchange([laptop, desktop]);
    await laptop.api.invoke('applications.update', { id: application.id, patch: { tags: ['remote', 'paris'] } });
    await desktop.api.invoke('applications.update', { id: application.id, patch: { tags: ['remote', 'Paris'] } });
    exchange([laptop, desktop]);
    expect(syncedRows(laptop.context.db)).toEqual(syncedRows(desktop.context.db));
    expect((await desktop.api.invoke('applications.get', { id: application.id })).tags).toHaveLength(2);
    expect(live(desktop, `SELECT count(*) AS n FROM application_tags WHERE deleted_at IS NULL`)).toEqual([{ n: 2 }]);
  });

  it('an application added on one device to a company merged away on the other follows the merge', async () => {
    const [laptop, desktop] = await devices(2);
    const kept = await laptop.api.invoke('companies.create', { name: 'Kept' });
    const merged = await laptop.api.invoke('companies.create', { name: 'Merged' });
    exchange([laptop, desktop]);
    await laptop.api.invoke('companies.merge', { targetId: kept.id, sourceIds: [merged.id] });
    const late = await desktop.api.invoke('applications.create', { companyId: merged.id, position: 'Late' });
    exchange([laptop, desktop]);
    expect(syncedRows(laptop.context.db)).toEqual(syncedRows(desktop.context.db));
    // Merged is deleted and has no live namesake: the application keeps it, and the company comes back.
    expect((await laptop.api.invoke('applications.get', { id: late.id })).companyId).toBe(merged.id);
    expect(live(laptop, `SELECT deleted_at FROM companies WHERE id = ?`, merged.id)).toEqual([{ deleted_at: null }]);
  });

  it('an application added on one device to a duplicate merged away on the other follows it to the live namesake', async () => {
    const [laptop, desktop] = await devices(2);
    const a = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'One' });
    const b = await desktop.api.invoke('applications.create', { companyName: 'Acme', position: 'Two' });
    exchange([laptop, desktop]);
    const loser = [a.companyId, b.companyId].sort()[1];
    // A third device that never saw the merge adds an application to the loser.
    const [tablet] = await devices(1).then((all) => all.slice(2));
    const before = [...localEntries(laptop.context).entries, ...localEntries(desktop.context).entries];
    tablet.context.changes.applyRemote(before.filter((entry) => !(entry.table === 'companies' && entry.column === 'deleted_at')));
    const late = await tablet.api.invoke('applications.create', { companyId: loser, position: 'Three' });
    exchange([laptop, desktop, tablet]);
    expect(syncedRows(laptop.context.db)).toEqual(syncedRows(tablet.context.db));
    expect((await laptop.api.invoke('applications.get', { id: late.id })).companyId).toBe([a.companyId, b.companyId].sort()[0]);
  });

  it('a creation leaves the columns it does not carry at their defaults on every device, whatever order entries arrive in', async () => {
    const [laptop, desktop] = await devices(2);
    const application = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend' });
    // An edit of a column the creation left out, stamped before the creation (a device whose clock runs behind).
    const early = encodeHlc({ wall: Date.now() - 3_600_000, counter: 0, node: 'slowclock' });
    const edit = { hlc: early, table: 'applications' as const, rowId: application.id, column: 'notes', value: 'older' };
    exchange([laptop, desktop]);
    for (const app of [laptop, desktop]) app.context.changes.applyRemote([edit]);
    expect(syncedRows(laptop.context.db)).toEqual(syncedRows(desktop.context.db));
    expect((await desktop.api.invoke('applications.get', { id: application.id })).notes).toBeNull();
  });
});
