import { describe, expect, it } from 'vitest';
import type { Api } from '../../src-main/api';
import { useTempApp } from './support/app';
import { createApplication } from './support/fixtures';
import { expectOk } from './support/results';

/** Ids of the applications the global search and the list's text filter find: both must agree. */
async function found(api: Api, text: string): Promise<string[]> {
  const search = (await api.invoke('search.query', { text, limit: 50 })).applications.map((item) => item.id).sort();
  const list = (await api.invoke('applications.list', { text, archived: 'all' })).items.map((item) => item.id).sort();
  expect(list, `list and search disagree on "${text}"`).toEqual(search);
  return search;
}

describe('full-text search of applications', () => {
  const handle = useTempApp();

  it('follows create, update, delete and restore', async () => {
    const { api } = handle;
    expect(await found(api, 'kotlin')).toEqual([]);
    const application = await createApplication(api, { position: 'Kotlin developer', location: 'Grenoble', notes: 'Met them at Devoxx' });
    expect(await found(api, 'kotlin')).toEqual([application.id]);
    expect(await found(api, 'grenoble')).toEqual([application.id]);
    expect(await found(api, 'devoxx')).toEqual([application.id]);

    await api.invoke('applications.update', { id: application.id, patch: { position: 'Rust developer', description: 'Embedded systems' } });
    expect(await found(api, 'kotlin')).toEqual([]);
    expect(await found(api, 'rust')).toEqual([application.id]);
    expect(await found(api, 'embedded')).toEqual([application.id]);

    await api.invoke('applications.delete', { id: application.id });
    expect(await found(api, 'rust')).toEqual([]);
    await api.invoke('applications.restore', { ids: [application.id] });
    expect(await found(api, 'rust')).toEqual([application.id]);
  });

  it('ignores accents and case both ways, and matches word prefixes', async () => {
    const { api } = handle;
    const accented = await createApplication(api, { companyName: 'Société Générale', position: 'Développeur Java H/F' });
    const plain = await createApplication(api, { companyName: 'Orange', position: 'developpeur backend', location: 'Evry' });
    const both = [accented.id, plain.id].sort();
    expect(await found(api, 'developpeur')).toEqual(both);
    expect(await found(api, 'DÉVELOPPEUR')).toEqual(both);
    expect(await found(api, 'dévelop')).toEqual(both);
    expect(await found(api, 'dev')).toEqual(both);
    expect(await found(api, 'societe generale')).toEqual([accented.id]);
    expect(await found(api, 'SOCIÉTÉ')).toEqual([accented.id]);
    expect(await found(api, 'évry')).toEqual([plain.id]);
    // Every word must match.
    expect(await found(api, 'dev java')).toEqual([accented.id]);
    expect(await found(api, 'dev cobol')).toEqual([]);
    // A prefix matches the start of a word only.
    expect(await found(api, 'veloppeur')).toEqual([]);
  });

  it('follows a company rename and a company merge', async () => {
    const { api } = handle;
    const application = await createApplication(api, { companyName: 'Acme', position: 'Developer' });
    await api.invoke('companies.update', { id: application.companyId, patch: { name: 'Initech' } });
    expect(await found(api, 'acme')).toEqual([]);
    expect(await found(api, 'initech')).toEqual([application.id]);

    const target = await api.invoke('companies.create', { name: 'Globex' });
    await api.invoke('companies.merge', { targetId: target.id, sourceIds: [application.companyId] });
    expect(await found(api, 'initech')).toEqual([]);
    expect(await found(api, 'globex')).toEqual([application.id]);
  });

  it('follows tags: added, renamed, removed, deleted', async () => {
    const { api } = handle;
    const application = await createApplication(api, { position: 'Developer', tags: ['remote'] });
    expect(await found(api, 'remote')).toEqual([application.id]);
    const tag = (await api.invoke('tags.list', undefined))[0];
    await api.invoke('tags.update', { id: tag.id, patch: { name: 'Télétravail' } });
    expect(await found(api, 'remote')).toEqual([]);
    expect(await found(api, 'teletravail')).toEqual([application.id]);

    await api.invoke('applications.update', { id: application.id, patch: { tags: ['startup'] } });
    expect(await found(api, 'teletravail')).toEqual([]);
    expect(await found(api, 'startup')).toEqual([application.id]);

    await api.invoke('applications.bulkUpdate', { ids: [application.id], patch: { addTags: ['fintech'] } });
    expect(await found(api, 'fintech')).toEqual([application.id]);

    const startup = (await api.invoke('tags.list', undefined)).find((candidate) => candidate.name === 'startup')!;
    await api.invoke('tags.delete', { id: startup.id });
    expect(await found(api, 'startup')).toEqual([]);
    expect(await found(api, 'fintech')).toEqual([application.id]);
  });

  const syntax = [
    '"', '""', '"unbalanced', "l'oréal", '*', 'dev*', '-java', 'java -python', 'NEAR', 'NEAR(java dev)', 'java NEAR/2 dev',
    '(', ')', '(java', 'java)', 'AND', 'OR', 'NOT', 'java OR', 'NOT java', '^java', 'position:dev', 'company : x', '{position}',
    '+', '\\', '%', '_', '%_%', 'c++', 'c#', '.net', ':', '-', '^', '$', '\u0000', '🙂', '   *  ',
  ];

  it.each(syntax)('never errors on FTS syntax characters in user text: %j', async (text) => {
    const { api } = handle;
    const application = await createApplication(api, { position: `Near-shore (C++/C#) .NET dev "senior" ${text}`, notes: text });
    for (const [channel, input] of [
      ['search.query', { text }],
      ['applications.list', { text }],
      ['companies.list', { text }],
      ['contacts.list', { text }],
      ['companies.autocomplete', { prefix: text }],
      ['applications.duplicates', { companyName: text, position: text, postingUrl: text }],
    ] as const) {
      const result = await api.call(channel, input);
      // Blank text is refused as such by search.query; everything else must work.
      if (!result.ok && result.error.code === 'VALIDATION' && channel === 'search.query' && text.trim() === '') continue;
      expectOk(result);
    }
    // Text made of words still finds what it names.
    expect(await found(api, 'near')).toEqual([application.id]);
  });

  it('finds C++ and .NET positions by their words', async () => {
    const { api } = handle;
    const application = await createApplication(api, { position: 'C++ / .NET engineer (NEAR-shore)' });
    expect(await found(api, 'c++')).toEqual([application.id]);
    expect(await found(api, '.net')).toEqual([application.id]);
    expect(await found(api, 'near-shore')).toEqual([application.id]);
  });
});

