import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Api } from '../../../src-main/api';
import type { StageCategory } from '../../../src-shared/contract';
import { startE2EApp, type E2EApp } from './harness';

/** `YYYY-MM-DD` of today shifted by `days`, in local time (what the screens call "today"). */
export function localDay(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An instant `days` from now at hh:mm local time. */
export function localInstant(days: number, hours: number, minutes = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  date.setHours(hours, minutes, 0, 0);
  return date.toISOString();
}

export async function stageOf(api: Api, category: StageCategory): Promise<string> {
  const stages = await api.invoke('stages.list', undefined);
  return stages.find((stage) => stage.category === category)!.id;
}

/**
 * A small, believable job search written through the real handlers: companies with a history (one application
 * went to interviews then was rejected), interviews around today, tasks due, overdue and done, contacts.
 */
export async function seedJobSearch(api: Api) {
  const acme = await api.invoke('applications.create', {
    companyName: 'Acme Robotics',
    position: 'Frontend engineer',
    appliedOn: localDay(-30),
    source: 'linkedin',
  });
  const acmeAgain = await api.invoke('applications.create', {
    companyId: acme.companyId,
    position: 'Design systems engineer',
    appliedOn: localDay(-6),
    source: 'company_site',
  });
  const globex = await api.invoke('applications.create', { companyName: 'Globex', position: 'Product engineer', appliedOn: localDay(-12) });
  const initech = await api.invoke('applications.create', { companyName: 'Initech', position: 'UX developer', appliedOn: localDay(-20) });

  // Acme answered after 5 days, interviewed, then said no: the company page must remember the interviews.
  await api.invoke('applications.setStage', { id: acme.id, stageId: await stageOf(api, 'screening'), occurredAt: `${localDay(-25)}T09:00:00.000Z` });
  await api.invoke('applications.setStage', { id: acme.id, stageId: await stageOf(api, 'interviewing'), occurredAt: `${localDay(-18)}T09:00:00.000Z` });
  await api.invoke('applications.setStage', { id: acme.id, stageId: await stageOf(api, 'rejected'), occurredAt: `${localDay(-10)}T09:00:00.000Z` });
  await api.invoke('applications.setStage', { id: globex.id, stageId: await stageOf(api, 'interviewing') });

  await api.invoke('interviews.create', {
    applicationId: acme.id,
    scheduledAt: localInstant(-18, 14, 30),
    durationMinutes: 45,
    type: 'technical',
    format: 'video',
    meetingUrl: 'https://meet.example.com/acme',
    interviewers: 'Anna Martin (Engineering manager)',
    status: 'completed',
    outcome: 'failed',
  });
  await api.invoke('interviews.create', {
    applicationId: globex.id,
    scheduledAt: localInstant(1, 10, 0),
    durationMinutes: 60,
    type: 'hr',
    format: 'in_person',
    location: '12 rue de la Paix, Paris',
    interviewers: 'Claire Dubois (HR)',
  });
  await api.invoke('interviews.create', {
    applicationId: globex.id,
    scheduledAt: localInstant(4, 15, 0),
    durationMinutes: 90,
    type: 'technical',
    format: 'video',
    meetingUrl: 'https://meet.example.com/globex',
  });

  await api.invoke('tasks.create', { title: 'Send the portfolio to Globex', dueOn: localDay(0), applicationId: globex.id });
  await api.invoke('tasks.create', { title: 'Follow up with Initech', dueOn: localDay(-2), applicationId: initech.id });
  await api.invoke('tasks.create', { title: 'Prepare the system design interview', dueOn: localDay(3), applicationId: globex.id });
  await api.invoke('tasks.create', { title: 'Update the CV with the last project' });
  const done = await api.invoke('tasks.create', { title: 'Thank Anna for the interview', dueOn: localDay(-17) });
  await api.invoke('tasks.setDone', { id: done.id, done: true });

  const anna = await api.invoke('contacts.create', {
    name: 'Anna Martin',
    role: 'Engineering manager',
    email: 'anna.martin@acme.example',
    companyId: acme.companyId,
    applicationIds: [acme.id],
  });
  await api.invoke('contacts.create', { name: 'Claire Dubois', role: 'HR business partner', companyId: globex.companyId, phone: '+33 6 12 34 56 78' });

  return { acme, acmeAgain, globex, initech, anna };
}

export type SeededJobSearch = Awaited<ReturnType<typeof seedJobSearch>>;

/**
 * Starts the app with `seedJobSearch` before the tests of the calling file and closes it after them. Call it at
 * the top of the file; read `app` and `seeded` inside the tests (they are set once the `beforeAll` has run).
 */
export function setUpSeededApp(): { app: E2EApp; seeded: SeededJobSearch } {
  const suite = {} as { app: E2EApp; seeded: SeededJobSearch };
  beforeAll(async () => {
    suite.app = await startE2EApp();
    suite.seeded = await seedJobSearch(suite.app.api);
  });
  afterAll(async () => {
    await suite.app?.close();
  });
  return suite;
}

/** Waits until the route's page has painted its main heading. */
export async function openRoute(page: Page, route: string, heading: string | RegExp) {
  await page.goto(`${new URL(page.url()).origin}/#${route}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** How long `expect.poll` may wait for the app to catch up: generous, the machine is shared. Not a timing assertion. */
export const pollTimeout = { timeout: 15_000 };
