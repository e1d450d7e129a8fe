import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greenhouse, page as postingPage, severalPostings } from '../capture/pages';
import { pollTimeout } from './support/records';
import { startE2EApp, type E2EApp } from './support/harness';

// Issue 14, item 1: the Capture screen. A posting from pasted HTML or from a link (fetched by the main process from a
// local server here), several postings to pick from, the application form prefilled, the posting frozen on save and
// shown on the application's page; every failure translated, with nothing saved.

/** A posting page with every field Candid maps, as a company's careers site would publish it. */
const fullPosting = postingPage({
  head: '<title>Data Engineer - Orbital</title>',
  jsonLd: [
    {
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Data Engineer',
      identifier: { '@type': 'PropertyValue', name: 'Orbital', value: 'DE-42' },
      hiringOrganization: { '@type': 'Organization', name: 'Orbital', sameAs: 'https://orbital.example' },
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Lyon', addressCountry: 'FR' } },
      jobLocationType: 'TELECOMMUTE',
      employmentType: 'FULL_TIME',
      baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 52000, maxValue: 61000, unitText: 'YEAR' } },
      datePosted: '2026-11-02',
      validThrough: '2026-12-31',
      skills: ['Python', 'Airflow'],
      description: '<p>Build our <strong>pipelines</strong>.</p><ul><li>Python</li><li>Airflow</li></ul>',
    },
  ],
});

let app: E2EApp;
let site: http.Server;
let siteUrl: string;
const hanging: http.ServerResponse[] = [];

