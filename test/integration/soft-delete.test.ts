import { beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../src-main/api';
import { useTempApp } from './support/app';
import { createApplication, seedWorld, type World } from './support/fixtures';
import { expectError } from './support/results';

const has = (items: readonly { id: string }[], id: string) => items.some((item) => item.id === id);

/** Where a row of each kind shows up: every view must hide it once deleted and show it again once restored. */
interface SoftDeletable {
  id: (world: World) => string;
  remove: (api: Api, id: string) => Promise<unknown>;
  restore: (api: Api, id: string) => Promise<unknown>;
  get: (api: Api, id: string) => Promise<unknown>;
  views: Record<string, (api: Api, id: string, world: World) => Promise<boolean>>;
}

const entities: Record<string, SoftDeletable> = {
  application: {
    id: (w) => w.application.id,
    remove: (api, id) => api.invoke('applications.delete', { id }),
    restore: (api, id) => api.invoke('applications.restore', { ids: [id] }),
    get: (api, id) => api.invoke('applications.get', { id }),
    views: {
      'applications.list': async (api, id) => has((await api.invoke('applications.list', { archived: 'all' })).items, id),
      'list filtered by text': async (api, id) => has((await api.invoke('applications.list', { text: 'backend' })).items, id),
      'search.query': async (api, id) => has((await api.invoke('search.query', { text: 'backend' })).applications, id),
      'companies.get': async (api, id, w) => has((await api.invoke('companies.get', { id: w.company.id })).applications, id),
      'companies.list count': async (api, _id, w) =>
        (await api.invoke('companies.list', {})).items.find((company) => company.id === w.company.id)!.applicationCount === 1,
      'contacts.get': async (api, id, w) => has((await api.invoke('contacts.get', { id: w.contact.id })).applications, id),
      'tags.list count': async (api) => (await api.invoke('tags.list', undefined))[0].applicationCount === 1,
      'stages.list count': async (api, _id, w) =>
        (await api.invoke('stages.list', undefined)).find((stage) => stage.id === w.stages.applied)!.applicationCount === 1,
      'list filtered by source': async (api, id) => has((await api.invoke('applications.list', { sources: ['linkedin'] })).items, id),
      // Its interviews and tasks go with it.
      'interviews.list': async (api, _id, w) => has((await api.invoke('interviews.list', {})).items, w.interview.id),
      'interviews.upcoming': async (api, _id, w) => has(await api.invoke('interviews.upcoming', {}), w.interview.id),
      'tasks.list': async (api, _id, w) => has((await api.invoke('tasks.list', { status: 'all' })).items, w.task.id),
      'duplicates': async (api, id) =>
        (await api.invoke('applications.duplicates', { postingUrl: 'https://jobs.example/acme/42' })).matches.some((match) => match.application.id === id),
    },
  },
  company: {
    id: (w) => w.spareCompany.id,
    remove: (api, id) => api.invoke('companies.delete', { id }),
    restore: (api, id) => api.invoke('companies.restore', { id }),
    get: (api, id) => api.invoke('companies.get', { id }),
    views: {
      'companies.list': async (api, id) => has((await api.invoke('companies.list', {})).items, id),
      'companies.list by text': async (api, id) => has((await api.invoke('companies.list', { text: 'glob' })).items, id),
      'companies.autocomplete': async (api, id) => has(await api.invoke('companies.autocomplete', { prefix: 'glo' }), id),
      'search.query': async (api, id) => has((await api.invoke('search.query', { text: 'globex' })).companies, id),
    },
  },
  interview: {
    id: (w) => w.interview.id,
    remove: (api, id) => api.invoke('interviews.delete', { id }),
    restore: (api, id) => api.invoke('interviews.restore', { id }),
    get: (api, id) => api.invoke('interviews.get', { id }),
    views: {
      'interviews.list': async (api, id) => has((await api.invoke('interviews.list', {})).items, id),
      'interviews.upcoming': async (api, id) => has(await api.invoke('interviews.upcoming', {}), id),
      'applications.get': async (api, id, w) => has((await api.invoke('applications.get', { id: w.application.id })).interviews, id),
    },
  },
  contact: {
    id: (w) => w.contact.id,
    remove: (api, id) => api.invoke('contacts.delete', { id }),
    restore: (api, id) => api.invoke('contacts.restore', { id }),
    get: (api, id) => api.invoke('contacts.get', { id }),
    views: {
      'contacts.list': async (api, id) => has((await api.invoke('contacts.list', {})).items, id),
      'contacts.list by text': async (api, id) => has((await api.invoke('contacts.list', { text: 'martin' })).items, id),
      'search.query': async (api, id) => has((await api.invoke('search.query', { text: 'martin' })).contacts, id),
      'companies.get': async (api, id, w) => has((await api.invoke('companies.get', { id: w.company.id })).contacts, id),
      'applications.get': async (api, id, w) => has((await api.invoke('applications.get', { id: w.application.id })).contacts, id),
    },
  },
  task: {
    id: (w) => w.task.id,
    remove: (api, id) => api.invoke('tasks.delete', { id }),
    restore: (api, id) => api.invoke('tasks.restore', { id }),
    get: (api, id) => api.invoke('tasks.list', { status: 'all' }).then((page) => {
      if (!has(page.items, id)) throw Object.assign(new Error('not listed'), { code: 'NOT_FOUND' });
    }),
    views: {
      'tasks.list': async (api, id) => has((await api.invoke('tasks.list', {})).items, id),
      'tasks.list due': async (api, id) => has((await api.invoke('tasks.list', { dueOnOrBefore: '2024-12-31' })).items, id),
      'applications.get': async (api, id, w) => has((await api.invoke('applications.get', { id: w.application.id })).tasks, id),
    },
  },
};

async function visibility(api: Api, entity: SoftDeletable, id: string, world: World): Promise<Record<string, boolean>> {
  const seen: Record<string, boolean> = {};
  for (const [name, view] of Object.entries(entity.views)) seen[name] = await view(api, id, world);
  return seen;
}

const everywhere = (entity: SoftDeletable, value: boolean) =>
  Object.fromEntries(Object.keys(entity.views).map((name) => [name, value]));

describe('soft delete then restore', () => {
  const handle = useTempApp();
  let world: World;
  beforeEach(async () => {
    world = await seedWorld(handle.api);
  });

  it.each(Object.keys(entities))('hides a deleted %s everywhere, and restore brings it back everywhere', async (kind) => {
    const { api } = handle;
    const entity = entities[kind];
    const id = entity.id(world);
    expect(await visibility(api, entity, id, world)).toEqual(everywhere(entity, true));

    await entity.remove(api, id);
    expect(await visibility(api, entity, id, world)).toEqual(everywhere(entity, false));
    await expect(entity.get(api, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Still in the file, marked deleted: the delete can be undone and synced.
    const table = { application: 'applications', company: 'companies', interview: 'interviews', contact: 'contacts', task: 'tasks' }[kind]!;
    expect(handle.db.sqlite.prepare(`SELECT deleted_at FROM ${table} WHERE id = ?`).pluck().get(id)).toEqual(expect.any(String));

    await entity.restore(api, id);
    expect(await visibility(api, entity, id, world)).toEqual(everywhere(entity, true));
    await entity.get(api, id);
  });

  it('refuses to change a deleted row', async () => {
    const { api } = handle;
    await api.invoke('applications.delete', { id: world.application.id });
    await api.invoke('interviews.delete', { id: world.interview.id });
    await api.invoke('contacts.delete', { id: world.contact.id });
    await api.invoke('tasks.delete', { id: world.task.id });
    expectError(await api.call('applications.update', { id: world.application.id, patch: { notes: 'x' } }), 'NOT_FOUND');
    expectError(await api.call('applications.setStage', { id: world.application.id, stageId: world.stages.offer }), 'NOT_FOUND');
    expectError(await api.call('applications.delete', { id: world.application.id }), 'NOT_FOUND');
    expectError(await api.call('interviews.update', { id: world.interview.id, patch: { notes: 'x' } }), 'NOT_FOUND');
    expectError(await api.call('contacts.update', { id: world.contact.id, patch: { notes: 'x' } }), 'NOT_FOUND');
    expectError(await api.call('tasks.setDone', { id: world.task.id, done: true }), 'NOT_FOUND');
    // Nor attach new rows to it.
    expectError(await api.call('interviews.create', { applicationId: world.application.id, scheduledAt: '2030-01-01T10:00:00Z' }), 'NOT_FOUND');
    expectError(await api.call('tasks.create', { title: 'x', applicationId: world.application.id }), 'NOT_FOUND');
    expectError(await api.call('contacts.link', { contactId: world.contact.id, applicationId: world.application.id }), 'NOT_FOUND');
  });

  it('refuses to delete a company that still has applications', async () => {
    const error = expectError(await handle.api.call('companies.delete', { id: world.company.id }), 'CONFLICT');
    expect(error.details).toEqual({ applicationCount: 1 });
  });

  it('restoring an application brings back its company if that was deleted since', async () => {
    const { api } = handle;
    // A company of its own (one created with the application would go with it: auto-company.test.ts).
    const hooli = await api.invoke('companies.create', { name: 'Hooli' });
    const lone = await createApplication(api, { companyId: hooli.id, position: 'SRE' });
    await api.invoke('applications.delete', { id: lone.id });
    await api.invoke('companies.delete', { id: lone.companyId });
    expect(await api.invoke('applications.restore', { ids: [lone.id] })).toEqual({ count: 1 });
    expect(await api.invoke('applications.get', { id: lone.id })).toMatchObject({ companyName: 'Hooli' });
    expect(await api.invoke('companies.get', { id: lone.companyId })).toMatchObject({ name: 'Hooli', deletedAt: null });
  });

  it('restoring an application whose deleted company\'s name was taken since puts it under that company', async () => {
    const { api } = handle;
    // A company of its own (one created with the application would go with it: auto-company.test.ts).
    const hooli = await api.invoke('companies.create', { name: 'Hooli' });
    const lone = await createApplication(api, { companyId: hooli.id, position: 'SRE' });
    await api.invoke('applications.delete', { id: lone.id });
    await api.invoke('companies.delete', { id: lone.companyId });
    const newer = await api.invoke('companies.create', { name: 'HOOLI' });
    expect(await api.invoke('applications.restore', { ids: [lone.id] })).toEqual({ count: 1 });
    expect(await api.invoke('applications.get', { id: lone.id })).toMatchObject({ companyId: newer.id, companyName: 'HOOLI' });
    expect((await api.invoke('companies.list', {})).items.filter((company) => company.name.toLowerCase() === 'hooli')).toHaveLength(1);
  });

  it('refuses to restore a company whose name was taken meanwhile', async () => {
    const { api } = handle;
    await api.invoke('companies.delete', { id: world.spareCompany.id });
    await api.invoke('companies.create', { name: 'GLOBEX' });
    const error = expectError(await api.call('companies.restore', { id: world.spareCompany.id }), 'CONFLICT');
    expect(error.message).toContain('GLOBEX');
  });

  it('restore of a row that is not deleted changes nothing', async () => {
    const { api } = handle;
    const before = handle.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get();
    expect(await api.invoke('applications.restore', { ids: [world.application.id] })).toEqual({ count: 0 });
    await api.invoke('contacts.restore', { id: world.contact.id });
    await api.invoke('tasks.restore', { id: world.task.id });
    await api.invoke('interviews.restore', { id: world.interview.id });
    expect(handle.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(before);
  });
});
