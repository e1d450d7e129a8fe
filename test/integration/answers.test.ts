import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../src-main/api';
import type { Change } from '../../src-main/changes/writer';
import type { AnswerDetail, ApplicationDetail } from '../../src-shared/contract';
import { answersChannelInputs } from '../../src-shared/contract/answers';
import { openTempApp, type TempApp } from '../support/temp-app';
import { databaseFingerprint } from './support/fingerprint';
import { expectError, expectValidation } from './support/results';

// Screening answers (issue 15, item 3): every channel's happy path, wrong input and unknown id (each changing
// nothing), undo of deletes, versions kept on edit, the version given to each company, search, and that the
// library travels like every synced row (JSON backup, sync's applyRemote).

type AnswersChannel = keyof typeof answersChannelInputs;
const missingId = '01890000-0000-7000-8000-000000000000';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

interface AnswerWorld {
  acme: ApplicationDetail;
  globex: ApplicationDetail;
  /** Two versions; the first was given to Acme. */
  why: AnswerDetail;
  salary: AnswerDetail;
}

async function answerWorld(api: Api): Promise<AnswerWorld> {
  const acme = await api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer' });
  const globex = await api.invoke('applications.create', { companyName: 'Globex', position: 'Data engineer' });
  const first = await api.invoke('answers.create', { question: 'Why do you want to join us?', category: 'why_company', body: 'Your product solves a problem I had.', tags: ['product', 'Startup'] });
  await api.invoke('answers.use', { applicationId: acme.id, answerId: first.id });
  const why = await api.invoke('answers.update', { id: first.id, patch: { body: 'Your product solves a problem I had, and your team ships weekly.' } });
  const salary = await api.invoke('answers.create', { question: 'What are your salary expectations?', category: 'salary', body: '55–60 k€ gross a year' });
  return { acme, globex, why, salary };
}

const happyPaths: Record<AnswersChannel, (api: Api, w: AnswerWorld) => Promise<void>> = {
  'answers.list': async (api, w) => {
    expect((await api.invoke('answers.list', {})).map((answer) => answer.id)).toEqual([w.salary.id, w.why.id]);
    expect(await api.invoke('answers.list', { category: 'why_company' })).toEqual([
      expect.objectContaining({ id: w.why.id, body: 'Your product solves a problem I had, and your team ships weekly.', versionCount: 2, useCount: 1, tags: ['product', 'Startup'] }),
    ]);
    expect((await api.invoke('answers.list', { tag: 'startup' })).map((answer) => answer.id)).toEqual([w.why.id]);
  },
  'answers.get': async (api, w) => {
    const detail = await api.invoke('answers.get', { id: w.why.id });
    expect(detail.versions.map((version) => [version.number, version.body])).toEqual([
      [2, 'Your product solves a problem I had, and your team ships weekly.'],
      [1, 'Your product solves a problem I had.'],
    ]);
    expect(detail.uses).toEqual([expect.objectContaining({ applicationId: w.acme.id, applicationLabel: 'Acme — Backend developer', versionNumber: 1, outdated: true })]);
  },
  'answers.create': async (api) => {
    const created = await api.invoke('answers.create', { question: ' Notice period? ', category: 'notice_period', body: 'Three months', tags: ['CDI', 'cdi'] });
    expect(created).toMatchObject({ question: 'Notice period?', category: 'notice_period', body: 'Three months', tags: ['CDI'], versionCount: 1, useCount: 0, uses: [] });
  },
  'answers.update': async (api, w) => {
    // Same text: no new version; tags and category change in place.
    const same = await api.invoke('answers.update', { id: w.salary.id, patch: { body: '55–60 k€ gross a year', tags: ['France'] } });
    expect(same).toMatchObject({ versionCount: 1, versionId: w.salary.versionId, tags: ['France'] });
    const edited = await api.invoke('answers.update', { id: w.salary.id, patch: { body: '58 k€ gross a year' } });
    expect(edited.versions.map((version) => version.body)).toEqual(['58 k€ gross a year', '55–60 k€ gross a year']);
    expect(edited.versionId).not.toBe(w.salary.versionId);
  },
  'answers.delete': async (api, w) => {
    expect(await api.invoke('answers.delete', { id: w.why.id })).toEqual({ id: w.why.id });
    expect((await api.invoke('answers.list', {})).map((answer) => answer.id)).toEqual([w.salary.id]);
    expect(await api.invoke('answers.forApplication', { applicationId: w.acme.id })).toEqual([]);
  },
  'answers.restore': async (api, w) => {
    await api.invoke('answers.delete', { id: w.why.id });
    expect(await api.invoke('answers.restore', { id: w.why.id })).toMatchObject({ id: w.why.id, deletedAt: null, versionCount: 2, useCount: 1 });
    expect(await api.invoke('answers.forApplication', { applicationId: w.acme.id })).toHaveLength(1);
  },
  'answers.use': async (api, w) => {
    // Reused on a second application: the latest version by default.
    const use = await api.invoke('answers.use', { applicationId: w.globex.id, answerId: w.why.id, question: 'Pourquoi Globex ?' });
    expect(use).toMatchObject({ applicationId: w.globex.id, question: 'Pourquoi Globex ?', versionNumber: 2, outdated: false, body: w.why.body });
    // Given again on Acme: the same use moves to the version named.
    const moved = await api.invoke('answers.use', { applicationId: w.acme.id, answerId: w.why.id, versionId: w.why.versionId });
    expect(moved).toMatchObject({ versionNumber: 2, question: 'Why do you want to join us?' });
    expect((await api.invoke('answers.get', { id: w.why.id })).useCount).toBe(2);
  },
  'answers.unuse': async (api, w) => {
    const [use] = await api.invoke('answers.forApplication', { applicationId: w.acme.id });
    expect(await api.invoke('answers.unuse', { id: use.id })).toEqual({ id: use.id });
    expect(await api.invoke('answers.forApplication', { applicationId: w.acme.id })).toEqual([]);
  },
  'answers.restoreUse': async (api, w) => {
    const [use] = await api.invoke('answers.forApplication', { applicationId: w.acme.id });
    await api.invoke('answers.unuse', { id: use.id });
    expect(await api.invoke('answers.restoreUse', { id: use.id })).toEqual(use);
  },
  'answers.forApplication': async (api, w) => {
    expect(await api.invoke('answers.forApplication', { applicationId: w.acme.id })).toEqual([
      expect.objectContaining({ answerId: w.why.id, question: 'Why do you want to join us?', category: 'why_company', body: 'Your product solves a problem I had.', versionNumber: 1, outdated: true }),
    ]);
    expect(await api.invoke('answers.forApplication', { applicationId: w.globex.id })).toEqual([]);
  },
};