beforeAll(async () => {
  site = http.createServer((request, response) => {
    if (request.url === '/orbital/data-engineer') return response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(fullPosting);
    if (request.url === '/slow') return void hanging.push(response);
    response.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  app = await startE2EApp();
  // The test's site is on 127.0.0.1, which capture refuses to reach for a real user (private_address).
  app.context.capture = { allowPrivateAddresses: true };
});
afterAll(async () => {
  for (const response of hanging) response.destroy();
  await new Promise((resolve) => site?.close(resolve));
  await app?.close();
});

const applications = async () => (await app.api.invoke('applications.list', { archived: 'all', limit: 100 })).items;

async function openCapture(options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}) {
  const opened = await app.open({ ...options, path: '/#/capture' });
  await opened.page.getByRole('heading', { level: 1 }).waitFor();
  return opened;
}

/** A new capture from wherever the page is, as the user starts one: the header's button. */
async function startCapture(page: Page) {
  // From Capture itself the header's button starts a new capture: a new screen replaces the one shown, and what is
  // typed into the old one before React swaps them is lost (the paste then reads nothing). Wait for the new one.
  await page.evaluate(() => document.querySelector('.capture-page')?.setAttribute('data-replaced', ''));
  await page.getByRole('button', { name: 'Capture a posting' }).click();
  await page.locator('.capture-page:not([data-replaced])').getByRole('heading', { name: 'From a link' }).waitFor();
}

/** A form field's value, by its exact label. */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

async function pasteHtml(page: Page, html: string, url?: string) {
  await page.getByLabel('The page’s HTML').fill(html);
  if (url) await page.getByLabel('The page’s address (optional)').fill(url);
  await page.getByRole('button', { name: 'Read the pasted page' }).click();
}

describe('the Capture screen', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openCapture();
    page = opened.page;
    close = () => opened.context.close();
  });
  afterAll(async () => close?.());

  it('explains the two ways in, and is reached from the header, the palette and g l', async () => {
    await page.getByRole('heading', { level: 1, name: 'Capture a posting' }).waitFor();
    const ways = page.getByRole('group', { name: 'Two ways in' });
    await ways.getByRole('heading', { name: 'From a link' }).waitFor();
    await ways.getByRole('heading', { name: 'From the page itself' }).waitFor();

    await page.goto(`${app.server.url}/#/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('l');
    await page.getByRole('heading', { level: 1, name: 'Capture a posting' }).waitFor();

    await page.goto(`${app.server.url}/#/dashboard`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command palette' }).fill('capture');
    await page.getByRole('option', { name: /Capture a posting/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Capture a posting' }).waitFor();

    await page.goto(`${app.server.url}/#/dashboard`);
    await page.getByRole('button', { name: 'Capture a posting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capture a posting' }).waitFor();
  });

  it('pasted HTML with one posting: the form is prefilled, and saving keeps the posting frozen on the application', async () => {
    await startCapture(page);
    await pasteHtml(page, greenhouse, 'https://boards.greenhouse.io/acme/jobs/4001');
    await page.getByRole('heading', { name: 'Confirm the application' }).waitFor();
    expect(await field(page, 'Position')).toBe('Senior Backend Engineer');
    expect(await field(page, 'Company')).toBe('Acme');
    expect(await field(page, 'Location')).toContain('Berlin');
    expect(await field(page, 'Job posting link')).toBe('https://boards.greenhouse.io/acme/jobs/4001');
    expect(await field(page, 'Schedule')).toBe('full_time');
    expect(await field(page, 'Source')).toBe('company_site');
    expect(await field(page, 'Notes')).toContain('Posted on 20 Nov 2026');
    // The posting's text, read-only beside the form.
    const posting = page.getByRole('region', { name: 'The posting as captured' });
    await expect.poll(() => posting.first().textContent()).toContain('payments');
    await app.screenshot(page, 'capture-form-light');

    await page.getByRole('button', { name: 'Save the application' }).click();
    await expect.poll(() => page.url(), pollTimeout).toMatch(/#\/applications\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const saved = await app.api.invoke('applications.get', { id });
    expect(saved).toMatchObject({ position: 'Senior Backend Engineer', companyName: 'Acme', postingUrl: 'https://boards.greenhouse.io/acme/jobs/4001' });
    expect(saved.capturedPosting?.url).toBe('https://boards.greenhouse.io/acme/jobs/4001');
    expect(saved.capturedPosting?.text).toContain('payments');
    expect(saved.capturedPosting?.capturedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The application's page shows the frozen posting with its address and capture date.
    await page.getByRole('heading', { level: 1, name: 'Senior Backend Engineer' }).waitFor();
    const card = page.locator('section.capture-posting');
    await card.getByRole('link', { name: 'https://boards.greenhouse.io/acme/jobs/4001' }).waitFor();
    expect(await card.textContent()).toMatch(/Captured on .*2\d{3}/);
    expect(await card.getByRole('region').textContent()).toContain('payments');
  });

  it('a page with several postings: a list to pick from with the keyboard', async () => {
    await startCapture(page);
    await pasteHtml(page, severalPostings);
    await page.getByRole('heading', { name: '3 postings on this page' }).waitFor();
    const list = page.getByRole('list', { name: 'Postings on the page' });
    expect(await list.getByRole('button').allTextContents()).toEqual([
      expect.stringContaining('Backend Engineer'),
      expect.stringContaining('Frontend Engineer'),
      expect.stringContaining('QA Engineer'),
    ]);
    // The first has the focus: ↓ then Enter opens the second.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Backend Engineer');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Confirm the application' }).waitFor();
    expect(await field(page, 'Position')).toBe('Frontend Engineer');
    expect(await field(page, 'Company')).toBe('Volt');
    await page.getByRole('button', { name: 'Other postings on the page' }).click();
    await page.getByRole('button', { name: /QA Engineer/ }).click();
    expect(await field(page, 'Position')).toBe('QA Engineer');
  });

  it('a link served over HTTP: every mapped field is filled', async () => {
    await startCapture(page);
    const url = `${siteUrl}/orbital/data-engineer`;
    await page.getByLabel('Posting address').fill(url);
    await page.getByRole('button', { name: 'Read the posting' }).click();
    await page.getByRole('heading', { name: 'Confirm the application' }).waitFor();
    const value = (label: string) => field(page, label);
    expect({
      position: await value('Position'),
      company: await value('Company'),
      location: await value('Location'),
      workMode: await value('Work mode'),
      schedule: await value('Schedule'),
      postingUrl: await value('Job posting link'),
      salaryMin: await value('Minimum salary'),
      salaryMax: await value('Maximum salary'),
      currency: await value('Currency'),
      period: await value('Period'),
      deadline: await value('Deadline'),
      description: await value('Job description'),
    }).toEqual({
      position: 'Data Engineer',
      company: 'Orbital',
      location: expect.stringContaining('Lyon'),
      workMode: 'remote',
      schedule: 'full_time',
      postingUrl: url,
      salaryMin: '52000',
      salaryMax: '61000',
      currency: 'EUR',
      period: 'year',
      deadline: '2026-12-31',
      description: expect.stringContaining('pipelines'),
    });
    const skills = await page.locator('.chips-input').first().textContent();
    expect(skills).toContain('Python');
    expect(skills).toContain('Airflow');
    const notes = await value('Notes');
    expect(notes).toContain('Posted on 2 Nov 2026');
    expect(notes).toContain('DE-42');
    expect(notes).toContain('https://orbital.example');

    await page.getByRole('button', { name: 'Save the application' }).click();
    await expect.poll(() => page.url(), pollTimeout).toMatch(/#\/applications\/[0-9a-f-]{36}$/);
    const saved = await app.api.invoke('applications.get', { id: page.url().split('/').pop()! });
    expect(saved).toMatchObject({ position: 'Data Engineer', salaryMin: 52000, salaryMax: 61000, salaryCurrency: 'EUR', workMode: 'remote', deadline: '2026-12-31' });
    expect(saved.capturedPosting).toMatchObject({ url });
  });

  it('a bad page or link: a clear message with what to do, and nothing saved', async () => {
    const before = (await applications()).length;
    await startCapture(page);
    await pasteHtml(page, '<html><body><div>Nothing here</div></body></html>');
    const alert = page.getByRole('alert').filter({ hasText: 'No posting was read' });
    await alert.getByText('No job posting was found on this page.').waitFor();
    await alert.getByText(/paste its page’s HTML, or add the application by hand/).waitFor();
    // What was pasted stays, to be corrected.
    expect(await page.getByLabel('The page’s HTML').inputValue()).toContain('Nothing here');

    await page.getByLabel('Posting address').fill(`${siteUrl}/gone`);
    await page.getByRole('button', { name: 'Read the posting' }).click();
    await page.getByRole('alert').getByText('The site answered with an error (HTTP 404).').waitFor();

    await page.getByLabel('Posting address').fill('ftp://example.com/job');
    await page.getByRole('button', { name: 'Read the posting' }).click();
    await page.getByRole('alert').getByText('Only web addresses (http:// or https://) can be read.').waitFor();
    expect((await applications()).length).toBe(before);
  });

  it('a slow site shows its progress, and Escape cancels without saving', async () => {
    const before = (await applications()).length;
    await startCapture(page);
    await page.getByLabel('Posting address').fill(`${siteUrl}/slow`);
    await page.getByRole('button', { name: 'Read the posting' }).click();
    const progress = page.getByRole('status').filter({ hasText: 'Reading the posting…' });
    await progress.getByText(`Fetching ${siteUrl}/slow.`, { exact: false }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await page.getByText('Reading cancelled. Nothing was saved.').waitFor();
    await progress.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Posting address').inputValue()).toBe(`${siteUrl}/slow`);
    expect((await applications()).length).toBe(before);
  });
});

it('in French and dark, a refused local address says why and what to do instead', async () => {
  const allowed = app.context.capture;
  app.context.capture = undefined;
  const { page, context } = await openCapture({ locale: 'fr-FR', colorScheme: 'dark' });
  try {
    await page.getByRole('heading', { level: 1, name: 'Capturer une offre' }).waitFor();
    await page.getByLabel('Adresse de l’offre').fill(`${siteUrl}/orbital/data-engineer`);
    await page.getByRole('button', { name: 'Lire l’offre' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Aucune offre n’a été lue. Rien n’a été enregistré.' });
    await alert.getByText('Candid ne lit pas les adresses de cet ordinateur ni de son réseau local.').waitFor();
    await alert.getByText(/collez plutôt son HTML/).waitFor();
    await app.screenshot(page, 'capture-error-dark-fr');
    expect((await applications()).some((item) => item.position === 'Data Engineer' && item.companyName !== 'Orbital')).toBe(false);
  } finally {
    app.context.capture = allowed;
    await context.close();
  }
});