describe('search of companies and contacts', () => {
  const handle = useTempApp();

  it('ignores accents and case in company and contact names', async () => {
    const { api } = handle;
    const company = await api.invoke('companies.create', { name: 'Société Générale' });
    const contact = await api.invoke('contacts.create', { name: 'Hélène Dupré', role: 'Chargée de recrutement', companyId: company.id });
    for (const text of ['societe', 'SOCIÉTÉ', 'générale']) {
      expect((await api.invoke('search.query', { text })).companies.map((item) => item.id), text).toEqual([company.id]);
      expect((await api.invoke('companies.list', { text })).items.map((item) => item.id), text).toEqual([company.id]);
      expect((await api.invoke('companies.autocomplete', { prefix: text })).map((item) => item.id), text).toEqual([company.id]);
    }
    for (const text of ['helene', 'HÉLÈNE', 'dupre', 'Dupré']) {
      expect((await api.invoke('search.query', { text })).contacts.map((item) => item.id), text).toEqual([contact.id]);
      expect((await api.invoke('contacts.list', { text })).items.map((item) => item.id), text).toEqual([contact.id]);
    }
    // The contact list also matches on the role and the company.
    expect((await api.invoke('contacts.list', { text: 'chargee' })).items.map((item) => item.id)).toEqual([contact.id]);
    expect((await api.invoke('contacts.list', { text: 'generale' })).items.map((item) => item.id)).toEqual([contact.id]);
  });

  it('treats % and _ in the text as themselves', async () => {
    const { api } = handle;
    await api.invoke('companies.create', { name: 'Axb' });
    const underscored = await api.invoke('companies.create', { name: 'A_b' });
    expect((await api.invoke('companies.list', { text: 'a_b' })).items.map((item) => item.id)).toEqual([underscored.id]);
    expect((await api.invoke('companies.list', { text: '%' })).items).toEqual([]);
  });
});
