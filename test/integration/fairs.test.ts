import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../src-main/api';
import type { Change } from '../../src-main/changes/writer';
import type { FairBooth, FairDetail } from '../../src-shared/contract';
import { fairsChannelInputs } from '../../src-shared/contract/fairs';
import { openTempApp, type TempApp } from '../support/temp-app';
import { databaseFingerprint } from './support/fingerprint';
import { expectError, expectValidation } from './support/results';

// Job fairs (issue 15, item 1): every channel's happy path, wrong input and unknown id (each changing nothing),
// undo of deletes, the queue's derived time in line, a visit turned into an application with its recruiter, and
// that fairs travel like every synced row (change events, JSON backup, sync's applyRemote).

type FairsChannel = keyof typeof fairsChannelInputs;
const missingId = '01890000-0000-7000-8000-000000000000';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

interface FairWorld {
  fair: FairDetail;
  /** Planned, priority 1, with a recruiter noted. */
  globex: FairBooth;
  /** Not planned, recruits for nothing in particular. */
  initech: FairBooth;
}

async function fairWorld(api: Api): Promise<FairWorld> {
  const fair = await api.invoke('fairs.create', { name: ' Forum Emploi Lyon ', startsOn: '2024-03-12', endsOn: '2024-03-13', place: 'Halle Tony Garnier', url: 'https://forum.example/plan' });
  const globex = await api.invoke('fairs.addBooth', {
    fairId: fair.id,
    companyName: 'Globex',
    booth: 'B12',
    recruitsFor: 'Data engineer',
    priority: 1,
    pitch: 'Five years of pipelines',
    questions: 'Remote days?',
    documents: 'CV ×5',
  });
  await api.invoke('fairs.updateBooth', { id: globex.id, patch: { recruiterName: 'Ana Lima', recruiterRole: 'Talent acquisition', recruiterEmail: 'ana@globex.example', notes: 'Wants a portfolio' } });
  const initech = await api.invoke('fairs.addBooth', { fairId: fair.id, companyName: 'Initech', planned: false });
  return { fair: await api.invoke('fairs.get', { id: fair.id }), globex: await api.invoke('fairs.get', { id: fair.id }).then((f) => f.booths[0]), initech };
}

