import { describe, expect, it } from 'vitest';
import { useTempApp } from './support/app';
import { databaseFingerprint } from './support/fingerprint';
import { createApplication } from './support/fixtures';
import { expectError } from './support/results';

describe('sources', () => {
  const handle = useTempApp();

  it('refuses a custom source that repeats a built-in one or another custom one', async () => {
    const { api } = handle;
    await api.invoke('sources.create', { name: 'Meetup' });
    for (const name of ['LinkedIn', 'France Travail', 'welcome to the jungle', 'Company site', 'Job-fair', 'E-mail', 'Cooptation', "Site de l'entreprise", 'MEETUP', 'Méetup']) {
      const before = databaseFingerprint(handle.db);
      const error = expectError(await api.call('sources.create', { name }), 'CONFLICT');
      expect(error.issues, name).toEqual([expect.objectContaining({ path: 'name' })]);
      expect(databaseFingerprint(handle.db)).toEqual(before);
    }
  });

  it('lists custom sources with their use, including values only found on applications', async () => {
    const { api } = handle;
    const saved = await api.invoke('sources.create', { name: 'Meetup' });
    const meetupId = saved.custom[0].id;
    await createApplication(api, { source: 'Meetup' });
    await createApplication(api, { source: 'Meetup', position: 'Second' });
    await createApplication(api, { source: 'Slack community', position: 'Third' });
    await createApplication(api, { source: 'linkedin', position: 'Fourth' });
    const deleted = await createApplication(api, { source: 'Slack community', position: 'Deleted' });
    await api.invoke('applications.delete', { id: deleted.id });
    expect((await api.invoke('sources.list', undefined)).custom).toEqual([
      { id: meetupId, name: 'Meetup', applicationCount: 2 },
      { id: null, name: 'Slack community', applicationCount: 1 },
    ]);
    // Deleting the saved source leaves the applications alone; the value still shows as found on them.
    expect((await api.invoke('sources.delete', { id: meetupId! })).custom).toEqual([
      { id: null, name: 'Meetup', applicationCount: 2 },
      { id: null, name: 'Slack community', applicationCount: 1 },
    ]);
  });
});

describe('tags', () => {
  const handle = useTempApp();

  it('are unique ignoring case and accents', async () => {
    const { api } = handle;
    const remote = await api.invoke('tags.create', { name: 'Télétravail' });
    const other = await api.invoke('tags.create', { name: 'startup' });
    expectError(await api.call('tags.create', { name: 'teletravail' }), 'CONFLICT');
    expectError(await api.call('tags.update', { id: other.id, patch: { name: 'TÉLÉTRAVAIL' } }), 'CONFLICT');
    expect(await api.invoke('tags.update', { id: remote.id, patch: { name: 'télétravail' } })).toMatchObject({ name: 'télétravail' });
    // Tagging an application with another spelling reuses the tag.
    const application = await createApplication(api, { tags: ['TELETRAVAIL', 'Startup'] });
    expect(application.tags.sort()).toEqual(['startup', 'télétravail']);
    expect((await api.invoke('tags.list', undefined)).map((tag) => [tag.name, tag.applicationCount])).toEqual([
      ['startup', 1],
      ['télétravail', 1],
    ]);
  });

  it('come back on an application that had them, without a second link', async () => {
    const { api } = handle;
    const application = await createApplication(api, { tags: ['remote'] });
    await api.invoke('applications.update', { id: application.id, patch: { tags: [] } });
    await api.invoke('applications.update', { id: application.id, patch: { tags: ['Remote'] } });
    expect((await api.invoke('applications.get', { id: application.id })).tags).toEqual(['remote']);
    const links = handle.db.sqlite.prepare(`SELECT count(*) FROM application_tags WHERE application_id = ?`).pluck().get(application.id);
    expect(links).toBe(1);
  });
});
