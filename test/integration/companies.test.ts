import { describe, expect, it } from 'vitest';
import { useTempApp } from './support/app';
import { databaseFingerprint } from './support/fingerprint';
import { createApplication, firstStages } from './support/fixtures';
import { expectError } from './support/results';

describe('company names', () => {
  const handle = useTempApp();

  it('are unique ignoring case, accents and spacing', async () => {
    const { api } = handle;
    const company = await api.invoke('companies.create', { name: 'Société Générale' });
    for (const name of ['societe generale', 'SOCIÉTÉ  GÉNÉRALE', ' Societe Generale ']) {
      const before = databaseFingerprint(handle.db);
      const error = expectError(await api.call('companies.create', { name }), 'CONFLICT');
      expect(error.issues).toEqual([expect.objectContaining({ path: 'name' })]);
      expect(error.details).toMatchObject({ id: company.id });
      expect(databaseFingerprint(handle.db)).toEqual(before);
    }
    // An application naming it lands in it rather than in a twin.
    const application = await createApplication(api, { companyName: 'societe generale' });
    expect(application.companyId).toBe(company.id);
    expect((await api.invoke('companies.list', {})).total).toBe(1);
  });

  it('refuses a rename onto another company, allows a change of case of its own name', async () => {
    const { api } = handle;
    const acme = await api.invoke('companies.create', { name: 'Acme' });
    await api.invoke('companies.create', { name: 'Électricité de France' });
    const error = expectError(await api.call('companies.update', { id: acme.id, patch: { name: 'electricite de france' } }), 'CONFLICT');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'patch.name' })]);
    expect(await api.invoke('companies.update', { id: acme.id, patch: { name: 'ACME' } })).toMatchObject({ name: 'ACME' });
    // Renaming through an application to an existing name moves it there instead.
    const application = await createApplication(api, { companyId: acme.id });
    const moved = await api.invoke('applications.update', { id: application.id, patch: { companyName: 'ÉLECTRICITÉ DE FRANCE' } });
    expect(moved.companyName).toBe('Électricité de France');
  });

  it('of a deleted company are free again', async () => {
    const { api } = handle;
    const old = await api.invoke('companies.create', { name: 'Globex' });
    await api.invoke('companies.delete', { id: old.id });
    const fresh = await api.invoke('companies.create', { name: 'globex' });
    expect(fresh.id).not.toBe(old.id);
  });
});

describe('companies.merge', () => {
  const handle = useTempApp();

  it('moves applications (deleted ones too) and contacts, fills empty fields, and retires the sources', async () => {
    const { api } = handle;
    const stages = await firstStages(api);
    const target = await api.invoke('companies.create', { name: 'Acme', industry: 'Software' });
    const twin = await api.invoke('companies.create', { name: 'ACME Corp', industry: 'Retail', website: 'https://acme.example', size: '51-200' });
    const third = await api.invoke('companies.create', { name: 'Acme SAS', location: 'Lyon', website: 'https://acme.fr' });
    const kept = await createApplication(api, { companyId: target.id, position: 'Kept' });
    const moved = await createApplication(api, { companyId: twin.id, position: 'Moved', appliedOn: '2024-01-01' });
    await api.invoke('applications.setStage', { id: moved.id, stageId: stages.rejected, occurredAt: '2024-01-11T10:00:00Z' });
    const movedDeleted = await createApplication(api, { companyId: third.id, position: 'Deleted' });
    await api.invoke('applications.delete', { id: movedDeleted.id });
    const contact = await api.invoke('contacts.create', { name: 'Ana', companyId: twin.id });

    const merged = await api.invoke('companies.merge', { targetId: target.id, sourceIds: [twin.id, third.id, twin.id] });
    expect(merged).toMatchObject({ name: 'Acme', industry: 'Software', website: 'https://acme.example/', size: '51-200', location: 'Lyon' });
    expect(merged.applications.map((application) => application.position).sort()).toEqual(['Kept', 'Moved']);
    expect(merged.applications.find((application) => application.id === moved.id)).toMatchObject({ stageCategory: 'rejected', daysToFirstResponse: 10 });
    expect(merged.contacts.map((item) => item.id)).toEqual([contact.id]);
    expect(await api.invoke('contacts.get', { id: contact.id })).toMatchObject({ companyId: target.id, companyName: 'Acme' });
    for (const source of [twin, third]) expectError(await api.call('companies.get', { id: source.id }), 'NOT_FOUND');
    expect((await api.invoke('companies.list', {})).items.map((company) => company.name)).toEqual(['Acme']);
    // The history of the merged companies now counts for the target.
    expect((await api.invoke('applications.duplicates', { companyId: target.id })).companyHistory).toEqual({ total: 2, rejected: 1, ghosted: 0, withdrawn: 0 });
    // A deleted application that is restored comes back under the target.
    await api.invoke('applications.restore', { ids: [movedDeleted.id] });
    expect(await api.invoke('applications.get', { id: movedDeleted.id })).toMatchObject({ companyId: target.id });
    expect(kept.companyId).toBe(target.id);
  });

  it('refuses a deleted source and writes nothing', async () => {
    const { api } = handle;
    const target = await api.invoke('companies.create', { name: 'Acme' });
    const gone = await api.invoke('companies.create', { name: 'Gone' });
    const live = await api.invoke('companies.create', { name: 'Live' });
    await createApplication(api, { companyId: live.id });
    await api.invoke('companies.delete', { id: gone.id });
    const before = databaseFingerprint(handle.db);
    expectError(await api.call('companies.merge', { targetId: target.id, sourceIds: [live.id, gone.id] }), 'NOT_FOUND');
    expect(databaseFingerprint(handle.db)).toEqual(before);
  });
});
