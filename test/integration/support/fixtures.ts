import type { Api } from '../../../src-main/api';
import type {
  ApplicationDetail,
  Company,
  ContactDetail,
  ContactInteraction,
  CustomField,
  CreateApplicationInput,
  Interview,
  Stage,
  StageCategory,
  Tag,
  Task,
} from '../../../src-shared/contract';

/** A well-formed UUID that no row has. */
export const missingId = '01900000-0000-7000-8000-00000000dead';

/** The first stage of each category, where the app puts applications by default. */
export async function firstStages(api: Api): Promise<Record<StageCategory, string>> {
  const stages = await api.invoke('stages.list', undefined);
  const first = {} as Record<StageCategory, string>;
  for (const stage of stages) first[stage.category] ??= stage.id;
  return first;
}

/** An application at "Acme" unless the input says otherwise. */
export function createApplication(api: Api, input: Partial<CreateApplicationInput> = {}): Promise<ApplicationDetail> {
  return api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', ...input } as CreateApplicationInput);
}

/** One of every kind of row, linked together, so that handlers have something real to read and write. */
export interface World {
  stages: Record<StageCategory, string>;
  customStage: Stage;
  company: Company;
  /** A company with no application: can be deleted, merged, renamed freely. */
  spareCompany: Company;
  application: ApplicationDetail;
  /** A second application, soft-deleted: restore has something to bring back. */
  deletedApplication: ApplicationDetail;
  contact: ContactDetail;
  /** A phone call with the contact about the application; the contact's follow-up is due 2024-03-15. */
  interaction: ContactInteraction;
  interview: Interview;
  /** A choice field ("Found through": Agency, Direct), the application's value being Agency. */
  customField: CustomField;
  task: Task;
  tag: Tag;
  sourceId: string;
}

export async function seedWorld(api: Api): Promise<World> {
  const stages = await firstStages(api);
  const customStage = await api.invoke('stages.create', { name: 'Phone call', category: 'screening' });
  const company = await api.invoke('companies.create', { name: 'Acme', website: 'https://acme.example', industry: 'Software' });
  const spareCompany = await api.invoke('companies.create', { name: 'Globex' });
  const tag = await api.invoke('tags.create', { name: 'remote', color: '#3366ff' });
  const application = await createApplication(api, {
    companyId: company.id,
    position: 'Backend developer',
    appliedOn: '2024-03-01',
    location: 'Lyon',
    source: 'linkedin',
    postingUrl: 'https://jobs.example/acme/42',
    salaryMin: 45_000,
    salaryMax: 55_000,
    salaryCurrency: 'EUR',
    salaryPeriod: 'year',
    tags: ['remote'],
  });
  const deletedApplication = await createApplication(api, { companyId: company.id, position: 'Old role', appliedOn: '2023-01-10' });
  await api.invoke('applications.delete', { id: deletedApplication.id });
  const contact = await api.invoke('contacts.create', {
    name: 'Hélène Martin',
    role: 'Recruiter',
    email: 'helene@acme.example',
    companyId: company.id,
    applicationIds: [application.id],
  });
  const interaction = await api.invoke('interactions.create', {
    contactId: contact.id,
    occurredOn: '2024-03-05',
    channel: 'phone',
    note: 'Talked about the team',
    applicationId: application.id,
    nextFollowUpOn: '2024-03-15',
  });
  const interview = await api.invoke('interviews.create', {
    applicationId: application.id,
    scheduledAt: '2030-03-10T09:00:00Z',
    type: 'technical',
    format: 'video',
  });
  const task = await api.invoke('tasks.create', { title: 'Send thanks', dueOn: '2024-03-11', applicationId: application.id });
  const created = await api.invoke('customFields.create', { name: 'Found through', kind: 'choice', choices: ['Agency', 'Direct'] });
  await api.invoke('customFields.setValue', { applicationId: application.id, fieldId: created.id, value: created.choices[0].id });
  const customField = (await api.invoke('customFields.list', undefined))[0];
  const sources = await api.invoke('sources.create', { name: 'Meetup' });
  const sourceId = sources.custom.find((source) => source.name === 'Meetup')!.id!;
  return {
    stages,
    customStage,
    company,
    spareCompany,
    application: await api.invoke('applications.get', { id: application.id }),
    deletedApplication,
    contact: await api.invoke('contacts.get', { id: contact.id }),
    interaction,
    interview,
    customField,
    task,
    tag: (await api.invoke('tags.list', undefined)).find((candidate) => candidate.id === tag.id)!,
    sourceId,
  };
}