interface BadInput {
  input: (w: AnswerWorld) => unknown;
  field: string;
}

const badInputs: Record<AnswersChannel, BadInput[]> = {
  'answers.list': [
    { input: () => ({ category: 'pay' }), field: 'category' },
    { input: () => ({ query: 'x'.repeat(201) }), field: 'query' },
  ],
  'answers.get': [{ input: () => ({ id: 'why' }), field: 'id' }],
  'answers.create': [
    { input: () => ({ question: 'Why?', category: 'why_company', body: '   ' }), field: 'body' },
    { input: () => ({ question: '', category: 'why_company', body: 'Because' }), field: 'question' },
    { input: () => ({ question: 'Why?', category: 'why_company', body: 'Because', tags: [''] }), field: 'tags.0' },
  ],
  'answers.update': [
    { input: (w) => ({ id: w.why.id, patch: { body: '' } }), field: 'patch.body' },
    { input: (w) => ({ id: w.why.id, patch: { versions: [] } }), field: 'patch.versions' },
  ],
  'answers.delete': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'answers.restore': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'answers.use': [
    { input: (w) => ({ applicationId: w.acme.id, answerId: 'why' }), field: 'answerId' },
    { input: (w) => ({ applicationId: w.acme.id, answerId: w.why.id, question: 'x'.repeat(501) }), field: 'question' },
  ],
  'answers.unuse': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'answers.restoreUse': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'answers.forApplication': [{ input: () => ({ applicationId: 'acme' }), field: 'applicationId' }],
};

const unknownIds: Partial<Record<AnswersChannel, ((w: AnswerWorld) => unknown)[]>> = {
  'answers.get': [() => ({ id: missingId })],
  'answers.update': [() => ({ id: missingId, patch: { body: 'x' } })],
  'answers.delete': [() => ({ id: missingId })],
  'answers.restore': [() => ({ id: missingId })],
  'answers.use': [
    (w) => ({ applicationId: missingId, answerId: w.why.id }),
    (w) => ({ applicationId: w.acme.id, answerId: missingId }),
    // A version of another answer.
    (w) => ({ applicationId: w.acme.id, answerId: w.why.id, versionId: missingId }),
  ],
  'answers.unuse': [() => ({ id: missingId })],
  'answers.restoreUse': [() => ({ id: missingId })],
  'answers.forApplication': [() => ({ applicationId: missingId })],
};
const takesNoRowId: AnswersChannel[] = ['answers.list', 'answers.create'];

describe('every answers channel', () => {
  it('has a happy path, wrong inputs and unknown ids here', () => {
    const channels = Object.keys(answersChannelInputs).sort();
    expect(Object.keys(happyPaths).sort()).toEqual(channels);
    expect(Object.keys(badInputs).sort()).toEqual(channels);
    expect([...Object.keys(unknownIds), ...takesNoRowId].sort()).toEqual(channels);
  });

  it.each(Object.keys(happyPaths))('works: %s', async (channel) => {
    await happyPaths[channel as AnswersChannel](app.api, await answerWorld(app.api));
  });

  const badCases = Object.entries(badInputs).flatMap(([channel, inputs]) => inputs.map((bad, index) => ({ name: `${channel} #${index + 1} (${bad.field})`, channel, ...bad })));
  it.each(badCases)('refuses a wrong input and changes nothing: $name', async ({ channel, input, field }) => {
    const world = await answerWorld(app.api);
    const before = databaseFingerprint(app.context.db);
    expectValidation(await app.api.call(channel, input(world)), field);
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });

  const notFoundCases = Object.entries(unknownIds).flatMap(([channel, inputs]) => inputs.map((input, index) => ({ name: `${channel} #${index + 1}`, channel, input })));
  it.each(notFoundCases)('gives NOT_FOUND for an unknown id and changes nothing: $name', async ({ channel, input }) => {
    const world = await answerWorld(app.api);
    const before = databaseFingerprint(app.context.db);
    const error = expectError(await app.api.call(channel, input(world)), 'NOT_FOUND');
    expect(error.message).toContain(missingId);
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });
});

