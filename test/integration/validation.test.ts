import { beforeAll, describe, expect, it } from 'vitest';
import { useTempApp } from './support/app';
import { coreChannels, type CoreChannel } from './support/channels';
import { databaseFingerprint } from './support/fingerprint';
import { seedWorld, type World } from './support/fixtures';
import { expectValidation } from './support/results';

/** One wrong input: everything else about it is valid, so only `field` can be the reason it is refused. */
interface BadInput {
  input: (world: World) => unknown;
  /** Dotted path of the wrong field, as the error must report it. */
  field: string;
}

const longText = (length: number) => 'x'.repeat(length);

/**
 * At least one wrong input for every core channel. Typed by the channel list, and checked against it at run
 * time below, so a new channel without a case here fails.
 */
const badInputs: Record<CoreChannel, BadInput[]> = {
  'app.info': [{ input: () => ({ verbose: true }), field: 'verbose' }],

  'applications.list': [
    { input: () => ({ sort: { column: 'salary', direction: 'asc' } }), field: 'sort.column' },
    { input: () => ({ sort: { column: 'company', direction: 'up' } }), field: 'sort.direction' },
    { input: () => ({ limit: 0 }), field: 'limit' },
    { input: () => ({ offset: -1 }), field: 'offset' },
    { input: () => ({ appliedFrom: '2024-02-30' }), field: 'appliedFrom' },
    { input: () => ({ stageCategories: ['hired'] }), field: 'stageCategories.0' },
    { input: () => ({ archived: 'yes' }), field: 'archived' },
    { input: () => ({ salaryCurrency: 'euro' }), field: 'salaryCurrency' },
    { input: () => ({ text: longText(201) }), field: 'text' },
    { input: () => ({ sort: { column: 'custom', direction: 'asc' } }), field: 'sort.fieldId' },
    { input: () => ({ customFields: [{ fieldId: 'notes' }] }), field: 'customFields.0.fieldId' },
    { input: (w) => ({ customFields: [{ fieldId: w.customField.id, from: '2024-02-30' }] }), field: 'customFields.0.from' },
  ],
  'applications.get': [{ input: () => ({ id: 'not-a-uuid' }), field: 'id' }],
  'applications.create': [
    { input: (w) => ({ companyId: w.company.id, position: '   ' }), field: 'position' },
    { input: () => ({ position: 'Developer' }), field: 'companyName' },
    { input: (w) => ({ companyId: w.company.id, position: 'Dev', salaryMin: 60_000, salaryMax: 50_000 }), field: 'salaryMax' },
    { input: (w) => ({ companyId: w.company.id, position: 'Dev', postingUrl: 'javascript:alert(1)' }), field: 'postingUrl' },
    { input: (w) => ({ companyId: w.company.id, position: 'Dev', appliedOn: '2024-13-01' }), field: 'appliedOn' },
    { input: (w) => ({ companyId: w.company.id, position: 'Dev', employmentType: 'cdi' }), field: 'employmentType' },
    { input: (w) => ({ companyId: w.company.id, position: 'Dev', priority: 6 }), field: 'priority' },
    { input: (w) => ({ companyId: w.company.id, position: 'Dev', stageAt: 'yesterday' }), field: 'stageAt' },
    { input: (w) => ({ companyId: w.company.id, position: 'Dev', requiredSkills: ['Java', ''] }), field: 'requiredSkills.1' },
    { input: (w) => ({ companyId: w.company.id, position: 'Dev', contactIds: ['bob'] }), field: 'contactIds.0' },
    { input: (w) => ({ companyId: w.company.id, position: 'Dev', hired: true }), field: 'hired' },
  ],
  'applications.update': [
    { input: (w) => ({ id: w.application.id, patch: { position: '' } }), field: 'patch.position' },
    // The stored minimum is 45 000: a maximum below it is refused by the handler, which sees both.
    { input: (w) => ({ id: w.application.id, patch: { salaryMax: 1000 } }), field: 'patch.salaryMax' },
    { input: (w) => ({ id: w.application.id, patch: { favorite: 'yes' } }), field: 'patch.favorite' },
    { input: (w) => ({ id: w.application.id, patch: { tags: ['ok', ''] } }), field: 'patch.tags.1' },
    { input: (w) => ({ id: w.application.id, patch: { stageId: w.stages.offer } }), field: 'patch.stageId' },
    { input: (w) => ({ id: w.application.id, patch: { deadline: '2024-02-30' } }), field: 'patch.deadline' },
  ],
  'applications.delete': [{ input: () => ({ id: 42 }), field: 'id' }],
  'applications.restore': [
    { input: () => ({ ids: [] }), field: 'ids' },
    { input: (w) => ({ ids: [w.deletedApplication.id, 'nope'] }), field: 'ids.1' },
  ],
  'applications.setStage': [
    { input: (w) => ({ id: w.application.id, stageId: w.stages.offer, occurredAt: '2024-03-05 10:00' }), field: 'occurredAt' },
    { input: (w) => ({ id: w.application.id, stageId: 'offer' }), field: 'stageId' },
    { input: (w) => ({ id: w.application.id, stageId: w.stages.offer, note: longText(5001) }), field: 'note' },
  ],
  'applications.undoStage': [
    { input: (w) => ({ id: w.application.id, eventId: 'x' }), field: 'eventId' },
    { input: (w) => ({ id: w.application.id, eventId: w.application.stageHistory[0].id, appliedOn: { before: null, after: '2024-02-30' } }), field: 'appliedOn.after' },
    { input: (w) => ({ id: w.application.id, eventId: w.application.stageHistory[0].id, extra: 1 }), field: '' },
  ],
  'applications.toggleFavorite': [{ input: () => ({}), field: 'id' }],
  'applications.bulkUpdate': [
    { input: (w) => ({ ids: [w.application.id], patch: {} }), field: 'patch' },
    { input: (w) => ({ ids: [w.application.id], patch: { priority: 0 } }), field: 'patch.priority' },
    { input: (w) => ({ ids: [w.application.id], patch: { position: 'Boss' } }), field: 'patch.position' },
    { input: () => ({ ids: [], patch: { favorite: true } }), field: 'ids' },
  ],
  'applications.bulkDelete': [{ input: (w) => ({ ids: [w.application.id, 'nope'] }), field: 'ids.1' }],
  'applications.archive': [{ input: () => ({ ids: 'all' }), field: 'ids' }],
  'applications.unarchive': [{ input: (w) => ({ id: w.application.id }), field: 'ids' }],
  'applications.bulkByFilter': [
    { input: () => ({ filters: {}, action: 'explode' }), field: 'action' },
    { input: () => ({ filters: { archived: 'maybe' }, action: 'archive' }), field: 'filters.archived' },
  ],
  'applications.duplicates': [
    { input: () => ({ postingUrl: 42 }), field: 'postingUrl' },
    { input: () => ({ companyId: 'acme' }), field: 'companyId' },
  ],

  'companies.list': [
    { input: () => ({ sort: 'size' }), field: 'sort' },
    { input: () => ({ limit: 1001 }), field: 'limit' },
  ],
  'companies.get': [{ input: () => ({ id: '' }), field: 'id' }],
  'companies.create': [
    { input: () => ({ name: '' }), field: 'name' },
    { input: () => ({ name: 'Initech', website: 'ftp://initech.example' }), field: 'website' },
    { input: () => ({ name: 'Initech', size: 'huge' }), field: 'size' },
  ],
  'companies.update': [
    { input: (w) => ({ id: w.company.id, patch: { name: '  ' } }), field: 'patch.name' },
    { input: (w) => ({ id: w.company.id, patch: { website: 'acme' } }), field: 'patch.website' },
  ],
  'companies.delete': [{ input: () => ({ id: null }), field: 'id' }],
  'companies.restore': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'companies.autocomplete': [
    { input: () => ({ prefix: 'Ac', limit: 500 }), field: 'limit' },
    { input: () => ({}), field: 'prefix' },
  ],
  'companies.merge': [
    { input: (w) => ({ targetId: w.company.id, sourceIds: [w.company.id] }), field: 'sourceIds' },
    { input: (w) => ({ targetId: w.company.id, sourceIds: [] }), field: 'sourceIds' },
  ],
  'companies.unmerge': [
    { input: (w) => ({ targetId: w.company.id, sources: [] }), field: 'sources' },
    { input: (w) => ({ targetId: w.company.id, sources: [{ id: w.spareCompany.id, applicationIds: ['x'], contactIds: [], filledColumns: [] }] }), field: 'sources.0.applicationIds.0' },
  ],

  'interviews.list': [
    { input: () => ({ statuses: ['done'] }), field: 'statuses.0' },
    { input: () => ({ from: '2024-01-01' }), field: 'from' },
  ],
  'interviews.upcoming': [{ input: () => ({ limit: -1 }), field: 'limit' }],
  'interviews.get': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'interviews.create': [
    { input: (w) => ({ applicationId: w.application.id, scheduledAt: 'next monday' }), field: 'scheduledAt' },
    { input: (w) => ({ applicationId: w.application.id, scheduledAt: '2030-01-01T10:00:00Z', durationMinutes: 0 }), field: 'durationMinutes' },
    { input: (w) => ({ applicationId: w.application.id, scheduledAt: '2030-01-01T10:00:00Z', format: 'carrier pigeon' }), field: 'format' },
    { input: () => ({ scheduledAt: '2030-01-01T10:00:00Z' }), field: 'applicationId' },
  ],
  'interviews.update': [
    { input: (w) => ({ id: w.interview.id, patch: { status: 'postponed' } }), field: 'patch.status' },
    { input: (w) => ({ id: w.interview.id, patch: { applicationId: w.application.id } }), field: 'patch.applicationId' },
    { input: (w) => ({ id: w.interview.id, patch: { meetingUrl: 'zoom' } }), field: 'patch.meetingUrl' },
  ],
  'interviews.delete': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'interviews.restore': [{ input: () => ({ id: 'x' }), field: 'id' }],

  'contacts.list': [{ input: () => ({ companyId: 'acme' }), field: 'companyId' }],
  'contacts.get': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'contacts.create': [
    { input: () => ({ name: 'Bob', email: 'bob@' }), field: 'email' },
    { input: () => ({ name: '' }), field: 'name' },
    { input: () => ({ name: 'Bob', applicationIds: ['x'] }), field: 'applicationIds.0' },
  ],
  'contacts.update': [
    { input: (w) => ({ id: w.contact.id, patch: { linkedinUrl: 'linkedin.com/in/bob' } }), field: 'patch.linkedinUrl' },
    { input: (w) => ({ id: w.contact.id, patch: { nextFollowUpOn: '2024-13-01' } }), field: 'patch.nextFollowUpOn' },
  ],
  'contacts.delete': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'contacts.restore': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'contacts.link': [{ input: (w) => ({ contactId: w.contact.id, applicationId: 'x' }), field: 'applicationId' }],
  'contacts.unlink': [{ input: (w) => ({ contactId: 'x', applicationId: w.application.id }), field: 'contactId' }],

  'interactions.list': [{ input: () => ({ contactId: 'bob' }), field: 'contactId' }],
  'interactions.create': [
    { input: (w) => ({ contactId: w.contact.id, occurredOn: '2024-02-30', channel: 'phone' }), field: 'occurredOn' },
    { input: (w) => ({ contactId: w.contact.id, occurredOn: '2024-03-01', channel: 'fax' }), field: 'channel' },
    { input: (w) => ({ contactId: w.contact.id, occurredOn: '2024-03-01', channel: 'phone', note: longText(20_001) }), field: 'note' },
    { input: (w) => ({ contactId: w.contact.id, occurredOn: '2024-03-01', channel: 'phone', nextFollowUpOn: 'next week' }), field: 'nextFollowUpOn' },
    { input: () => ({ occurredOn: '2024-03-01', channel: 'phone' }), field: 'contactId' },
  ],
  'interactions.update': [
    { input: (w) => ({ id: w.interaction.id, patch: { occurredOn: '' } }), field: 'patch.occurredOn' },
    // The contact of an entry is fixed: log a new entry for someone else.
    { input: (w) => ({ id: w.interaction.id, patch: { contactId: w.contact.id } }), field: 'patch.contactId' },
  ],
  'interactions.delete': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'interactions.restore': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'contacts.followUps': [{ input: () => ({ dueOnOrBefore: 'today' }), field: 'dueOnOrBefore' }],

  'customFields.list': [{ input: () => ({ withValues: true }), field: 'withValues' }],
  'customFields.create': [
    { input: () => ({ name: 'Bonus', kind: 'money' }), field: 'kind' },
    { input: () => ({ name: '  ', kind: 'text' }), field: 'name' },
    { input: () => ({ name: 'Referral', kind: 'choice' }), field: 'choices' },
    { input: () => ({ name: 'Referral', kind: 'choice', choices: ['Yes', 'yes'] }), field: 'choices' },
    { input: () => ({ name: 'Notes 2', kind: 'text', choices: ['a'] }), field: 'choices' },
  ],
  'customFields.update': [
    { input: (w) => ({ id: w.customField.id, patch: { name: '' } }), field: 'patch.name' },
    { input: (w) => ({ id: w.customField.id, patch: { choices: [] } }), field: 'patch.choices' },
    { input: (w) => ({ id: w.customField.id, patch: { kind: 'text' } }), field: 'patch.kind' },
    // An option id the field does not have (the handler sees it).
    { input: (w) => ({ id: w.customField.id, patch: { choices: [{ id: w.application.id, label: 'Other' }] } }), field: 'patch.choices.0.id' },
  ],
  'customFields.reorder': [
    { input: () => ({ ids: [] }), field: 'ids' },
    { input: () => ({ ids: ['x'] }), field: 'ids.0' },
  ],
  'customFields.delete': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'customFields.restore': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'customFields.setValue': [
    // Not one of the field's options (the handler checks the value against the field's kind).
    { input: (w) => ({ applicationId: w.application.id, fieldId: w.customField.id, value: 'Agency' }), field: 'value' },
    { input: (w) => ({ applicationId: w.application.id, fieldId: w.customField.id, value: { id: 'x' } }), field: 'value' },
    { input: (w) => ({ applicationId: w.application.id, fieldId: w.customField.id, value: 'x'.repeat(2001) }), field: 'value' },
  ],

  'tasks.list': [{ input: () => ({ status: 'late' }), field: 'status' }],
  'tasks.create': [
    { input: () => ({ title: 'Call back', dueOn: '31/12/2024' }), field: 'dueOn' },
    { input: () => ({ title: longText(301) }), field: 'title' },
  ],
  'tasks.update': [{ input: (w) => ({ id: w.task.id, patch: { title: '' } }), field: 'patch.title' }],
  'tasks.setDone': [{ input: (w) => ({ id: w.task.id, done: 'yes' }), field: 'done' }],
  'tasks.delete': [{ input: () => ({ id: 'x' }), field: 'id' }],
  'tasks.restore': [{ input: () => ({ id: 'x' }), field: 'id' }],

  'stages.list': [{ input: () => ({ all: true }), field: 'all' }],
  'stages.create': [
    { input: () => ({ name: 'Hired', category: 'hired' }), field: 'category' },
    { input: () => ({ name: '', category: 'offer' }), field: 'name' },
  ],
  'stages.rename': [{ input: (w) => ({ id: w.customStage.id, name: '' }), field: 'name' }],
  'stages.reorder': [
    { input: () => ({ ids: [] }), field: 'ids' },
    // Only one of the two screening stages: the handler refuses a partial order.
    { input: (w) => ({ ids: [w.customStage.id] }), field: 'ids' },
    // Two categories in one order.
    { input: (w) => ({ ids: [w.customStage.id, w.stages.screening, w.stages.offer] }), field: 'ids' },
  ],
  'stages.delete': [{ input: (w) => ({ id: w.customStage.id, replacementId: w.customStage.id }), field: 'replacementId' }],
  'stages.restore': [{ input: (w) => ({ id: w.customStage.id, replacementId: w.stages.screening, toEventIds: ['x'], fromEventIds: [] }), field: 'toEventIds.0' }],

  'tags.list': [{ input: () => ({ withCounts: true }), field: 'withCounts' }],
  'tags.create': [{ input: () => ({ name: 'urgent', color: 'red' }), field: 'color' }],
  'tags.update': [{ input: (w) => ({ id: w.tag.id, patch: { name: '' } }), field: 'patch.name' }],
  'tags.delete': [{ input: () => ({ id: 'x' }), field: 'id' }],

  'sources.list': [{ input: () => ({ builtIn: false }), field: 'builtIn' }],
  'sources.create': [{ input: () => ({ name: ' ' }), field: 'name' }],
  'sources.delete': [{ input: () => ({ id: 'linkedin' }), field: 'id' }],

  'profile.get': [{ input: () => ({ name: 'me' }), field: 'name' }],
  'profile.update': [
    { input: () => ({ weeklyGoal: -1 }), field: 'weeklyGoal' },
    { input: () => ({ defaultCurrency: 'euro' }), field: 'defaultCurrency' },
    { input: () => ({ theme: 'blue' }), field: 'theme' },
    { input: () => ({ skills: ['TypeScript', 42] }), field: 'skills.1' },
  ],

  'search.query': [
    { input: () => ({ text: '   ' }), field: 'text' },
    { input: () => ({ text: 'acme', limit: 100 }), field: 'limit' },
  ],
};

const cases = Object.entries(badInputs).flatMap(([channel, inputs]) =>
  inputs.map((bad, index) => ({ name: `${channel} #${index + 1} (${bad.field})`, channel, ...bad })),
);

describe('a wrong input', () => {
  const handle = useTempApp('all');
  let world: World;
  beforeAll(async () => {
    world = await seedWorld(handle.api);
  });

  it('is checked with a fingerprint that sees any write', async () => {
    const before = databaseFingerprint(handle.db);
    await handle.api.invoke('profile.update', { weeklyGoal: 3 });
    const after = databaseFingerprint(handle.db);
    expect(after).not.toEqual(before);
    expect(after.change_log.rows).toBe(before.change_log.rows + 1);
    await handle.api.invoke('profile.update', { weeklyGoal: null });
  });

  it('has a case for every core channel', () => {
    expect(Object.keys(badInputs).sort()).toEqual(coreChannels);
  });

  it.each(cases)('is refused with VALIDATION naming the field and changes nothing: $name', async ({ channel, input, field }) => {
    const before = databaseFingerprint(handle.db);
    const result = await handle.api.call(channel, input(world));
    expectValidation(result, field);
    expect(databaseFingerprint(handle.db)).toEqual(before);
  });
});
