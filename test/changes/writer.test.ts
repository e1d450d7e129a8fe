import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeHlc, HybridLogicalClock } from '../../src-main/changes/hlc';
import type { Change } from '../../src-main/changes/writer';
import { openTempApp, type TempApp } from '../support/temp-app';
import { wholeDashboard } from '../statistics/support/whole';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

const log = (rowId: string) =>
  app.context.db.sqlite
    .prepare(`SELECT table_name, column_name, value, hlc FROM change_log WHERE row_id = ? ORDER BY seq`)
    .all(rowId) as { table_name: string; column_name: string; value: unknown; hlc: string }[];
const clocksOf = (rowId: string) =>
  JSON.parse(app.context.db.sqlite.prepare(`SELECT clocks FROM row_clocks WHERE row_id = ?`).pluck().get(rowId) as string) as Record<string, string>;

describe('the write path', () => {
  it('records a new row as one * entry, then one entry per changed field, and emits changed after commit', async () => {
    const events: string[][] = [];
    app.context.changes.onChanged((event) => events.push(event.tables));
    const created = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', location: 'Lyon' });
    const entries = log(created.id);
    expect(entries.map((entry) => entry.column_name)).toEqual(['*']);
    const fields = JSON.parse(entries[0].value as string) as Record<string, unknown>;
    expect(fields).toMatchObject({ position: 'Developer', location: 'Lyon', company_id: created.companyId, created_at: created.createdAt });
    // Identity, local times and derived columns are not synced.
    for (const local of ['id', 'seq', 'updated_at', 'stage_id', 'stage_category', 'stage_changed_at']) expect(fields).not.toHaveProperty(local);
    expect(clocksOf(created.id)).toEqual({ '*': entries[0].hlc });
    expect(events).toEqual([['applications', 'companies', 'stage_events']]);

    await app.api.invoke('applications.update', { id: created.id, patch: { location: 'Paris', position: 'Developer' } });
    const after = log(created.id);
    const added = after.slice(entries.length);
    // Only the field that changed is logged, with a later timestamp.
    expect(added.map((entry) => [entry.column_name, entry.value])).toEqual([['location', 'Paris']]);
    expect(added[0].hlc > entries[0].hlc).toBe(true);
    expect(events.at(-1)).toEqual(['applications']);
  });

  it('writes nothing and emits nothing when a handler fails half-way', async () => {
    const events: unknown[] = [];
    app.context.changes.onChanged((event) => events.push(event));
    const before = app.context.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get();
    const result = await app.api.call('applications.create', {
      companyName: 'Brand new company',
      position: 'Developer',
      stageId: '01900000-0000-7000-8000-000000000000',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(app.context.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(before);
    expect(app.context.db.sqlite.prepare(`SELECT count(*) FROM companies WHERE name = 'Brand new company'`).pluck().get()).toBe(0);
    expect(events).toEqual([]);
  });

  it('keeps the clock of a change made to a row created earlier in the same write', () => {
    const { changes } = app.context;
    const id = changes.write((write) => {
      const companyId = write.insert('companies', { name: 'Acme', name_key: 'acme' });
      write.update('companies', companyId, { website: 'https://acme.example' });
      return companyId;
    });
    const [creation, change] = log(id);
    expect([creation.column_name, change.column_name]).toEqual(['*', 'website']);
    expect(clocksOf(id)).toEqual({ '*': creation.hlc, website: change.hlc });
  });

  it('logs nothing of a failed write, in the next write either', async () => {
    const failed = () =>
      app.context.changes.write((write) => {
        write.insert('companies', { name: 'Never', name_key: 'never' });
        throw new Error('stop');
      });
    expect(failed).toThrow('stop');
    await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    const names = app.context.db.sqlite.prepare(`SELECT value ->> 'name' FROM change_log WHERE table_name = 'companies'`).pluck().all();
    expect(names).toEqual(['Acme']);
  });

  it('applies remote changes idempotently, last writer wins per field whatever the arrival order', async () => {
    const created = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    const wall = Date.now() + 1000;
    const older: Change = { hlc: encodeHlc({ wall, counter: 0, node: 'aaaa' }), table: 'applications', rowId: created.id, column: 'location', value: 'Older' };
    const newer: Change = { hlc: encodeHlc({ wall: wall + 5, counter: 0, node: 'bbbb' }), table: 'applications', rowId: created.id, column: 'location', value: 'Newer' };

    expect(app.context.changes.applyRemote([newer])).toMatchObject({ applied: 1, ignored: 0 });
    // The older change arrives late: it is ignored.
    expect(app.context.changes.applyRemote([older])).toMatchObject({ applied: 0, ignored: 1 });
    // The same change twice is harmless.
    expect(app.context.changes.applyRemote([newer])).toMatchObject({ applied: 0, ignored: 1 });
    const detail = await app.api.invoke('applications.get', { id: created.id });
    expect(detail.location).toBe('Newer');

    // A local edit after receiving the remote one sorts after it.
    await app.api.invoke('applications.update', { id: created.id, patch: { location: 'Local' } });
    const last = log(created.id).at(-1)!;
    expect(last.hlc > newer.hlc).toBe(true);
    expect((await app.api.invoke('applications.get', { id: created.id })).location).toBe('Local');
  });

  it('keeps the full-text index in step with remote changes too', async () => {
    const created = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    const change: Change = {
      hlc: encodeHlc({ wall: Date.now() + 1000, counter: 0, node: 'cccc' }),
      table: 'applications',
      rowId: created.id,
      column: 'notes',
      value: 'quantum typewriter',
    };
    app.context.changes.applyRemote([change]);
    const page = await app.api.invoke('applications.list', { text: 'typewriter' });
    expect(page.items.map((item) => item.id)).toEqual([created.id]);
  });

  it('leaves the full-text entry alone when an update changes no searched column, and rewrites it when one does', async () => {
    const { db, changes } = app.context;
    const created = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Quantum welder' });
    const screening = (await app.api.invoke('stages.list', undefined)).find((stage) => stage.category === 'screening')!;
    const found = async (text: string) => (await app.api.invoke('applications.list', { text })).items.map((item) => item.id);
    // Every write of a full-text row adds a segment record to the index's data.
    const textWrites = () => db.sqlite.prepare(`SELECT count(*) FROM applications_fts_data`).pluck().get() as number;

    const before = textWrites();
    // A move to a stage that answers sets the first response day: a column the entry is not made of.
    await app.api.invoke('applications.setStage', { id: created.id, stageId: screening.id });
    expect((await app.api.invoke('applications.get', { id: created.id })).firstResponseOn).not.toBeNull();
    expect(textWrites()).toBe(before);
    expect(await found('welder')).toEqual([created.id]);

    // In one write, a quiet change then a searched one, and a searched one then a quiet one: the entry follows both.
    changes.write((write) => {
      write.update('applications', created.id, { priority: 5 });
      write.update('applications', created.id, { position: 'Quantum riveter' });
    });
    expect(await found('riveter')).toEqual([created.id]);
    expect(await found('welder')).toEqual([]);
    changes.write((write) => {
      write.update('applications', created.id, { notes: 'plasma' });
      write.update('applications', created.id, { priority: 2 });
    });
    expect(await found('plasma')).toEqual([created.id]);
    expect(await found('riveter')).toEqual([created.id]);
  });
});

describe('the hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    let now = 1_000_000;
    const clock = new HybridLogicalClock('node1', undefined, () => now);
    const a = clock.tick();
    now -= 500;
    const b = clock.tick();
    const c = clock.tick();
    expect(a < b && b < c).toBe(true);
  });

  it('moves past a timestamp it observed from another device', () => {
    const clock = new HybridLogicalClock('node1', undefined, () => 1000);
    clock.observe(encodeHlc({ wall: 5000, counter: 3, node: 'other' }));
    expect(clock.tick() > encodeHlc({ wall: 5000, counter: 3, node: 'other' })).toBe(true);
  });

  it('resumes after the last persisted timestamp across restarts', async () => {
    const created = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    const lastHlc = log(created.id).at(-1)!.hlc;
    const dir = app.dir;
    app.context.db.close();
    const reopened = await openTempApp({ dataDir: dir });
    app = reopened;
    await app.api.invoke('applications.update', { id: created.id, patch: { location: 'Nantes' } });
    expect(log(created.id).at(-1)!.hlc > lastHlc).toBe(true);
    expect(app.context.db.sqlite.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).pluck().get()).toBe(lastHlc.split('-').at(-1));
  });
});

