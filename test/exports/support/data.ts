import type { Api } from '../../../src-main/api';
import { openTempApp, type TempApp } from '../../support/temp-app';
import type { ApplicationDetail, CreateApplicationInput, Interview, StageCategory } from '../../../src-shared/contract';

/** Text that breaks naive exporters: quotes, delimiters, line breaks, accents, emoji, formula starts. */
export const tricky = {
  quotes: 'Say "hello", then; leave',
  multiline: 'First line\nSecond line\r\nThird; with "quotes"',
  formula: '=HYPERLINK("http://evil.example","click")',
  plusFormula: '+SUM(1,2)',
  minus: '-1+2',
  at: '@cmd',
  /** Handlers trim text, so a leading tab or CR can only arrive through an import or sync (see formula.test.ts). */
  equals: '=1+1',
  accents: 'Société Générale — Ingénieur·e développeur, Zürich 🚀',
  long: `${'x'.repeat(40_000)}END`,
};

export interface ExportWorld {
  stages: Record<StageCategory, string>;
  /** Active applications, newest applied first (the export order). */
  live: ApplicationDetail[];
  archived: ApplicationDetail;
  deleted: ApplicationDetail;
  interviews: Interview[];
  cancelledInterview: Interview;
}

async function firstStages(api: Api): Promise<Record<StageCategory, string>> {
  const first = {} as Record<StageCategory, string>;
  for (const stage of await api.invoke('stages.list', undefined)) first[stage.category] ??= stage.id;
  return first;
}

const create = (api: Api, input: CreateApplicationInput) => api.invoke('applications.create', input);

/** A small, varied job search written through the handlers, like a user would. */
export async function seedExportWorld(api: Api): Promise<ExportWorld> {
  const stages = await firstStages(api);
  const renamed = await api.invoke('stages.create', { name: 'Appel RH', category: 'screening' });
  const acme = await api.invoke('companies.create', { name: 'Acme', website: 'https://acme.example', industry: 'Software', size: '51-200' });
  const societe = await api.invoke('companies.create', { name: tricky.accents, industry: 'Banking' });
  const evil = await api.invoke('companies.create', { name: tricky.formula });

  const backend = await create(api, {
    companyId: acme.id,
    position: 'Backend developer',
    appliedOn: '2025-03-01',
    employmentType: 'permanent',
    schedule: 'full_time',
    workMode: 'hybrid',
    location: 'Lyon',
    source: 'linkedin',
    postingUrl: 'https://jobs.example/acme/42?ref=a,b;c',
    salaryMin: 45_000,
    salaryMax: 55_000,
    salaryCurrency: 'EUR',
    salaryPeriod: 'year',
    requiredSkills: ['TypeScript', 'SQL'],
    preferredSkills: ['Rust'],
    experienceYears: 3,
    resumeVersion: 'v2',
    notes: tricky.multiline,
    description: tricky.long,
    tags: ['remote', 'dream job'],
    favorite: true,
    priority: 5,
    excitement: 4,
    deadline: '2025-03-20',
  });
  await api.invoke('applications.setStage', { id: backend.id, stageId: renamed.id, occurredAt: '2025-03-05T08:30:00Z', note: tricky.quotes });
  await api.invoke('applications.setStage', { id: backend.id, stageId: stages.interviewing, occurredAt: '2025-03-10T14:00:00Z' });

  const intern = await create(api, {
    companyId: societe.id,
    position: tricky.quotes,
    appliedOn: '2025-02-10',
    employmentType: 'internship',
    workMode: 'remote',
    source: 'Salon étudiant',
    notes: tricky.plusFormula,
    location: tricky.minus,
    resumeVersion: tricky.at,
  });
  await api.invoke('applications.setStage', { id: intern.id, stageId: stages.rejected, occurredAt: '2025-02-20T10:00:00Z' });

  const wish = await create(api, { companyId: evil.id, position: tricky.equals, stageId: stages.wishlist, employmentType: 'freelance' });

  const archived = await create(api, { companyName: 'Archived Inc', position: 'Old job', appliedOn: '2024-01-01', archived: true });
  const deleted = await create(api, { companyId: acme.id, position: 'Deleted role', appliedOn: '2025-01-01' });
  await api.invoke('applications.delete', { id: deleted.id });

  const contact = await api.invoke('contacts.create', {
    name: 'Hélène Martin',
    role: 'Recruiter',
    email: 'helene@acme.example',
    phone: '+33 6 12 34 56 78',
    linkedinUrl: 'https://www.linkedin.com/in/helene',
    companyId: acme.id,
    applicationIds: [backend.id],
  });
  await api.invoke('contacts.create', { name: 'Zoé Outsider', role: 'Friend' });

  const technical = await api.invoke('interviews.create', {
    applicationId: backend.id,
    scheduledAt: '2025-03-12T09:00:00Z',
    durationMinutes: 90,
    type: 'technical',
    format: 'video',
    meetingUrl: 'https://meet.example/abc-defg-hij',
    interviewers: 'Ana, Bo; Cy',
    notes: `Prepare: ${tricky.multiline} ${'é'.repeat(60)}`,
  });
  const hr = await api.invoke('interviews.create', {
    applicationId: backend.id,
    scheduledAt: '2025-03-15T13:30:00Z',
    type: 'hr',
    format: 'in_person',
    location: '1 rue de la Paix, Paris',
  });
  const cancelledInterview = await api.invoke('interviews.create', {
    applicationId: intern.id,
    scheduledAt: '2025-02-15T09:00:00Z',
    status: 'cancelled',
  });
  await api.invoke('tasks.create', { title: 'Follow up', dueOn: '2025-03-25', applicationId: backend.id });
  void contact;

  const reload = (id: string) => api.invoke('applications.get', { id });
  return {
    stages,
    live: [await reload(backend.id), await reload(intern.id), await reload(wish.id)],
    archived,
    deleted,
    interviews: [cancelledInterview, technical, hr],
    cancelledInterview,
  };
}

/** A temporary app holding the export world, for a test file's beforeAll. */
export async function openSeededExportApp(): Promise<{ app: TempApp; world: ExportWorld }> {
  const app = await openTempApp();
  return { app, world: await seedExportWorld(app.api) };
}
