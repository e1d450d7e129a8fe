import type { Api } from '../../../src-main/api';
import type { ChannelInput, StageCategory } from '../../../src-shared/contract';

/** The first stage of each category (the built-in ones), by category. */
export async function stagesByCategory(api: Api): Promise<Record<StageCategory, string>> {
  const stages = await api.invoke('stages.list', undefined);
  const result = {} as Record<StageCategory, string>;
  for (const stage of stages) result[stage.category] ??= stage.id;
  return result;
}

/** A stage change at midday UTC of a day (or at an exact instant). */
export type Step = [stage: StageCategory | { id: string }, when: string];

export interface ApplicationSpec extends Omit<ChannelInput<'applications.create'>, 'stageId' | 'stageAt'> {
  /** The history: the first step is the stage it is created in; later steps go through applications.setStage. */
  history: Step[];
}

const instantOf = (when: string) => (when.length === 10 ? `${when}T12:00:00.000Z` : when);

/** Creates an application and replays its (backdated) history through the handlers, as the app would. */
export async function createApplication(api: Api, stages: Record<StageCategory, string>, spec: ApplicationSpec): Promise<string> {
  const { history, ...fields } = spec;
  const stageId = (step: Step) => (typeof step[0] === 'string' ? stages[step[0]] : step[0].id);
  const created = await api.invoke('applications.create', { ...fields, stageId: stageId(history[0]), stageAt: instantOf(history[0][1]) });
  for (const step of history.slice(1)) {
    await api.invoke('applications.setStage', { id: created.id, stageId: stageId(step), occurredAt: instantOf(step[1]) });
  }
  return created.id;
}

/** A Wednesday; weeks run Monday 2025-03-10 to Sunday 2025-03-16. */
export const today = '2025-03-12';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * A varied search: every dimension, salaries in several currencies and periods (and without currency), skills
 * in several spellings, backdated histories that go forward, back and to every outcome, a custom stage, archived
 * and deleted applications, interviews and tasks around now, a weekly goal and profile skills.
 */
