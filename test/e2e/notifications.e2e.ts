import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../support/manual-clock';
import { startE2EApp, type E2EApp } from './support/harness';
import { localDay, pollTimeout } from './support/records';

const minute = 60_000;
const hour = 60 * minute;

/**
 * The notification centre in the real renderer, against a server whose clock the test moves (the app context's
 * injected clock: the test runs the server in its own process, so it holds the clock directly).
 */
let app: E2EApp;
let clock: ManualClock;
let applicationId: string;

beforeAll(async () => {
  clock = new ManualClock(Math.floor(Date.now() / minute) * minute);
  app = await startE2EApp({ clock, automation: true });
  const acme = await app.api.invoke('applications.create', { companyName: 'Acme Robotics', position: 'Frontend engineer', appliedOn: localDay(0) });
  applicationId = acme.id;
  // An interview in 25 hours: its day-before reminder falls due in an hour.
  await app.api.invoke('interviews.create', { applicationId, scheduledAt: new Date(clock.now() + 25 * hour).toISOString(), format: 'video' });
  // Quiet hours would hold back pop-ups only; off, so that the time of day the test runs at does not matter.
  await app.api.invoke('automation.update', { quietHours: { enabled: false } });
  await app.automation!.scheduler.whenIdle();
});
afterAll(async () => {
  await app?.close();
});

const advance = async (ms: number) => {
  await app.automation!.scheduler.whenIdle();
  await clock.advance(ms);
};

it('shows a due interview reminder in the centre; clicking it opens the interview’s application', async () => {
  const { page, context } = await app.open({ path: '/#/dashboard' });
  const quietBell = page.getByRole('button', { name: 'Notifications', exact: true });
  await quietBell.waitFor();
  await advance(hour);
  // Nothing was written by the user: the server's `changed` event brings the reminder to the open page.
  const bell = page.getByRole('button', { name: 'Notifications, 1 unread', exact: true });
  await bell.waitFor(pollTimeout);
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  const reminder = panel.getByRole('button', { name: /Interview tomorrow: Acme Robotics$/ });
  await reminder.waitFor();
  await app.screenshot(page, 'notifications-light');
  await reminder.click();
  await page.waitForURL(`**/#/applications/${applicationId}`, pollTimeout);
  await page.getByRole('heading', { name: 'Frontend engineer', level: 1 }).waitFor();
  // Opened: read, so the bell has nothing unread any more; the panel closed.
  await quietBell.waitFor(pollTimeout);
  expect(await panel.count()).toBe(0);
  expect((await app.api.invoke('notifications.list', undefined)).unread).toBe(0);
  await context.close();
});

it('snoozes a notification for an hour: it leaves the centre and comes back, unread, an hour later', async () => {
  const { page, context } = await app.open({ path: '/#/dashboard', colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Notifications', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  await panel.getByRole('button', { name: /Interview tomorrow: Acme Robotics$/ }).waitFor();
  await app.screenshot(page, 'notifications-dark');
  // Keyboard only: the actions of the reminder, then the hour.
  await panel.getByRole('button', { name: 'Snooze', exact: true }).focus();
  await page.keyboard.press('Enter');
  await panel.getByRole('button', { name: 'For an hour' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').getByText(/^Snoozed until/).waitFor(pollTimeout);
  await expect.poll(async () => (await app.api.invoke('notifications.list', undefined)).items.length, pollTimeout).toBe(0);
  await panel.getByText('Nothing needs you right now.').waitFor(pollTimeout);
  await page.keyboard.press('Escape');

  await advance(hour - minute);
  expect((await app.api.invoke('notifications.list', undefined)).items).toEqual([]);
  await advance(minute);
  const bell = page.getByRole('button', { name: 'Notifications, 1 unread', exact: true });
  await bell.waitFor(pollTimeout);
  await bell.click();
  await panel.getByRole('button', { name: /Interview tomorrow: Acme Robotics$/ }).waitFor();
  await context.close();
});

it('sets the rules in Settings ▸ Automation, with the number checked', async () => {
  const { page, context } = await app.open({ path: '/#/settings' });
  const section = page.getByRole('region', { name: 'Automation' });
  await section.waitFor();
  const days = section.getByLabel('Days without an answer');
  await days.fill('3');
  await section.getByRole('button', { name: 'Save' }).click();
  await section.getByText('Must be at least 7').or(section.locator('.field-error')).first().waitFor(pollTimeout);
  expect((await app.api.invoke('automation.settings', undefined)).ghost.days).toBe(30);
  await days.fill('45');
  await section.getByRole('switch', { name: /^Archive closed applications/ }).uncheck();
  await section.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').getByText('Automation settings saved').waitFor(pollTimeout);
  const settings = await app.api.invoke('automation.settings', undefined);
  expect([settings.ghost.days, settings.archive.enabled]).toEqual([45, false]);
  await app.screenshot(page, 'settings-automation');
  await context.close();
});

it('announces the weekly summary at the start of the week; it opens on the summaries page', async () => {
  await advance(8 * 24 * hour);
  const { page, context } = await app.open({ path: '/#/dashboard' });
  await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  // A week went by without an answer: a follow-up is suggested too.
  await panel.getByRole('button', { name: /Follow up with Acme Robotics$/ }).waitFor();
  // The week the test began in (its application was sent then). Depending on the weekday and hour the test starts,
  // the clock's 8 days end after one or two summaries are due; the centre lists the newest first.
  await panel.getByRole('button', { name: /Your week of / }).last().click();
  await page.waitForURL(/#\/weekly\/\d{4}-\d\d-\d\d$/, pollTimeout);
  await page.getByRole('heading', { name: 'Weekly summaries', level: 1 }).waitFor();
  const sent = page.getByRole('term').filter({ hasText: 'Applications sent' });
  await sent.waitFor();
  expect(await page.locator('.wk-figure', { has: sent }).locator('.wk-value').textContent()).toBe('1');
  await app.screenshot(page, 'weekly-summary');
  await context.close();
});
