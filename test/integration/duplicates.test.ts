import { beforeEach, describe, expect, it } from 'vitest';
import type { DuplicatesInput, StageCategory } from '../../src-shared/contract';
import { useTempApp } from './support/app';
import { createApplication, firstStages } from './support/fixtures';

describe('applications.duplicates', () => {
  const handle = useTempApp();
  let stages: Record<StageCategory, string>;
  beforeEach(async () => {
    stages = await firstStages(handle.api);
  });

  const matches = async (input: DuplicatesInput) =>
    (await handle.api.invoke('applications.duplicates', input)).matches.map((match) => [match.application.id, match.reason]);

  it('finds the same posting URL whatever its tracking parameters, fragment, trailing slash or host case', async () => {
    const original = await createApplication(handle.api, { postingUrl: 'https://jobs.example/offers/123?ref=abc&utm_source=linkedin' });
    for (const url of [
      'https://jobs.example/offers/123?ref=abc',
      'https://JOBS.example/offers/123/?ref=abc#apply',
      'https://jobs.example/offers/123?utm_medium=mail&ref=abc&utm_campaign=x',
      'http://jobs.example/offers/123/?ref=abc',
    ]) {
      expect(await matches({ postingUrl: url }), url).toEqual([[original.id, 'same_url']]);
    }
    for (const url of ['https://jobs.example/offers/124?ref=abc', 'https://jobs.example/offers/123?ref=xyz', 'https://other.example/offers/123?ref=abc']) {
      expect(await matches({ postingUrl: url }), url).toEqual([]);
    }
  });

  it('finds similar positions at the same company, ignoring case, accents and "H/F"', async () => {
    const java = await createApplication(handle.api, { companyName: 'Société Générale', position: 'Développeur Java H/F' });
    await createApplication(handle.api, { companyName: 'Société Générale', position: 'Chef de projet' });
    await createApplication(handle.api, { companyName: 'Orange', position: 'Développeur Java' });
    expect(await matches({ companyName: 'societe generale', position: 'développeur java' })).toEqual([[java.id, 'similar_position']]);
    expect(await matches({ companyId: java.companyId, position: 'DEVELOPPEUR JAVA (F/H)' })).toEqual([[java.id, 'similar_position']]);
    expect(await matches({ companyId: java.companyId, position: 'Développeur Python' })).toEqual([]);
    // Editing the application itself does not flag it.
    expect(await matches({ companyId: java.companyId, position: 'Développeur Java', excludeId: java.id })).toEqual([]);
  });

  it('reports the same URL rather than a similar position when both hold', async () => {
    const application = await createApplication(handle.api, { position: 'Data engineer', postingUrl: 'https://jobs.example/1' });
    expect(await matches({ companyName: 'Acme', position: 'Data engineer', postingUrl: 'https://jobs.example/1/' })).toEqual([[application.id, 'same_url']]);
  });

  it('recalls what happened the previous times at this company', async () => {
    const { api } = handle;
    const outcomes: (StageCategory | null)[] = ['rejected', 'rejected', 'ghosted', 'withdrawn', null];
    const created = [];
    for (const [index, outcome] of outcomes.entries()) {
      const application = await createApplication(api, { position: `Role ${index}` });
      created.push(application);
      if (outcome) await api.invoke('applications.setStage', { id: application.id, stageId: stages[outcome] });
    }
    // Deleted applications are forgotten.
    await api.invoke('applications.delete', { id: created[1].id });
    const result = await api.invoke('applications.duplicates', { companyName: 'ACME', position: 'Something else' });
    expect(result).toEqual({ matches: [], companyHistory: { total: 4, rejected: 1, ghosted: 1, withdrawn: 1 } });
    const excluding = await api.invoke('applications.duplicates', { companyName: 'acme', excludeId: created[0].id });
    expect(excluding.companyHistory).toEqual({ total: 3, rejected: 0, ghosted: 1, withdrawn: 1 });
    expect((await api.invoke('applications.duplicates', { companyName: 'Nobody Inc' })).companyHistory).toBeNull();
  });

  it('ignores deleted applications', async () => {
    const application = await createApplication(handle.api, { postingUrl: 'https://jobs.example/9' });
    await handle.api.invoke('applications.delete', { id: application.id });
    expect(await matches({ companyName: 'Acme', position: 'Developer', postingUrl: 'https://jobs.example/9' })).toEqual([]);
  });
});
