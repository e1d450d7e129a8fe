import { beforeAll, describe, expect, it } from 'vitest';
import { useTempApp } from './support/app';
import { coreChannels, type CoreChannel } from './support/channels';
import { databaseFingerprint } from './support/fingerprint';
import { missingId, seedWorld, type World } from './support/fixtures';
import { expectError } from './support/results';

type Input = (world: World) => unknown;

/**
 * For every channel that names a row, inputs where one id names no row. Each input is otherwise valid and
 * names live rows, so NOT_FOUND can only come from the missing one.
 */
const unknownIds: Partial<Record<CoreChannel, Input[]>> = {
  'applications.get': [() => ({ id: missingId })],
  'applications.create': [
    () => ({ companyId: missingId, position: 'Developer' }),
    () => ({ companyName: 'Brand new company', position: 'Developer', stageId: missingId }),
    () => ({ companyName: 'Brand new company', position: 'Developer', contactIds: [missingId] }),
  ],
  'applications.update': [
    () => ({ id: missingId, patch: { position: 'Lead' } }),
    (w) => ({ id: w.application.id, patch: { companyId: missingId } }),
  ],
  'applications.delete': [() => ({ id: missingId })],
  'applications.restore': [(w) => ({ ids: [w.deletedApplication.id, missingId] })],
  'applications.setStage': [
    (w) => ({ id: missingId, stageId: w.stages.offer }),
    (w) => ({ id: w.application.id, stageId: missingId }),
  ],
  'applications.undoStage': [
    (w) => ({ id: missingId, eventId: w.application.stageHistory[0].id }),
    (w) => ({ id: w.application.id, eventId: missingId }),
  ],
  'applications.toggleFavorite': [() => ({ id: missingId })],
  'applications.bulkUpdate': [
    (w) => ({ ids: [w.application.id, missingId], patch: { favorite: true } }),
    (w) => ({ ids: [w.application.id], patch: { stageId: missingId } }),
  ],
  'applications.bulkDelete': [(w) => ({ ids: [w.application.id, missingId] })],
  'applications.archive': [(w) => ({ ids: [w.application.id, missingId] })],
  'applications.unarchive': [(w) => ({ ids: [w.application.id, missingId] })],

  'companies.get': [() => ({ id: missingId })],
  'companies.update': [() => ({ id: missingId, patch: { industry: 'Retail' } })],
  'companies.delete': [() => ({ id: missingId })],
  'companies.restore': [() => ({ id: missingId })],
  'companies.merge': [
    (w) => ({ targetId: missingId, sourceIds: [w.spareCompany.id] }),
    (w) => ({ targetId: w.company.id, sourceIds: [w.spareCompany.id, missingId] }),
  ],
  'companies.unmerge': [
    (w) => ({ targetId: missingId, sources: [{ id: w.spareCompany.id, applicationIds: [], contactIds: [], filledColumns: [] }] }),
    (w) => ({ targetId: w.company.id, sources: [{ id: missingId, applicationIds: [], contactIds: [], filledColumns: [] }] }),
  ],

  'interviews.get': [() => ({ id: missingId })],
  'interviews.create': [() => ({ applicationId: missingId, scheduledAt: '2030-01-01T10:00:00Z' })],
  'interviews.update': [() => ({ id: missingId, patch: { notes: 'went well' } })],
  'interviews.delete': [() => ({ id: missingId })],
  'interviews.restore': [() => ({ id: missingId })],

  'contacts.get': [() => ({ id: missingId })],
  'contacts.create': [
    () => ({ name: 'Bob', companyId: missingId }),
    (w) => ({ name: 'Bob', applicationIds: [w.application.id, missingId] }),
  ],
  'contacts.update': [
    () => ({ id: missingId, patch: { role: 'CTO' } }),
    (w) => ({ id: w.contact.id, patch: { companyId: missingId } }),
  ],
  'contacts.delete': [() => ({ id: missingId })],
  'contacts.restore': [() => ({ id: missingId })],
  'contacts.link': [
    (w) => ({ contactId: missingId, applicationId: w.application.id }),
    (w) => ({ contactId: w.contact.id, applicationId: missingId }),
  ],
  'contacts.unlink': [
    (w) => ({ contactId: missingId, applicationId: w.application.id }),
    (w) => ({ contactId: w.contact.id, applicationId: missingId }),
  ],

  'interactions.create': [
    () => ({ contactId: missingId, occurredOn: '2024-03-01', channel: 'phone' }),
    (w) => ({ contactId: w.contact.id, occurredOn: '2024-03-01', channel: 'phone', applicationId: missingId }),
  ],
  'interactions.update': [
    () => ({ id: missingId, patch: { note: 'called back' } }),
    (w) => ({ id: w.interaction.id, patch: { applicationId: missingId } }),
  ],
  'interactions.delete': [() => ({ id: missingId })],
  'interactions.restore': [() => ({ id: missingId })],

  'customFields.update': [() => ({ id: missingId, patch: { name: 'Bonus' } })],
  'customFields.reorder': [(w) => ({ ids: [w.customField.id, missingId] })],
  'customFields.delete': [() => ({ id: missingId })],
  'customFields.restore': [() => ({ id: missingId })],
  'customFields.setValue': [
    (w) => ({ applicationId: missingId, fieldId: w.customField.id, value: null }),
    (w) => ({ applicationId: w.application.id, fieldId: missingId, value: 'x' }),
  ],

  'tasks.create': [() => ({ title: 'Call back', applicationId: missingId })],
  'tasks.update': [
    () => ({ id: missingId, patch: { title: 'Call back' } }),
    (w) => ({ id: w.task.id, patch: { applicationId: missingId } }),
  ],
  'tasks.setDone': [() => ({ id: missingId, done: true })],
  'tasks.delete': [() => ({ id: missingId })],
  'tasks.restore': [() => ({ id: missingId })],

  'stages.rename': [() => ({ id: missingId, name: 'Call' })],
  'stages.reorder': [(w) => ({ ids: [w.customStage.id, w.stages.screening, missingId] })],
  'stages.delete': [
    (w) => ({ id: missingId, replacementId: w.stages.screening }),
    (w) => ({ id: w.customStage.id, replacementId: missingId }),
  ],
  'stages.restore': [
    (w) => ({ id: missingId, replacementId: w.stages.screening, toEventIds: [], fromEventIds: [] }),
    (w) => ({ id: w.customStage.id, replacementId: missingId, toEventIds: [], fromEventIds: [] }),
  ],

  'tags.update': [() => ({ id: missingId, patch: { name: 'onsite' } })],
  'tags.delete': [() => ({ id: missingId })],

  'sources.delete': [() => ({ id: missingId })],
};