const happyPaths: Record<FairsChannel, (api: Api, w: FairWorld) => Promise<void>> = {
  'fairs.list': async (api, w) => {
    const older = await api.invoke('fairs.create', { name: 'Salon 2023', startsOn: '2023-10-01' });
    expect(await api.invoke('fairs.list', undefined)).toEqual([
      expect.objectContaining({ id: w.fair.id, name: 'Forum Emploi Lyon', boothCount: 2, plannedCount: 1, finishedCount: 0 }),
      expect.objectContaining({ id: older.id, boothCount: 0 }),
    ]);
  },
  'fairs.get': async (api, w) => {
    const fair = await api.invoke('fairs.get', { id: w.fair.id });
    expect(fair).toMatchObject({ startsOn: '2024-03-12', endsOn: '2024-03-13', place: 'Halle Tony Garnier', url: 'https://forum.example/plan' });
    // The plan's order: planned booths first, by priority.
    expect(fair.booths.map((booth) => [booth.companyName, booth.planned, booth.status])).toEqual([
      ['Globex', true, 'to_visit'],
      ['Initech', false, 'to_visit'],
    ]);
  },
  'fairs.create': async (api) => {
    const fair = await api.invoke('fairs.create', { name: 'Salon de l’alternance', startsOn: '2024-04-02', place: '', url: '' });
    expect(fair).toMatchObject({ name: 'Salon de l’alternance', endsOn: null, place: null, url: null, booths: [], boothCount: 0 });
  },
  'fairs.update': async (api, w) => {
    const fair = await api.invoke('fairs.update', { id: w.fair.id, patch: { endsOn: null, notes: 'Hall 4' } });
    expect(fair).toMatchObject({ name: 'Forum Emploi Lyon', endsOn: null, notes: 'Hall 4', boothCount: 2 });
  },
  'fairs.delete': async (api, w) => {
    expect(await api.invoke('fairs.delete', { id: w.fair.id })).toEqual({ id: w.fair.id });
    expect(await api.invoke('fairs.list', undefined)).toEqual([]);
    expectError(await api.call('fairs.get', { id: w.fair.id }), 'NOT_FOUND');
    // The booths of a deleted fair are out of reach with it.
    expectError(await api.call('fairs.updateBooth', { id: w.globex.id, patch: { notes: 'x' } }), 'NOT_FOUND');
  },
  'fairs.restore': async (api, w) => {
    await api.invoke('fairs.delete', { id: w.fair.id });
    const restored = await api.invoke('fairs.restore', { id: w.fair.id });
    expect(restored).toMatchObject({ id: w.fair.id, deletedAt: null, boothCount: 2 });
    expect(restored.booths[0]).toMatchObject({ pitch: 'Five years of pipelines', recruiterName: 'Ana Lima' });
  },
  'fairs.addBooth': async (api, w) => {
    const booth = await api.invoke('fairs.addBooth', { fairId: w.fair.id, companyName: 'Umbrella', booth: ' C1 ', priority: 2 });
    expect(booth).toMatchObject({ fairId: w.fair.id, companyName: 'Umbrella', booth: 'C1', planned: true, priority: 2, status: 'to_visit', minutesInLine: null });
    expect((await api.invoke('fairs.get', { id: w.fair.id })).booths.map((b) => b.companyName)).toEqual(['Globex', 'Umbrella', 'Initech']);
  },
  'fairs.updateBooth': async (api, w) => {
    const booth = await api.invoke('fairs.updateBooth', { id: w.initech.id, patch: { planned: true, priority: 3, recruiterEmail: '', notes: 'Busy stand' } });
    expect(booth).toMatchObject({ planned: true, priority: 3, recruiterEmail: null, notes: 'Busy stand', companyName: 'Initech' });
  },
  'fairs.setVisitStatus': async (api, w) => {
    await api.invoke('fairs.setVisitStatus', { id: w.globex.id, status: 'in_line', at: '2024-03-12T09:30:00Z' });
    const talking = await api.invoke('fairs.setVisitStatus', { id: w.globex.id, status: 'talking', at: '2024-03-12T09:52:30+00:00' });
    expect(talking).toMatchObject({ status: 'talking', inLineAt: '2024-03-12T09:30:00.000Z', talkingAt: '2024-03-12T09:52:30.000Z', finishedAt: null, minutesInLine: 22 });
    const done = await api.invoke('fairs.setVisitStatus', { id: w.globex.id, status: 'done', at: '2024-03-12T10:05:00Z' });
    expect(done).toMatchObject({ status: 'done', finishedAt: '2024-03-12T10:05:00.000Z', minutesInLine: 22 });
    expect((await api.invoke('fairs.get', { id: w.fair.id })).finishedCount).toBe(1);
  },
  'fairs.deleteBooth': async (api, w) => {
    expect(await api.invoke('fairs.deleteBooth', { id: w.initech.id })).toEqual({ id: w.initech.id });
    expect((await api.invoke('fairs.get', { id: w.fair.id })).booths.map((b) => b.id)).toEqual([w.globex.id]);
  },
  'fairs.restoreBooth': async (api, w) => {
    await api.invoke('fairs.deleteBooth', { id: w.initech.id });
    expect(await api.invoke('fairs.restoreBooth', { id: w.initech.id })).toMatchObject({ id: w.initech.id, deletedAt: null, planned: false });
    expect((await api.invoke('fairs.get', { id: w.fair.id })).boothCount).toBe(2);
  },
  'fairs.convertVisit': async (api, w) => {
    await api.invoke('fairs.setVisitStatus', { id: w.globex.id, status: 'talking', at: '2024-03-13T14:00:00Z' });
    const result = await api.invoke('fairs.convertVisit', { id: w.globex.id });
    expect(result.booth).toMatchObject({ applicationId: result.applicationId, contactId: result.contactId });
    const application = await api.invoke('applications.get', { id: result.applicationId });
    expect(application).toMatchObject({ companyName: 'Globex', position: 'Data engineer', source: 'job_fair', appliedOn: '2024-03-13', notes: 'Wants a portfolio' });
    expect(application.contacts).toEqual([expect.objectContaining({ id: result.contactId, name: 'Ana Lima' })]);
    const contact = await api.invoke('contacts.get', { id: result.contactId! });
    expect(contact).toMatchObject({ role: 'Talent acquisition', email: 'ana@globex.example', companyId: application.companyId });
  },
  'fairs.visits': async (api, w) => {
    await api.invoke('fairs.setVisitStatus', { id: w.globex.id, status: 'talking', at: '2024-03-12T09:52:00Z' });
    await api.invoke('fairs.setVisitStatus', { id: w.initech.id, status: 'skipped', at: '2024-03-12T11:00:00Z' });
    const other = await api.invoke('fairs.create', { name: 'Salon', startsOn: '2024-04-02' });
    const april = await api.invoke('fairs.addBooth', { fairId: other.id, companyName: 'Acme' });
    await api.invoke('fairs.setVisitStatus', { id: april.id, status: 'done', at: '2024-04-02T10:00:00Z' });
    expect(await api.invoke('fairs.visits', { from: '2024-03-01', to: '2024-03-31' })).toEqual([
      {
        boothId: w.globex.id,
        fairId: w.fair.id,
        fairName: 'Forum Emploi Lyon',
        place: 'Halle Tony Garnier',
        visitedOn: '2024-03-12',
        companyName: 'Globex',
        recruitsFor: 'Data engineer',
        recruiterName: 'Ana Lima',
        status: 'talking',
        notes: 'Wants a portfolio',
        applicationId: null,
      },
    ]);
    // Both ends of the period are included.
    expect((await api.invoke('fairs.visits', { from: '2024-03-12', to: '2024-04-02' })).map((visit) => visit.companyName)).toEqual(['Globex', 'Acme']);
    expect(await api.invoke('fairs.visits', { from: '2024-03-13', to: '2024-04-01' })).toEqual([]);
  },
};

