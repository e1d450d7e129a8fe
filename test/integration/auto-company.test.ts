import { describe, expect, it } from 'vitest';
import { useTempApp } from './support/app';
import { createApplication } from './support/fixtures';

/**
 * Issue 19, item 9: a company typed as a new name in the application form is created with it; deleting that
 * application must not leave it behind with 0 applications. It goes with the application (through the write path,
 * so sync sees it) and comes back with it on Undo. A company with a life of its own stays.
 */
const handle = useTempApp();
const companyNames = async () => (await handle.api.invoke('companies.list', {})).items.map((company) => company.name).sort();

describe('a company created with an application', () => {
  it('goes when its only application is deleted, and comes back with it', async () => {
    const { api } = handle;
    const application = await createApplication(api, { companyName: 'Typo Corp', position: 'Developer' });
    await createApplication(api, { companyName: 'Kept Inc', position: 'Designer' });
    await api.invoke('applications.delete', { id: application.id });
    expect(await companyNames()).toEqual(['Kept Inc']);
    await api.invoke('applications.restore', { ids: [application.id] });
    expect(await companyNames()).toEqual(['Kept Inc', 'Typo Corp']);
    expect((await api.invoke('applications.get', { id: application.id })).company).toMatchObject({ name: 'Typo Corp', deletedAt: null });
  });

  it('goes with a bulk deletion of all its applications, not with the deletion of one of two', async () => {
    const { api } = handle;
    const first = await createApplication(api, { companyName: 'Twice Ltd', position: 'One' });
    const second = await createApplication(api, { companyId: first.companyId, position: 'Two' });
    await api.invoke('applications.delete', { id: second.id });
    expect(await companyNames()).toEqual(['Twice Ltd']);
    const third = await createApplication(api, { companyName: 'Bulk SA', position: 'Three' });
    await api.invoke('applications.bulkDelete', { ids: [first.id, third.id] });
    // Twice Ltd was created with `first`: it goes once no live application is left.
    expect(await companyNames()).toEqual([]);
  });

  it('stays when it was created on its own, has contacts, or details the user wrote', async () => {
    const { api } = handle;
    const own = await api.invoke('companies.create', { name: 'Chosen GmbH' });
    const a = await createApplication(api, { companyId: own.id, position: 'A' });
    const b = await createApplication(api, { companyName: 'Known People', position: 'B' });
    await api.invoke('contacts.create', { name: 'Ana', companyId: b.companyId });
    const c = await createApplication(api, { companyName: 'Described', position: 'C' });
    await api.invoke('companies.update', { id: c.companyId, patch: { industry: 'Retail' } });
    await api.invoke('applications.bulkDelete', { ids: [a.id, b.id, c.id] });
    expect(await companyNames()).toEqual(['Chosen GmbH', 'Described', 'Known People']);
  });
});