describe('derived data of rows inserted by the same write', () => {
  it('follows a new company, tag and stage event, even one moved to another new application before the commit', async () => {
    const stages = await app.api.invoke('stages.list', undefined);
    const applied = stages.find((stage) => stage.category === 'applied')!;
    const interviewing = stages.find((stage) => stage.category === 'interviewing')!;
    const { first, second } = app.context.changes.write((write) => {
      const company = write.insert('companies', { name: 'Zyxwv Labs', name_key: 'zyxwv labs', industry: 'Robotics' });
      const application = (position: string) =>
        write.insert('applications', { company_id: company, position, stage_id: applied.id, stage_category: 'applied' });
      const first = application('Welder');
      const second = application('Painter');
      const event = write.insert('stage_events', { application_id: first, to_stage_id: interviewing.id, occurred_at: '2025-01-02T00:00:00.000Z' });
      write.update('stage_events', event, { application_id: second });
      const tag = write.insert('tags', { name: 'Quokka', name_key: 'quokka' });
      write.insert('application_tags', { application_id: first, tag_id: tag });
      return { first, second };
    });
    const current = (id: string) => app.context.db.sql(`SELECT stage_category FROM applications WHERE id = ?`).pluck().get(id);
    expect([current(first), current(second)]).toEqual(['applied', 'interviewing']);
    const found = async (text: string) => (await app.api.invoke('search.query', { text })).applications.map((item) => item.id).sort();
    expect(await found('zyxwv')).toEqual([first, second].sort());
    expect(await found('quokka')).toEqual([first]);
    const { breakdowns } = wholeDashboard(await app.api.invoke('statistics.dashboard', { archived: 'all' }));
    expect(breakdowns.industry.buckets).toEqual([expect.objectContaining({ key: 'Robotics', count: 2 })]);
    expect(breakdowns.stage.buckets.map((bucket) => [bucket.category, bucket.count])).toEqual([['applied', 1], ['interviewing', 1]]);
  });
});