interface BadInput {
  input: (w: FairWorld) => unknown;
  field: string;
}

const badInputs: Record<FairsChannel, BadInput[]> = {
  'fairs.list': [{ input: () => ({ all: true }), field: 'all' }],
  'fairs.get': [{ input: () => ({ id: 'forum' }), field: 'id' }],
  'fairs.create': [
    { input: () => ({ name: '  ', startsOn: '2024-03-12' }), field: 'name' },
    { input: () => ({ name: 'Forum', startsOn: '12/03/2024' }), field: 'startsOn' },
    { input: () => ({ name: 'Forum', startsOn: '2024-03-12', endsOn: '2024-03-11' }), field: 'endsOn' },
    { input: () => ({ name: 'Forum', startsOn: '2024-03-12', url: 'javascript:alert(1)' }), field: 'url' },
  ],
  'fairs.update': [
    { input: (w) => ({ id: w.fair.id, patch: { name: '' } }), field: 'patch.name' },
    // Only the end day is sent: the handler compares it with the stored first day.
    { input: (w) => ({ id: w.fair.id, patch: { endsOn: '2024-03-01' } }), field: 'patch.endsOn' },
  ],
  'fairs.delete': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'fairs.restore': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'fairs.addBooth': [
    { input: (w) => ({ fairId: w.fair.id, companyName: '' }), field: 'companyName' },
    { input: (w) => ({ fairId: w.fair.id, companyName: 'Acme', priority: 4 }), field: 'priority' },
    { input: (w) => ({ fairId: w.fair.id, companyName: 'Acme', status: 'done' }), field: 'status' },
  ],
  'fairs.updateBooth': [
    { input: (w) => ({ id: w.globex.id, patch: { recruiterEmail: 'ana at globex' } }), field: 'patch.recruiterEmail' },
    { input: (w) => ({ id: w.globex.id, patch: { fairId: w.fair.id } }), field: 'patch.fairId' },
  ],
  'fairs.setVisitStatus': [
    { input: (w) => ({ id: w.globex.id, status: 'waiting' }), field: 'status' },
    { input: (w) => ({ id: w.globex.id, status: 'in_line', at: '9:30' }), field: 'at' },
  ],
  'fairs.deleteBooth': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'fairs.restoreBooth': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'fairs.convertVisit': [
    { input: (w) => ({ id: w.globex.id, position: ' ' }), field: 'position' },
    // Initech recruits for nothing in particular and no position is given: the handler asks for one.
    { input: (w) => ({ id: w.initech.id }), field: 'position' },
  ],
  'fairs.visits': [
    { input: () => ({ from: '2024-03-31', to: '2024-03-01' }), field: 'to' },
    { input: () => ({ from: '2024-03-01' }), field: 'to' },
  ],
};