/** Channels whose input names no row (lists, searches, settings, creations from scratch). */
const takesNoRowId: CoreChannel[] = [
  'app.info',
  'applications.list',
  'applications.bulkByFilter',
  'applications.duplicates',
  'companies.list',
  'companies.create',
  'companies.autocomplete',
  'interviews.list',
  'interviews.upcoming',
  'contacts.list',
  'contacts.followUps',
  'customFields.list',
  'customFields.create',
  'interactions.list',
  'tasks.list',
  'stages.list',
  'stages.create',
  'tags.list',
  'tags.create',
  'sources.list',
  'sources.create',
  'profile.get',
  'profile.update',
  'search.query',
];

const cases = Object.entries(unknownIds).flatMap(([channel, inputs]) =>
  inputs.map((input, index) => ({ name: `${channel} #${index + 1}`, channel, input })),
);

describe('an unknown id', () => {
  const handle = useTempApp('all');
  let world: World;
  beforeAll(async () => {
    world = await seedWorld(handle.api);
  });

  it('is tried on every core channel that names a row', () => {
    expect([...Object.keys(unknownIds), ...takesNoRowId].sort()).toEqual(coreChannels);
  });

  it.each(cases)('gives NOT_FOUND naming the id and changes nothing: $name', async ({ channel, input }) => {
    const before = databaseFingerprint(handle.db);
    const error = expectError(await handle.api.call(channel, input(world)), 'NOT_FOUND');
    expect(error.message).toContain(missingId);
    expect(databaseFingerprint(handle.db)).toEqual(before);
  });

  it('lists filtered by an unknown id are empty rather than errors', async () => {
    const applications = await handle.api.invoke('applications.list', { companyId: missingId });
    expect(applications).toMatchObject({ items: [], total: 0 });
    const contacts = await handle.api.invoke('contacts.list', { applicationId: missingId });
    expect(contacts).toMatchObject({ items: [], total: 0 });
    const interviews = await handle.api.invoke('interviews.list', { applicationId: missingId });
    expect(interviews).toMatchObject({ items: [], total: 0 });
  });
});
