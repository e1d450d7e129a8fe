import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../migrations';
import type { Api } from '../../src-main/api';
import { useTempApp, type AppHandle } from './support/app';
import { coreChannels, type CoreChannel } from './support/channels';
import { createApplication, seedWorld, type World } from './support/fixtures';
import { expectError } from './support/results';

type Case = (api: Api, world: World, handle: AppHandle) => Promise<void>;

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** The ordinary use of every core channel, on a small linked data set, with what it must give back. */
const happyPaths: Record<CoreChannel, Case> = {
  'app.info': async (api, _w, handle) => {
    const info = await api.invoke('app.info', undefined);
    expect(info).toMatchObject({ version: '0.1.0', shell: 'browser', dataDir: handle.app.dir, schemaVersion: latestSchemaVersion });
    expect(path.dirname(info.databasePath)).toBe(handle.app.dir);
  },

  'applications.list': async (api, w) => {
    const page = await api.invoke('applications.list', {});
    expect(page).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(page.items).toEqual([
      expect.objectContaining({
        id: w.application.id,
        companyName: 'Acme',
        position: 'Backend developer',
        stageCategory: 'applied',
        tags: ['remote'],
        salaryMin: 45_000,
        appliedOn: '2024-03-01',
      }),
    ]);
  },
  'applications.get': async (api, w) => {
    const detail = await api.invoke('applications.get', { id: w.application.id });
    expect(detail.company).toMatchObject({ id: w.company.id, name: 'Acme', website: 'https://acme.example/' });
    expect(detail.stageHistory).toEqual([
      expect.objectContaining({ fromStageId: null, toStageId: w.stages.applied, toCategory: 'applied', occurredAt: '2024-03-01T12:00:00.000Z' }),
    ]);
    expect(ids(detail.interviews)).toEqual([w.interview.id]);
    expect(ids(detail.tasks)).toEqual([w.task.id]);
    expect(ids(detail.contacts)).toEqual([w.contact.id]);
  },
  'applications.create': async (api, w) => {
    const created = await api.invoke('applications.create', {
      companyName: 'Initech',
      position: '  Data engineer ',
      employmentType: 'fixed_term',
      workMode: 'hybrid',
      appliedOn: '2024-04-02',
      requiredSkills: ['SQL', 'sql', 'Python'],
      tags: ['Remote', 'senior'],
      contactIds: [w.contact.id],
      excitement: 4,
    });
    expect(created).toMatchObject({
      companyName: 'Initech',
      position: 'Data engineer',
      employmentType: 'fixed_term',
      workMode: 'hybrid',
      requiredSkills: ['SQL', 'Python'],
      // "Remote" is the existing tag "remote", not a second one.
      tags: ['remote', 'senior'],
      stageId: w.stages.applied,
      stageCategory: 'applied',
      stageChangedAt: '2024-04-02T12:00:00.000Z',
      firstResponseOn: null,
      excitement: 4,
      favorite: false,
      archived: false,
    });
    expect(ids(created.contacts)).toEqual([w.contact.id]);
    const companies = await api.invoke('companies.list', {});
    expect(companies.items.map((company) => company.name)).toEqual(['Acme', 'Globex', 'Initech']);
    expect((await api.invoke('tags.list', undefined)).map((tag) => tag.name)).toEqual(['remote', 'senior']);
  },
  'applications.update': async (api, w) => {
    const updated = await api.invoke('applications.update', {
      id: w.application.id,
      patch: { location: 'Paris', tags: ['senior'], companyName: 'globex', notes: '  ' },
    });
    expect(updated).toMatchObject({ location: 'Paris', tags: ['senior'], companyId: w.spareCompany.id, companyName: 'Globex', notes: null });
    // Fields the patch does not name keep their values.
    expect(updated).toMatchObject({ position: 'Backend developer', salaryMin: 45_000, postingUrl: 'https://jobs.example/acme/42' });
    expect(await api.invoke('applications.get', { id: w.application.id })).toMatchObject({ location: 'Paris', companyName: 'Globex' });
  },
  'applications.delete': async (api, w) => {
    expect(await api.invoke('applications.delete', { id: w.application.id })).toEqual({ id: w.application.id });
    expectError(await api.call('applications.get', { id: w.application.id }), 'NOT_FOUND');
    expect((await api.invoke('applications.list', {})).total).toBe(0);
  },
  'applications.restore': async (api, w) => {
    expect(await api.invoke('applications.restore', { ids: [w.deletedApplication.id] })).toEqual({ count: 1 });
    expect(await api.invoke('applications.get', { id: w.deletedApplication.id })).toMatchObject({ position: 'Old role', deletedAt: null });
    expect((await api.invoke('applications.list', {})).total).toBe(2);
  },
  'applications.setStage': async (api, w) => {
    const detail = await api.invoke('applications.setStage', {
      id: w.application.id,
      stageId: w.stages.offer,
      occurredAt: '2024-03-20T09:30:00+01:00',
      note: 'Verbal offer',
    });
    expect(detail).toMatchObject({ stageId: w.stages.offer, stageCategory: 'offer', stageChangedAt: '2024-03-20T08:30:00.000Z', firstResponseOn: '2024-03-20' });
    expect(detail.stageHistory.at(-1)).toMatchObject({ fromStageId: w.stages.applied, toStageId: w.stages.offer, note: 'Verbal offer' });
  },
  'applications.undoStage': async (api, w) => {
    const moved = await api.invoke('applications.setStage', { id: w.application.id, stageId: w.stages.offer });
    expect(moved.undo).toMatchObject({ id: w.application.id, eventId: moved.stageHistory.at(-1)!.id });
    const back = await api.invoke('applications.undoStage', moved.undo);
    expect(back).toMatchObject({ stageId: w.stages.applied, firstResponseOn: null });
    expect(back.stageHistory.map((event) => event.id)).toEqual(w.application.stageHistory.map((event) => event.id));
  },
  'applications.toggleFavorite': async (api, w) => {
    expect(await api.invoke('applications.toggleFavorite', { id: w.application.id })).toEqual({ id: w.application.id, favorite: true });
    expect((await api.invoke('applications.get', { id: w.application.id })).favorite).toBe(true);
    expect(await api.invoke('applications.toggleFavorite', { id: w.application.id })).toEqual({ id: w.application.id, favorite: false });
  },
  'applications.bulkUpdate': async (api, w) => {
    const other = await createApplication(api, { position: 'Frontend developer' });
    const result = await api.invoke('applications.bulkUpdate', {
      ids: [w.application.id, other.id],
      patch: { stageId: w.stages.screening, addTags: ['urgent'], removeTags: ['remote'], favorite: true, priority: 2 },
    });
    expect(result).toEqual({ count: 2 });
    const page = await api.invoke('applications.list', { sort: { column: 'position', direction: 'asc' } });
    expect(page.items.map((item) => [item.position, item.stageCategory, item.tags, item.favorite, item.priority])).toEqual([
      ['Backend developer', 'screening', ['urgent'], true, 2],
      ['Frontend developer', 'screening', ['urgent'], true, 2],
    ]);
  },
  'applications.bulkDelete': async (api, w) => {
    const other = await createApplication(api, { position: 'Frontend developer' });
    expect(await api.invoke('applications.bulkDelete', { ids: [w.application.id, other.id] })).toEqual({ count: 2 });
    expect((await api.invoke('applications.list', {})).total).toBe(0);
  },
  'applications.archive': async (api, w) => {
    expect(await api.invoke('applications.archive', { ids: [w.application.id] })).toEqual({ count: 1 });
    expect((await api.invoke('applications.list', {})).total).toBe(0);
    expect(ids((await api.invoke('applications.list', { archived: true })).items)).toEqual([w.application.id]);
  },
  'applications.unarchive': async (api, w) => {
    await api.invoke('applications.archive', { ids: [w.application.id] });
    expect(await api.invoke('applications.unarchive', { ids: [w.application.id] })).toEqual({ count: 1 });
    expect(ids((await api.invoke('applications.list', {})).items)).toEqual([w.application.id]);
  },
  'applications.bulkByFilter': async (api, w) => {
    const archived = await api.invoke('applications.bulkByFilter', { filters: {}, action: 'archive' });
    expect(archived).toEqual({ count: 1, ids: [w.application.id] });
    expect((await api.invoke('applications.list', {})).total).toBe(0);
    expect(await api.invoke('applications.unarchive', { ids: archived.ids })).toEqual({ count: 1 });
  },
  'applications.duplicates': async (api, w) => {
    const result = await api.invoke('applications.duplicates', {
      companyName: 'ACME',
      position: 'Backend developer H/F',
      postingUrl: 'https://jobs.example/acme/42/?utm_source=newsletter#apply',
    });
    expect(result.matches).toEqual([{ application: expect.objectContaining({ id: w.application.id }), reason: 'same_url' }]);
    expect(result.companyHistory).toEqual({ total: 1, rejected: 0, ghosted: 0, withdrawn: 0 });
  },

  'companies.list': async (api, w) => {
    const page = await api.invoke('companies.list', {});
    expect(page.total).toBe(2);
    expect(page.items).toEqual([
      expect.objectContaining({ id: w.company.id, name: 'Acme', applicationCount: 1, activeCount: 1, lastAppliedOn: '2024-03-01' }),
      expect.objectContaining({ id: w.spareCompany.id, name: 'Globex', applicationCount: 0, activeCount: 0, lastAppliedOn: null }),
    ]);
  },
  'companies.get': async (api, w) => {
    const detail = await api.invoke('companies.get', { id: w.company.id });
    expect(detail).toMatchObject({ name: 'Acme', industry: 'Software', medianDaysToResponse: null });
    expect(detail.applications).toEqual([
      expect.objectContaining({ id: w.application.id, stageCategory: 'applied', furthestCategory: 'applied', daysToFirstResponse: null }),
    ]);
    expect(detail.contacts).toEqual([{ id: w.contact.id, name: 'Hélène Martin', role: 'Recruiter', email: 'helene@acme.example' }]);
  },
  'companies.create': async (api) => {
    const company = await api.invoke('companies.create', { name: ' Initech ', size: '11-50', website: '', location: 'Nantes' });
    expect(company).toMatchObject({ name: 'Initech', size: '11-50', website: null, location: 'Nantes', deletedAt: null });
    expect(await api.invoke('companies.get', { id: company.id })).toMatchObject({ name: 'Initech', applications: [] });
  },
  'companies.update': async (api, w) => {
    const company = await api.invoke('companies.update', { id: w.company.id, patch: { industry: 'Robotics', notes: 'Great team' } });
    expect(company).toMatchObject({ name: 'Acme', industry: 'Robotics', notes: 'Great team', website: 'https://acme.example/' });
    expect(await api.invoke('companies.get', { id: w.company.id })).toMatchObject({ industry: 'Robotics' });
  },
  'companies.delete': async (api, w) => {
    expect(await api.invoke('companies.delete', { id: w.spareCompany.id })).toEqual({ id: w.spareCompany.id });
    expect(ids((await api.invoke('companies.list', {})).items)).toEqual([w.company.id]);
  },
  'companies.restore': async (api, w) => {
    await api.invoke('companies.delete', { id: w.spareCompany.id });
    expect(await api.invoke('companies.restore', { id: w.spareCompany.id })).toMatchObject({ id: w.spareCompany.id, name: 'Globex', deletedAt: null });
    expect((await api.invoke('companies.list', {})).total).toBe(2);
  },
  'companies.autocomplete': async (api, w) => {
    expect(await api.invoke('companies.autocomplete', { prefix: 'ac' })).toEqual([
      { id: w.company.id, name: 'Acme', applicationCount: 1, lastCategory: 'applied' },
    ]);
  },
  'companies.merge': async (api, w) => {
    const moved = await createApplication(api, { companyId: w.spareCompany.id, position: 'Designer' });
    const detail = await api.invoke('companies.merge', { targetId: w.company.id, sourceIds: [w.spareCompany.id] });
    expect(detail.applications.map((application) => application.id).sort()).toEqual([w.application.id, moved.id].sort());
    expectError(await api.call('companies.get', { id: w.spareCompany.id }), 'NOT_FOUND');
    expect(await api.invoke('applications.get', { id: moved.id })).toMatchObject({ companyId: w.company.id, companyName: 'Acme' });
  },
  'companies.unmerge': async (api, w) => {
    const moved = await createApplication(api, { companyId: w.spareCompany.id, position: 'Designer' });
    const { undo } = await api.invoke('companies.merge', { targetId: w.company.id, sourceIds: [w.spareCompany.id] });
    const result = await api.invoke('companies.unmerge', undo);
    expect(ids(result.target.applications)).toEqual([w.application.id]);
    expect(result.sources).toEqual([expect.objectContaining({ id: w.spareCompany.id, deletedAt: null })]);
    expect(await api.invoke('applications.get', { id: moved.id })).toMatchObject({ companyId: w.spareCompany.id, companyName: 'Globex' });
  },

  'interviews.list': async (api, w) => {
    const page = await api.invoke('interviews.list', {});
    expect(page.total).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({ id: w.interview.id, companyName: 'Acme', position: 'Backend developer', status: 'planned', scheduledAt: '2030-03-10T09:00:00.000Z' }),
    ]);
  },
  'interviews.upcoming': async (api, w) => {
    await api.invoke('interviews.create', { applicationId: w.application.id, scheduledAt: '2020-01-01T09:00:00Z' });
    expect(ids(await api.invoke('interviews.upcoming', {}))).toEqual([w.interview.id]);
  },
  'interviews.get': async (api, w) => {
    expect(await api.invoke('interviews.get', { id: w.interview.id })).toMatchObject({ type: 'technical', format: 'video', applicationId: w.application.id });
  },
  'interviews.create': async (api, w) => {
    const interview = await api.invoke('interviews.create', {
      applicationId: w.application.id,
      scheduledAt: '2030-04-01T14:00:00+02:00',
      durationMinutes: 45,
      meetingUrl: 'https://meet.example/abc',
      interviewers: 'Ana, Bo',
    });
    expect(interview).toMatchObject({ scheduledAt: '2030-04-01T12:00:00.000Z', status: 'planned', durationMinutes: 45, companyName: 'Acme' });
    expect(ids((await api.invoke('applications.get', { id: w.application.id })).interviews)).toEqual([w.interview.id, interview.id]);
  },
  'interviews.update': async (api, w) => {
    const interview = await api.invoke('interviews.update', { id: w.interview.id, patch: { status: 'completed', outcome: 'passed' } });
    expect(interview).toMatchObject({ status: 'completed', outcome: 'passed', type: 'technical' });
  },
  'interviews.delete': async (api, w) => {
    expect(await api.invoke('interviews.delete', { id: w.interview.id })).toEqual({ id: w.interview.id });
    expect((await api.invoke('interviews.list', {})).total).toBe(0);
  },
  'interviews.restore': async (api, w) => {
    await api.invoke('interviews.delete', { id: w.interview.id });
    expect(await api.invoke('interviews.restore', { id: w.interview.id })).toMatchObject({ id: w.interview.id, deletedAt: null });
    expect((await api.invoke('interviews.list', {})).total).toBe(1);
  },

  'contacts.list': async (api, w) => {
    const page = await api.invoke('contacts.list', {});
    expect(page.total).toBe(1);
    expect(page.items).toEqual([expect.objectContaining({ id: w.contact.id, name: 'Hélène Martin', companyName: 'Acme' })]);
  },
  'contacts.get': async (api, w) => {
    const contact = await api.invoke('contacts.get', { id: w.contact.id });
    expect(contact).toMatchObject({ email: 'helene@acme.example', companyId: w.company.id });
    expect(contact.applications).toEqual([{ id: w.application.id, position: 'Backend developer', companyName: 'Acme' }]);
  },
  'contacts.create': async (api, w) => {
    const contact = await api.invoke('contacts.create', { name: 'Bob Stone', email: '', phone: '+33 6 12 34 56 78', companyId: w.spareCompany.id });
    expect(contact).toMatchObject({ name: 'Bob Stone', email: null, phone: '+33 6 12 34 56 78', companyName: 'Globex', applications: [] });
  },
  'contacts.update': async (api, w) => {
    const contact = await api.invoke('contacts.update', { id: w.contact.id, patch: { role: 'Head of talent', companyId: null } });
    expect(contact).toMatchObject({ role: 'Head of talent', companyId: null, companyName: null, email: 'helene@acme.example' });
  },
  'contacts.delete': async (api, w) => {
    expect(await api.invoke('contacts.delete', { id: w.contact.id })).toEqual({ id: w.contact.id });
    expect((await api.invoke('contacts.list', {})).total).toBe(0);
    expect((await api.invoke('applications.get', { id: w.application.id })).contacts).toEqual([]);
  },
  'contacts.restore': async (api, w) => {
    await api.invoke('contacts.delete', { id: w.contact.id });
    expect(await api.invoke('contacts.restore', { id: w.contact.id })).toMatchObject({ id: w.contact.id, deletedAt: null });
    expect(ids((await api.invoke('applications.get', { id: w.application.id })).contacts)).toEqual([w.contact.id]);
  },
  'contacts.link': async (api, w) => {
    const other = await createApplication(api, { position: 'Frontend developer', appliedOn: '2024-05-01' });
    const contact = await api.invoke('contacts.link', { contactId: w.contact.id, applicationId: other.id });
    expect(ids(contact.applications)).toEqual([other.id, w.application.id]);
  },
  'contacts.unlink': async (api, w) => {
    const contact = await api.invoke('contacts.unlink', { contactId: w.contact.id, applicationId: w.application.id });
    expect(contact.applications).toEqual([]);
    // Linking again brings the same link back.
    expect(ids((await api.invoke('contacts.link', { contactId: w.contact.id, applicationId: w.application.id })).applications)).toEqual([w.application.id]);
  },

  'interactions.list': async (api, w) => {
    const later = await api.invoke('interactions.create', { contactId: w.contact.id, occurredOn: '2024-04-01', channel: 'linkedin' });
    const page = await api.invoke('interactions.list', { contactId: w.contact.id });
    expect(page).toMatchObject({ total: 2, limit: 200, offset: 0 });
    expect(ids(page.items)).toEqual([later.id, w.interaction.id]);
    expect(ids((await api.invoke('interactions.list', { applicationId: w.application.id })).items)).toEqual([w.interaction.id]);
    // A deleted contact's log is hidden with it.
    await api.invoke('contacts.delete', { id: w.contact.id });
    expect((await api.invoke('interactions.list', {})).total).toBe(0);
  },
  'interactions.create': async (api, w) => {
    const created = await api.invoke('interactions.create', {
      contactId: w.contact.id,
      occurredOn: '2024-03-20',
      channel: 'email',
      note: '  Sent the portfolio ',
      nextFollowUpOn: null,
    });
    expect(created).toMatchObject({ contactId: w.contact.id, occurredOn: '2024-03-20', channel: 'email', note: 'Sent the portfolio', applicationId: null });
    const contact = await api.invoke('contacts.get', { id: w.contact.id });
    // "Last contacted" follows the log; the follow-up was cleared by the same write.
    expect(contact).toMatchObject({ lastContactedOn: '2024-03-20', nextFollowUpOn: null, interactionCount: 2 });
    expect(ids(contact.interactions)).toEqual([created.id, w.interaction.id]);
    expect((await api.invoke('contacts.list', { text: 'portfolio' })).items.map((item) => item.id)).toEqual([w.contact.id]);
  },
  'interactions.update': async (api, w) => {
    const updated = await api.invoke('interactions.update', { id: w.interaction.id, patch: { occurredOn: '2024-02-01', applicationId: null, channel: 'meeting' } });
    expect(updated).toMatchObject({ occurredOn: '2024-02-01', applicationId: null, applicationLabel: null, channel: 'meeting', note: 'Talked about the team' });
    expect((await api.invoke('contacts.get', { id: w.contact.id })).lastContactedOn).toBe('2024-02-01');
  },
  'interactions.delete': async (api, w) => {
    expect(await api.invoke('interactions.delete', { id: w.interaction.id })).toEqual({ id: w.interaction.id });
    expect(await api.invoke('contacts.get', { id: w.contact.id })).toMatchObject({ lastContactedOn: null, interactions: [], interactionCount: 0 });
  },
  'interactions.restore': async (api, w) => {
    await api.invoke('interactions.delete', { id: w.interaction.id });
    expect(await api.invoke('interactions.restore', { id: w.interaction.id })).toMatchObject({ id: w.interaction.id, deletedAt: null });
    expect((await api.invoke('contacts.get', { id: w.contact.id })).lastContactedOn).toBe('2024-03-05');
  },
  'contacts.followUps': async (api, w) => {
    const other = await api.invoke('contacts.create', { name: 'Bob Stone', nextFollowUpOn: '2024-04-01' });
    expect(await api.invoke('contacts.followUps', {})).toEqual([
      { contactId: w.contact.id, name: 'Hélène Martin', role: 'Recruiter', companyName: 'Acme', nextFollowUpOn: '2024-03-15', lastContactedOn: '2024-03-05' },
      { contactId: other.id, name: 'Bob Stone', role: null, companyName: null, nextFollowUpOn: '2024-04-01', lastContactedOn: null },
    ]);
    expect((await api.invoke('contacts.followUps', { dueOnOrBefore: '2024-03-31' })).map((row) => row.contactId)).toEqual([w.contact.id]);
    // Done: the date is cleared through contacts.update, and the contact leaves the list.
    await api.invoke('contacts.update', { id: w.contact.id, patch: { nextFollowUpOn: null } });
    expect((await api.invoke('contacts.followUps', { dueOnOrBefore: '2024-03-31' }))).toEqual([]);
  },

  'customFields.list': async (api, w) => {
    expect(await api.invoke('customFields.list', undefined)).toEqual([
      expect.objectContaining({ id: w.customField.id, name: 'Found through', kind: 'choice', position: 0, valueCount: 1 }),
    ]);
    expect(w.customField.choices.map((choice) => choice.label)).toEqual(['Agency', 'Direct']);
  },
  'customFields.create': async (api) => {
    const field = await api.invoke('customFields.create', { name: ' Referrer ', kind: 'text' });
    expect(field).toMatchObject({ name: 'Referrer', kind: 'text', choices: [], position: 1, valueCount: 0 });
  },
  'customFields.update': async (api, w) => {
    const [agency] = w.customField.choices;
    const field = await api.invoke('customFields.update', {
      id: w.customField.id,
      patch: { name: 'Came through', choices: [{ label: 'Referral' }, { id: agency.id, label: 'Recruitment agency' }] },
    });
    expect(field.name).toBe('Came through');
    expect(field.choices).toEqual([{ id: expect.any(String), label: 'Referral' }, { id: agency.id, label: 'Recruitment agency' }]);
    // The application's value follows the renamed option (its id did not change).
    expect((await api.invoke('applications.get', { id: w.application.id })).customValues).toEqual({ [w.customField.id]: agency.id });
  },
  'customFields.reorder': async (api, w) => {
    const second = await api.invoke('customFields.create', { name: 'Bonus', kind: 'number' });
    const fields = await api.invoke('customFields.reorder', { ids: [second.id, w.customField.id] });
    expect(fields.map((field) => [field.name, field.position])).toEqual([['Bonus', 0], ['Found through', 1]]);
  },
  'customFields.delete': async (api, w) => {
    expect(await api.invoke('customFields.delete', { id: w.customField.id })).toEqual({ id: w.customField.id });
    expect(await api.invoke('customFields.list', undefined)).toEqual([]);
    expect((await api.invoke('applications.get', { id: w.application.id })).customValues).toEqual({});
  },
  'customFields.restore': async (api, w) => {
    await api.invoke('customFields.delete', { id: w.customField.id });
    expect(await api.invoke('customFields.restore', { id: w.customField.id })).toMatchObject({ id: w.customField.id, deletedAt: null, valueCount: 1 });
    expect((await api.invoke('applications.list', {})).items[0].customValues).toEqual({ [w.customField.id]: w.customField.choices[0].id });
  },
  'customFields.setValue': async (api, w) => {
    const direct = w.customField.choices[1].id;
    expect(await api.invoke('customFields.setValue', { applicationId: w.application.id, fieldId: w.customField.id, value: direct })).toEqual({
      applicationId: w.application.id,
      fieldId: w.customField.id,
      value: direct,
    });
    expect((await api.invoke('applications.list', {})).items[0].customValues).toEqual({ [w.customField.id]: direct });
    await api.invoke('customFields.setValue', { applicationId: w.application.id, fieldId: w.customField.id, value: null });
    expect((await api.invoke('applications.get', { id: w.application.id })).customValues).toEqual({});
  },

  'tasks.list': async (api, w) => {
    const page = await api.invoke('tasks.list', {});
    expect(page.items).toEqual([
      expect.objectContaining({ id: w.task.id, title: 'Send thanks', dueOn: '2024-03-11', doneAt: null, applicationLabel: 'Acme — Backend developer' }),
    ]);
    expect((await api.invoke('tasks.list', { dueOnOrBefore: '2024-03-10' })).total).toBe(0);
  },
  'tasks.create': async (api) => {
    const task = await api.invoke('tasks.create', { title: 'Update CV', dueOn: '2024-06-01' });
    expect(task).toMatchObject({ title: 'Update CV', dueOn: '2024-06-01', applicationId: null, applicationLabel: null, doneAt: null });
  },
  'tasks.update': async (api, w) => {
    const task = await api.invoke('tasks.update', { id: w.task.id, patch: { dueOn: null, notes: 'by e-mail' } });
    expect(task).toMatchObject({ title: 'Send thanks', dueOn: null, notes: 'by e-mail', applicationId: w.application.id });
  },
  'tasks.setDone': async (api, w) => {
    const done = await api.invoke('tasks.setDone', { id: w.task.id, done: true });
    expect(done.doneAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await api.invoke('tasks.list', { status: 'open' })).total).toBe(0);
    expect(ids((await api.invoke('tasks.list', { status: 'done' })).items)).toEqual([w.task.id]);
    expect((await api.invoke('tasks.setDone', { id: w.task.id, done: false })).doneAt).toBeNull();
  },
  'tasks.delete': async (api, w) => {
    expect(await api.invoke('tasks.delete', { id: w.task.id })).toEqual({ id: w.task.id });
    expect((await api.invoke('tasks.list', { status: 'all' })).total).toBe(0);
  },
  'tasks.restore': async (api, w) => {
    await api.invoke('tasks.delete', { id: w.task.id });
    expect(await api.invoke('tasks.restore', { id: w.task.id })).toMatchObject({ id: w.task.id, deletedAt: null });
    expect(ids((await api.invoke('tasks.list', {})).items)).toEqual([w.task.id]);
  },

  'stages.list': async (api, w) => {
    const stages = await api.invoke('stages.list', undefined);
    expect(stages.map((stage) => stage.category)).toEqual([
      'wishlist', 'applied', 'screening', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted',
    ]);
    expect(stages.find((stage) => stage.id === w.stages.applied)).toMatchObject({ name: null, applicationCount: 1 });
    expect(stages[3]).toMatchObject({ id: w.customStage.id, name: 'Phone call', position: 1, applicationCount: 0 });
  },
  'stages.create': async (api) => {
    const stage = await api.invoke('stages.create', { name: 'Take-home test', category: 'interviewing' });
    expect(stage).toMatchObject({ name: 'Take-home test', category: 'interviewing', position: 1, applicationCount: 0 });
  },
  'stages.rename': async (api, w) => {
    expect(await api.invoke('stages.rename', { id: w.customStage.id, name: 'Recruiter call' })).toMatchObject({ id: w.customStage.id, name: 'Recruiter call' });
  },
  'stages.reorder': async (api, w) => {
    const stages = await api.invoke('stages.reorder', { ids: [w.customStage.id, w.stages.screening] });
    expect(stages.filter((stage) => stage.category === 'screening').map((stage) => [stage.id, stage.position])).toEqual([
      [w.customStage.id, 0],
      [w.stages.screening, 1],
    ]);
  },
  'stages.delete': async (api, w) => {
    await api.invoke('applications.setStage', { id: w.application.id, stageId: w.customStage.id });
    expect(await api.invoke('stages.delete', { id: w.customStage.id, replacementId: w.stages.screening })).toMatchObject({ id: w.customStage.id, reassigned: 1 });
    expect(await api.invoke('applications.get', { id: w.application.id })).toMatchObject({ stageId: w.stages.screening, stageCategory: 'screening' });
    expect((await api.invoke('stages.list', undefined)).some((stage) => stage.id === w.customStage.id)).toBe(false);
  },
  'stages.restore': async (api, w) => {
    await api.invoke('applications.setStage', { id: w.application.id, stageId: w.customStage.id });
    const { undo } = await api.invoke('stages.delete', { id: w.customStage.id, replacementId: w.stages.screening });
    expect(await api.invoke('stages.restore', undo)).toMatchObject({ id: w.customStage.id, applicationCount: 1 });
    expect(await api.invoke('applications.get', { id: w.application.id })).toMatchObject({ stageId: w.customStage.id, stageCategory: 'screening' });
  },

  'tags.list': async (api, w) => {
    expect(await api.invoke('tags.list', undefined)).toEqual([{ id: w.tag.id, name: 'remote', color: '#3366ff', applicationCount: 1 }]);
  },
  'tags.create': async (api) => {
    expect(await api.invoke('tags.create', { name: 'dream job' })).toMatchObject({ name: 'dream job', color: null, applicationCount: 0 });
  },
  'tags.update': async (api, w) => {
    expect(await api.invoke('tags.update', { id: w.tag.id, patch: { name: 'télétravail', color: null } })).toMatchObject({ name: 'télétravail', color: null, applicationCount: 1 });
    expect((await api.invoke('applications.get', { id: w.application.id })).tags).toEqual(['télétravail']);
  },
  'tags.delete': async (api, w) => {
    expect(await api.invoke('tags.delete', { id: w.tag.id })).toEqual({ id: w.tag.id });
    expect(await api.invoke('tags.list', undefined)).toEqual([]);
    expect((await api.invoke('applications.get', { id: w.application.id })).tags).toEqual([]);
  },

  'sources.list': async (api, w) => {
    const sources = await api.invoke('sources.list', undefined);
    expect(sources.builtIn).toContain('linkedin');
    expect(sources.builtIn).toContain('france_travail');
    expect(sources.custom).toEqual([{ id: w.sourceId, name: 'Meetup', applicationCount: 0 }]);
  },
  'sources.create': async (api) => {
    const sources = await api.invoke('sources.create', { name: 'Hacker News' });
    expect(sources.custom.map((source) => source.name)).toEqual(['Hacker News', 'Meetup']);
  },
  'sources.delete': async (api, w) => {
    expect((await api.invoke('sources.delete', { id: w.sourceId })).custom).toEqual([]);
  },

  'profile.get': async (api) => {
    expect(await api.invoke('profile.get', undefined)).toEqual({
      name: null,
      skills: [],
      weeklyGoal: null,
      locale: null,
      theme: 'system',
      defaultCurrency: 'EUR',
      updatedAt: null,
    });
  },
  'profile.update': async (api) => {
    const profile = await api.invoke('profile.update', { name: 'Camille', skills: ['TypeScript', 'typescript', 'SQL'], weeklyGoal: 5, locale: 'fr', theme: 'dark' });
    expect(profile).toMatchObject({ name: 'Camille', skills: ['TypeScript', 'SQL'], weeklyGoal: 5, locale: 'fr', theme: 'dark', defaultCurrency: 'EUR' });
    expect(profile.updatedAt).not.toBeNull();
    expect(await api.invoke('profile.get', undefined)).toEqual(profile);
  },

  'search.query': async (api, w) => {
    const result = await api.invoke('search.query', { text: 'acm' });
    expect(result.applications).toEqual([{ id: w.application.id, position: 'Backend developer', companyName: 'Acme', stageCategory: 'applied' }]);
    expect(result.companies).toEqual([{ id: w.company.id, name: 'Acme', applicationCount: 1 }]);
    expect(result.contacts).toEqual([{ id: w.contact.id, name: 'Hélène Martin', role: 'Recruiter', companyName: 'Acme' }]);
  },
};

describe('the happy path', () => {
  const handle = useTempApp();
  let world: World;
  beforeEach(async () => {
    world = await seedWorld(handle.api);
  });

  it('has a case for every core channel', () => {
    expect(Object.keys(happyPaths).sort()).toEqual(coreChannels);
  });

  it.each(Object.keys(happyPaths) as CoreChannel[])('of %s', async (channel) => {
    await happyPaths[channel](handle.api, world, handle);
  });
});