const unknownIds: Partial<Record<FairsChannel, ((w: FairWorld) => unknown)[]>> = {
  'fairs.get': [() => ({ id: missingId })],
  'fairs.update': [() => ({ id: missingId, patch: { name: 'Forum' } })],
  'fairs.delete': [() => ({ id: missingId })],
  'fairs.restore': [() => ({ id: missingId })],
  'fairs.addBooth': [() => ({ fairId: missingId, companyName: 'Acme' })],
  'fairs.updateBooth': [() => ({ id: missingId, patch: { notes: 'x' } })],
  'fairs.setVisitStatus': [() => ({ id: missingId, status: 'in_line' })],
  'fairs.deleteBooth': [() => ({ id: missingId })],
  'fairs.restoreBooth': [() => ({ id: missingId })],
  'fairs.convertVisit': [() => ({ id: missingId, position: 'Developer' })],
};
const takesNoRowId: FairsChannel[] = ['fairs.list', 'fairs.create', 'fairs.visits'];

describe('every fairs channel', () => {
  it('has a happy path, wrong inputs and unknown ids here', () => {
    const channels = Object.keys(fairsChannelInputs).sort();
    expect(Object.keys(happyPaths).sort()).toEqual(channels);
    expect(Object.keys(badInputs).sort()).toEqual(channels);
    expect([...Object.keys(unknownIds), ...takesNoRowId].sort()).toEqual(channels);
  });

  it.each(Object.keys(happyPaths))('works: %s', async (channel) => {
    await happyPaths[channel as FairsChannel](app.api, await fairWorld(app.api));
  });

  const badCases = Object.entries(badInputs).flatMap(([channel, inputs]) => inputs.map((bad, index) => ({ name: `${channel} #${index + 1} (${bad.field})`, channel, ...bad })));
  it.each(badCases)('refuses a wrong input and changes nothing: $name', async ({ channel, input, field }) => {
    const world = await fairWorld(app.api);
    const before = databaseFingerprint(app.context.db);
    expectValidation(await app.api.call(channel, input(world)), field);
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });

  const notFoundCases = Object.entries(unknownIds).flatMap(([channel, inputs]) => inputs.map((input, index) => ({ name: `${channel} #${index + 1}`, channel, input })));
  it.each(notFoundCases)('gives NOT_FOUND for an unknown id and changes nothing: $name', async ({ channel, input }) => {
    const world = await fairWorld(app.api);
    const before = databaseFingerprint(app.context.db);
    const error = expectError(await app.api.call(channel, input(world)), 'NOT_FOUND');
    expect(error.message).toContain(missingId);
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });
});

describe('the visit queue', () => {
  it('derives the time in line from the status changes, and starts over when the visit goes back', async () => {
    const { globex, initech } = await fairWorld(app.api);
    await app.api.invoke('fairs.setVisitStatus', { id: initech.id, status: 'in_line', at: '2024-03-12T10:00:00Z' });
    // Left the line without talking: the wait is counted up to leaving.
    expect(await app.api.invoke('fairs.setVisitStatus', { id: initech.id, status: 'skipped', at: '2024-03-12T10:41:59Z' })).toMatchObject({ minutesInLine: 41 });
    // Talking without having queued: no wait is known.
    expect(await app.api.invoke('fairs.setVisitStatus', { id: globex.id, status: 'talking', at: '2024-03-12T11:00:00Z' })).toMatchObject({ minutesInLine: null });
    const back = await app.api.invoke('fairs.setVisitStatus', { id: initech.id, status: 'to_visit' });
    expect(back).toMatchObject({ status: 'to_visit', inLineAt: null, talkingAt: null, finishedAt: null, minutesInLine: null });
  });

  it('stamps a status change with the time it is made when none is given', async () => {
    const { globex } = await fairWorld(app.api);
    const before = new Date().toISOString();
    const booth = await app.api.invoke('fairs.setVisitStatus', { id: globex.id, status: 'in_line' });
    expect(booth.inLineAt! >= before && booth.inLineAt! <= new Date().toISOString()).toBe(true);
  });

  it('tells the windows which tables changed', async () => {
    const { globex } = await fairWorld(app.api);
    const events: string[][] = [];
    app.context.changes.onChanged((event) => events.push(event.tables));
    await app.api.invoke('fairs.setVisitStatus', { id: globex.id, status: 'in_line' });
    expect(events).toEqual([['fair_booths']]);
  });
});