export async function buildScenario(api: Api): Promise<{ ids: Record<string, string> }> {
  const stages = await stagesByCategory(api);
  const technicalTest = await api.invoke('stages.create', { name: 'Technical test', category: 'interviewing' });
  const company = async (name: string, industry?: string) => (await api.invoke('companies.create', { name, industry })).id;
  const acme = await company('Acme', 'Software');
  const globex = await company('Globex', 'Banking');
  const initech = await company('Initech');
  const umbrella = await company('Umbrella', 'Health');
  const hooli = await company('Hooli', 'Software');

  const ids: Record<string, string> = {};
  const add = async (name: string, spec: ApplicationSpec) => (ids[name] = await createApplication(api, stages, spec));

  await add('rejectedAfterInterviews', {
    companyId: acme, position: 'Frontend developer', employmentType: 'permanent', workMode: 'remote', source: 'linkedin',
    location: 'Paris', resumeVersion: 'v1', appliedOn: '2025-01-06', salaryMin: 45_000, salaryMax: 55_000, salaryCurrency: 'EUR',
    salaryPeriod: 'year', requiredSkills: ['TypeScript', 'React', 'SQL'], preferredSkills: ['Docker'],
    history: [['applied', '2025-01-06'], ['screening', '2025-01-10'], ['interviewing', '2025-01-20'], ['rejected', '2025-02-01']],
  });
  await add('ghosted', {
    companyId: acme, position: 'Backend developer', employmentType: 'fixed_term', workMode: 'hybrid', source: 'indeed',
    location: 'Lyon', resumeVersion: 'v2', appliedOn: '2025-02-03', salaryMin: 40_000, salaryCurrency: 'EUR', salaryPeriod: 'year',
    requiredSkills: ['react', 'Node.js'],
    history: [['applied', '2025-02-03'], ['ghosted', '2025-03-01']],
  });
  await add('accepted', {
    companyId: globex, position: 'Java engineer', employmentType: 'permanent', workMode: 'on_site', source: 'referral',
    location: 'Paris', resumeVersion: 'v1', appliedOn: '2025-02-10', salaryMin: 60_000, salaryMax: 70_000, salaryCurrency: 'EUR',
    salaryPeriod: 'year', requiredSkills: ['Java', 'SQL'], preferredSkills: ['Kubernetes', 'docker'],
    history: [['applied', '2025-02-10'], ['interviewing', '2025-02-20'], ['offer', '2025-03-01'], ['accepted', '2025-03-05']],
  });
  await add('waiting', {
    companyId: globex, position: 'Data intern', employmentType: 'internship', source: 'company_site', appliedOn: '2025-03-10',
    salaryMax: 1_200, salaryCurrency: 'EUR', salaryPeriod: 'month', requiredSkills: ['Python', 'SQL'],
    history: [['applied', '2025-03-10']],
  });
  await add('fastAnswer', {
    companyId: initech, position: 'Python freelance', employmentType: 'freelance', workMode: 'remote', source: 'Malt',
    location: 'Remote', resumeVersion: 'v3', appliedOn: '2025-03-11', salaryMin: 500, salaryMax: 600, salaryCurrency: 'EUR',
    salaryPeriod: 'day', requiredSkills: ['Python'], preferredSkills: ['Django'],
    history: [['applied', '2025-03-11'], ['screening', '2025-03-12T08:30:00.000Z']],
  });
  await add('wishlist', {
    companyId: umbrella, position: 'Platform engineer', employmentType: 'permanent', workMode: 'remote', source: 'linkedin',
    location: 'Paris', resumeVersion: 'v2', salaryMin: 50_000, salaryMax: 50_000, salaryCurrency: 'USD', salaryPeriod: 'year',
    requiredSkills: ['TypeScript', 'SQL', 'Docker'],
    history: [['wishlist', '2025-02-15']],
  });
  await add('noCurrency', {
    companyId: umbrella, position: 'Temp analyst', employmentType: 'temporary', workMode: 'on_site', source: 'apec',
    location: 'Lille', appliedOn: '2024-12-02', salaryMin: 2_000, salaryPeriod: 'month', firstResponseOn: '2024-12-20',
    history: [['applied', '2024-12-02'], ['rejected', '2024-12-20']],
  });
  await add('archivedWithdrawn', {
    companyId: acme, position: 'Old role', employmentType: 'permanent', workMode: 'remote', source: 'linkedin', location: 'Paris',
    appliedOn: '2024-11-04', archived: true, salaryMin: 52_000, salaryMax: 58_000, salaryCurrency: 'EUR', salaryPeriod: 'year',
    requiredSkills: ['Kotlin'],
    history: [['applied', '2024-11-04'], ['interviewing', '2024-11-18'], ['withdrawn', '2024-11-25']],
  });
  await add('deletedOffer', {
    companyId: globex, position: 'Deleted role', employmentType: 'permanent', source: 'linkedin', appliedOn: '2025-03-03',
    salaryMin: 99_000, salaryCurrency: 'GBP', salaryPeriod: 'year', requiredSkills: ['Cobol'],
    history: [['applied', '2025-03-03'], ['offer', '2025-03-06']],
  });
  await add('noAppliedDate', {
    companyName: 'Nameless Corp', position: 'No date', employmentType: 'apprenticeship', source: 'france_travail',
    history: [['wishlist', '2025-01-02'], ['applied', '2025-01-04']],
  });
  // Leaving the wishlist set its applied date; cleared, it tests the fallback to the day it was created.
  await api.invoke('applications.update', { id: ids.noAppliedDate, patch: { appliedOn: null } });
  await add('createdInScreening', {
    companyId: hooli, position: 'SRE', employmentType: 'permanent', workMode: 'hybrid', source: 'recruiter', location: 'Paris',
    resumeVersion: 'v2', appliedOn: '2025-02-24', salaryMin: 70_000, salaryMax: 90_000, salaryCurrency: 'USD', salaryPeriod: 'year',
    requiredSkills: ['Go', 'Kubernetes'], preferredSkills: ['SQL'],
    history: [['screening', '2025-02-26']],
  });
  await add('customStage', {
    companyId: hooli, position: 'Staff engineer', employmentType: 'permanent', workMode: 'remote', source: 'welcome_to_the_jungle',
    location: 'Paris', resumeVersion: 'v3', appliedOn: '2025-03-03', salaryMin: 80_000, salaryMax: 95_000, salaryCurrency: 'EUR',
    salaryPeriod: 'year', requiredSkills: ['Go', 'TypeScript'],
    history: [['applied', '2025-03-03'], [{ id: technicalTest.id }, '2025-03-07']],
  });
  await add('rejectedAtOnce', {
    companyId: initech, position: 'Support', employmentType: 'fixed_term', workMode: 'on_site', source: 'indeed', location: 'Nantes',
    appliedOn: '2025-02-17', requiredSkills: ['Excel'],
    history: [['applied', '2025-02-17'], ['rejected', '2025-02-28']],
  });
  await add('wentBack', {
    companyId: umbrella, position: 'QA', employmentType: 'permanent', workMode: 'hybrid', source: 'job_fair', location: 'Lyon',
    appliedOn: '2025-03-04', requiredSkills: ['Selenium', 'sql'],
    history: [['applied', '2025-03-04'], ['screening', '2025-03-05'], ['applied', '2025-03-06']],
  });
  await add('answerBeforeApplying', {
    companyId: hooli, position: 'Odd dates', employmentType: 'permanent', source: 'email', appliedOn: '2025-03-09',
    history: [['applied', '2025-03-09'], ['screening', '2025-03-02']],
  });

  // More sources and locations than a breakdown shows: the smallest are summed into "others".
  for (const [index, source] of ['Hellowork', 'Glassdoor', 'Meetup'].entries()) {
    await add(`extra${index}`, {
      companyId: initech, position: `Extra ${index}`, source, location: `Town ${index}`, appliedOn: `2025-02-0${index + 5}`,
      history: [['applied', `2025-02-0${index + 5}`]],
    });
  }

  // Interviews around now: planned ahead (counted), past, cancelled, on a deleted or an archived application.
  const interview = (applicationId: string, days: number, status: 'planned' | 'completed' | 'cancelled' = 'planned') =>
    api.invoke('interviews.create', { applicationId, scheduledAt: inDays(days), status });
  await interview(ids.fastAnswer, 3);
  await interview(ids.customStage, 10);
  await interview(ids.createdInScreening, 20);
  await interview(ids.accepted, 30);
  await interview(ids.rejectedAfterInterviews, -20, 'completed');
  await interview(ids.customStage, 5, 'cancelled');
  await interview(ids.archivedWithdrawn, 6);
  await interview(ids.deletedOffer, 4);

  // Tasks: overdue open (linked, unlinked, on an archived one, on a deleted one), done, due later.
  await api.invoke('tasks.create', { title: 'Follow up Acme', dueOn: '2025-03-01', applicationId: ids.rejectedAfterInterviews });
  await api.invoke('tasks.create', { title: 'Update CV', dueOn: '2025-03-11' });
  await api.invoke('tasks.create', { title: 'Old archived follow-up', dueOn: '2025-01-01', applicationId: ids.archivedWithdrawn });
  await api.invoke('tasks.create', { title: 'Call Globex', dueOn: '2025-03-12', applicationId: ids.accepted });
  await api.invoke('tasks.create', { title: 'Someday', dueOn: '2025-04-01' });
  const done = await api.invoke('tasks.create', { title: 'Done already', dueOn: '2025-02-01' });
  await api.invoke('tasks.setDone', { id: done.id, done: true });
  await api.invoke('tasks.create', { title: 'On a deleted application', dueOn: '2025-02-01', applicationId: ids.deletedOffer });
  // Deleted after its interview and task exist: none of it may count any more.
  await api.invoke('applications.delete', { id: ids.deletedOffer });

  await api.invoke('profile.update', { weeklyGoal: 2, skills: ['TypeScript', 'sql', 'Python'] });
  return { ids };
}