describe('the library', () => {
  it('finds answers by words of the question, of any version, or of a tag, whatever their case', async () => {
    const { why, salary } = await answerWorld(app.api);
    const found = async (query: string) => (await app.api.invoke('answers.list', { query })).map((answer) => answer.id);
    expect(await found('SALARY')).toEqual([salary.id]);
    expect(await found('ships weekly')).toEqual([why.id]);
    // Only the first version said "problem I had." with a full stop right after: earlier texts are searched too.
    expect(await found('had.')).toEqual([why.id]);
    expect(await found('startup')).toEqual([why.id]);
    expect(await found('100%')).toEqual([]);
    expect(await found('gross product')).toEqual([]);
  });

  it('lists the most recently written first, the newer one first when two were written in the same millisecond', async () => {
    const older = await app.api.invoke('answers.create', { question: 'Notice period?', category: 'notice_period', body: 'Three months' });
    const newer = await app.api.invoke('answers.create', { question: 'Remote work?', category: 'other', body: 'Two days a week' });
    // The same instant for both, as two writes within one millisecond get.
    const instant = '2026-12-08T03:00:00.000Z';
    app.context.db.sqlite.prepare('UPDATE screening_answers SET updated_at = ?').run(instant);
    app.context.db.sqlite.prepare('UPDATE screening_answer_versions SET created_at = ?').run(instant);
    expect((await app.api.invoke('answers.list', {})).map((answer) => answer.id)).toEqual([newer.id, older.id]);
  });

  it('does not bring back a use whose application was deleted', async () => {
    const { acme } = await answerWorld(app.api);
    const [use] = await app.api.invoke('answers.forApplication', { applicationId: acme.id });
    await app.api.invoke('answers.unuse', { id: use.id });
    await app.api.invoke('applications.delete', { id: acme.id });
    const before = databaseFingerprint(app.context.db);
    expectError(await app.api.call('answers.restoreUse', { id: use.id }), 'NOT_FOUND');
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });
});

/** This device's change-log entries after `seq`, as sync ships them. */
function changesSince(source: TempApp, seq = 0): Change[] {
  return source.context.db.sqlite
    .prepare(`SELECT hlc, table_name AS "table", row_id AS rowId, column_name AS "column", value FROM change_log WHERE seq > ? AND origin = 'local' ORDER BY seq`)
    .all(seq) as Change[];
}
const lastSeq = (source: TempApp) => source.context.db.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM change_log`).pluck().get() as number;

describe('the library travels like every synced row', () => {
  it('goes through the JSON backup and comes back into an empty database', async () => {
    const { why, acme } = await answerWorld(app.api);
    const exported = await app.api.invoke('exports.json', {});
    if (exported.kind !== 'content') throw new Error('expected the backup as content');
    const restored = await openTempApp();
    try {
      await restored.api.invoke('imports.run', { source: { content: Buffer.from(exported.content).toString('base64'), fileName: 'candid-backup.json' } });
      expect(await restored.api.invoke('answers.get', { id: why.id })).toMatchObject({ versionCount: 2, tags: ['product', 'Startup'], useCount: 1 });
      expect(await restored.api.invoke('answers.forApplication', { applicationId: acme.id })).toEqual([expect.objectContaining({ versionNumber: 1 })]);
    } finally {
      restored.close();
    }
  });

  it('keeps both versions written offline on two devices', async () => {
    const laptop = app;
    const phone = await openTempApp();
    try {
      const { salary } = await answerWorld(laptop.api);
      phone.context.changes.applyRemote(changesSince(laptop));
      const laptopSeq = lastSeq(laptop);
      const phoneSeq = lastSeq(phone);
      await laptop.api.invoke('answers.update', { id: salary.id, patch: { body: '58 k€ (laptop)' } });
      await phone.api.invoke('answers.update', { id: salary.id, patch: { body: '60 k€ (phone)' } });
      phone.context.changes.applyRemote(changesSince(laptop, laptopSeq));
      laptop.context.changes.applyRemote(changesSince(phone, phoneSeq));
      const [onLaptop, onPhone] = [await laptop.api.invoke('answers.get', { id: salary.id }), await phone.api.invoke('answers.get', { id: salary.id })];
      expect(onLaptop.versions).toEqual(onPhone.versions);
      expect(onLaptop.versionCount).toBe(3);
      expect(onLaptop.versions.map((version) => version.body).sort()).toEqual(['55–60 k€ gross a year', '58 k€ (laptop)', '60 k€ (phone)']);
    } finally {
      phone.close();
    }
  });
});