describe('a visit turned into an application', () => {
  it('refuses a second conversion while the application lives, and allows it again once it is deleted', async () => {
    const { globex } = await fairWorld(app.api);
    const first = await app.api.invoke('fairs.convertVisit', { id: globex.id, position: 'Analytics engineer' });
    const before = databaseFingerprint(app.context.db);
    expectError(await app.api.call('fairs.convertVisit', { id: globex.id }), 'CONFLICT');
    expect(databaseFingerprint(app.context.db)).toEqual(before);

    await app.api.invoke('applications.delete', { id: first.applicationId });
    expect((await app.api.invoke('fairs.get', { id: globex.fairId })).booths[0].applicationId).toBeNull();
    const second = await app.api.invoke('fairs.convertVisit', { id: globex.id });
    // The recruiter's contact is the same person: reused, not duplicated.
    expect(second.contactId).toBe(first.contactId);
    expect((await app.api.invoke('contacts.list', {})).total).toBe(1);
    expect((await app.api.invoke('applications.get', { id: second.applicationId })).position).toBe('Data engineer');
  });

  it('makes no contact when no recruiter was noted, and joins an existing company of the same name', async () => {
    const { fair } = await fairWorld(app.api);
    const existing = await app.api.invoke('companies.create', { name: 'Umbrella' });
    const booth = await app.api.invoke('fairs.addBooth', { fairId: fair.id, companyName: 'umbrella', recruitsFor: 'SRE' });
    const result = await app.api.invoke('fairs.convertVisit', { id: booth.id });
    expect(result.contactId).toBeNull();
    expect(await app.api.invoke('applications.get', { id: result.applicationId })).toMatchObject({ companyId: existing.id, appliedOn: '2024-03-12', contacts: [] });
  });
});

/** This device's change-log entries after `seq`, as sync ships them. */
function changesSince(source: TempApp, seq = 0): Change[] {
  return source.context.db.sqlite
    .prepare(`SELECT hlc, table_name AS "table", row_id AS rowId, column_name AS "column", value FROM change_log WHERE seq > ? AND origin = 'local' ORDER BY seq`)
    .all(seq) as Change[];
}
const lastSeq = (source: TempApp) => source.context.db.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM change_log`).pluck().get() as number;

describe('fairs travel like every synced row', () => {
  it('go through the JSON backup and come back into an empty database', async () => {
    const { fair, globex } = await fairWorld(app.api);
    await app.api.invoke('fairs.setVisitStatus', { id: globex.id, status: 'in_line', at: '2024-03-12T09:30:00Z' });
    await app.api.invoke('fairs.setVisitStatus', { id: globex.id, status: 'talking', at: '2024-03-12T09:45:00Z' });
    const exported = await app.api.invoke('exports.json', {});
    if (exported.kind !== 'content') throw new Error('expected the backup as content');
    const restored = await openTempApp();
    try {
      await restored.api.invoke('imports.run', { source: { content: Buffer.from(exported.content).toString('base64'), fileName: 'candid-backup.json' } });
      const detail = await restored.api.invoke('fairs.get', { id: fair.id });
      expect(detail).toMatchObject({ name: 'Forum Emploi Lyon', boothCount: 2 });
      expect(detail.booths[0]).toMatchObject({ status: 'talking', minutesInLine: 15, pitch: 'Five years of pipelines', recruiterEmail: 'ana@globex.example' });
    } finally {
      restored.close();
    }
  });

  it('reach another device through applyRemote, and steps tapped on two devices merge', async () => {
    const laptop = app;
    const phone = await openTempApp();
    try {
      const { fair, globex } = await fairWorld(laptop.api);
      phone.context.changes.applyRemote(changesSince(laptop));
      expect((await phone.api.invoke('fairs.get', { id: fair.id })).booths).toHaveLength(2);

      const laptopSeq = lastSeq(laptop);
      const phoneSeq = lastSeq(phone);
      await phone.api.invoke('fairs.setVisitStatus', { id: globex.id, status: 'in_line', at: '2024-03-12T09:30:00Z' });
      await laptop.api.invoke('fairs.updateBooth', { id: globex.id, patch: { notes: 'Met Ana; send the portfolio' } });
      phone.context.changes.applyRemote(changesSince(laptop, laptopSeq));
      laptop.context.changes.applyRemote(changesSince(phone, phoneSeq));
      for (const device of [laptop, phone]) {
        expect((await device.api.invoke('fairs.get', { id: fair.id })).booths[0]).toMatchObject({ status: 'in_line', inLineAt: '2024-03-12T09:30:00.000Z', notes: 'Met Ana; send the portfolio' });
      }
    } finally {
      phone.close();
    }
  });
});
