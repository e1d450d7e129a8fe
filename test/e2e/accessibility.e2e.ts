import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDataset, seedDatabase, todayUtc } from '../../src-main/seed';
import { audit, type Finding } from './support/audit';
import { startE2EApp, type E2EApp } from './support/harness';

/**
 * Issue 19: an automated accessibility check on every screen, light and dark, English and French. axe-core
 * (installed, pinned) runs in the real renderer; no serious or critical violation may remain (colour contrast
 * included). One browser; each theme and language visits every screen, then the dialogs and menus opened from
 * them, on demo data, then the empty screens of a new folder (one browser context each).
 */
/** A screen, or a state of one (a dialog open): how to get there, and what says it is ready. */
interface Stop {
  name: string;
  path: string;
  ready: string;
  open?: (page: Page) => Promise<void>;
}

/** A posting page for the capture form (pasted HTML: nothing is fetched). */
const capturedPage = `<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Data Engineer',
  hiringOrganization: { name: 'Orbital' },
  description: '<p>Build our pipelines.</p>',
})}</script>`;

const combos = [
  { theme: 'light', language: 'en' },
  { theme: 'dark', language: 'en' },
  { theme: 'light', language: 'fr' },
  { theme: 'dark', language: 'fr' },
] as const;

let demo: E2EApp;
let empty: E2EApp;
let stops: Stop[];

beforeAll(async () => {
  demo = await startE2EApp();
  seedDatabase(demo.context, generateDataset({ count: 60, seed: 'accessibility', today: todayUtc() }));
  const application = (await demo.api.invoke('applications.list', { limit: 1 })).items[0];
  const contact = (await demo.api.invoke('contacts.list', {})).items[0];
  const fair = await demo.api.invoke('fairs.create', { name: 'Forum Emploi', startsOn: todayUtc(), place: 'Lyon', url: 'https://forum.example/' });
  const booth = await demo.api.invoke('fairs.addBooth', { fairId: fair.id, companyName: 'Globex', booth: 'B12', recruitsFor: 'Data engineer', priority: 1, pitch: 'Five years of pipelines' });
  await demo.api.invoke('fairs.addBooth', { fairId: fair.id, companyName: 'Initech', planned: false });
  await demo.api.invoke('fairs.setVisitStatus', { id: booth.id, status: 'in_line' });
  await demo.api.invoke('offers.create', { name: 'Offers' });
  const answer = await demo.api.invoke('answers.create', { question: 'Why us?', category: 'why_company', body: 'Your product', tags: ['product'] });
  await demo.api.invoke('answers.update', { id: answer.id, patch: { body: 'Your product and your team' } });
  empty = await startE2EApp();
  const press = (keys: string) => async (page: Page) => {
    await page.locator('h1').first().click();
    await page.keyboard.press(keys);
  };
  const click = (selector: string) => async (page: Page) => {
    await page.locator(selector).first().click();
  };
  stops = [
    { name: 'dashboard', path: '/#/dashboard', ready: '[data-chart="funnel"] canvas' },
    { name: 'applications', path: '/#/applications', ready: '.table-row[aria-rowindex]' },
    { name: 'applications: filters', path: '/#/applications', ready: '.popover', open: click('button:has-text("Filters"), button:has-text("Filtres")') },
    { name: 'board', path: '/#/board', ready: '.board-card' },
    { name: 'application', path: `/#/applications/${application.id}`, ready: '.timeline-item' },
    { name: 'new application', path: '/#/applications/new', ready: 'form.application-form' },
    { name: 'capture', path: '/#/capture', ready: '.capture-ways' },
    {
      name: 'capture: the prefilled form',
      path: '/#/capture',
      ready: '.capture-posting',
      open: async (page: Page) => {
        await page.locator('textarea.capture-html').fill(capturedPage);
        await page.locator('.capture-way button[type="submit"]').last().click();
      },
    },
    { name: 'interviews', path: '/#/interviews', ready: 'h1' },
    { name: 'tasks', path: '/#/tasks', ready: 'h1' },
    { name: 'companies', path: '/#/companies', ready: 'h1' },
    { name: 'company', path: `/#/companies/${application.companyId}`, ready: 'h1' },
    { name: 'contacts', path: '/#/contacts', ready: 'h1' },
    ...(contact ? [{ name: 'contact', path: `/#/contacts?selected=${contact.id}`, ready: '.ct-layout' }] : []),
    { name: 'fairs', path: '/#/fairs', ready: '.fair-list' },
    { name: 'fair', path: `/#/fairs/${fair.id}`, ready: '.booth' },
    { name: 'fair in hall mode', path: `/#/fairs/${fair.id}/hall`, ready: '.booth' },
    { name: 'fair: plan and notes', path: `/#/fairs/${fair.id}`, ready: '.booth-editor', open: click('.booth button[aria-expanded]') },
    { name: 'answers', path: '/#/answers', ready: '.answer' },
    { name: 'answers: versions', path: '/#/answers', ready: '.answer-versions', open: click('.answer button[aria-expanded]') },
    { name: 'settings', path: '/#/settings', ready: '#settings-data' },
    { name: 'import', path: '/#/import', ready: 'h1' },
    { name: 'report', path: '/#/report', ready: '.report[data-ready="true"]' },
    { name: 'offers', path: '/#/offers', ready: '.offers-settings' },
    { name: 'command palette', path: '/#/dashboard', ready: 'dialog[open]', open: press('Control+k') },
    { name: 'shortcuts', path: '/#/dashboard', ready: 'dialog[open]', open: press('Shift+?') },
    { name: 'file menu', path: '/#/dashboard', ready: '.file-menu', open: click('.header .popover-anchor button') },
    {
      name: 'proof-of-search dialog',
      path: '/#/dashboard',
      ready: 'dialog[open] .search-report-form',
      open: async (page: Page) => {
        await click('.header .popover-anchor button')(page);
        await page.locator('.file-menu button').filter({ hasText: /Proof-of-search|Justificatif/ }).click();
      },
    },
    { name: 'folded sidebar', path: '/#/board', ready: '.app[data-sidebar="collapsed"]', open: press('Control+b') },
  ];
});
afterAll(async () => {
  await demo?.close();
  await empty?.close();
});

async function visit(app: E2EApp, theme: 'light' | 'dark', language: 'en' | 'fr', list: readonly Stop[]): Promise<Record<string, Finding[]>> {
  await app.api.invoke('profile.update', { theme, locale: language });
  const { page, context } = await app.open({ colorScheme: theme, locale: language === 'fr' ? 'fr-FR' : 'en-GB', path: '/#/dashboard' });
  const found: Record<string, Finding[]> = {};
  try {
    for (const stop of list) {
      await page.goto(`${app.server.url}${stop.path}`);
      await page.locator('h1').first().waitFor();
      await stop.open?.(page);
      await page
        .locator(stop.ready)
        .first()
        .waitFor({ state: 'attached', timeout: 15_000 })
        .catch((error: Error) => {
          throw new Error(`${stop.name} did not open: ${error.message}`);
        });
      // Charts and transitions settle before their colours are measured.
      await page.waitForTimeout(400);
      expect(await page.evaluate(() => document.documentElement.dataset.theme), stop.name).toBe(theme);
      const findings = await audit(page);
      if (findings.length > 0) found[stop.name] = findings;
      // Close what the stop opened, for the next one.
      if (stop.name === 'folded sidebar') await page.keyboard.press('Control+b');
      else if (stop.open) await page.keyboard.press('Escape');
    }
  } finally {
    await context.close();
  }
  return found;
}

// Each theme and language in three parts (screens, then the dialogs and menus opened from them, then a new
// folder's empty screens), so that no test holds a long run of pages on a busy machine.
describe.each(combos)('no serious or critical violation ($theme, $language)', ({ theme, language }) => {
  it('on any screen', async () => {
    expect(await visit(demo, theme, language, stops.filter((stop) => !stop.open))).toEqual({});
  });
  it('in any dialog or menu', async () => {
    expect(await visit(demo, theme, language, stops.filter((stop) => stop.open))).toEqual({});
  });
  it('on the empty screens of a new folder', async () => {
    const emptyStops: Stop[] = [
      { name: 'empty dashboard', path: '/#/dashboard', ready: '.empty-state' },
      { name: 'empty applications', path: '/#/applications', ready: '.empty-state' },
      { name: 'empty board', path: '/#/board', ready: '.board-column' },
      { name: 'empty fairs', path: '/#/fairs', ready: '.empty-state' },
      { name: 'empty offers', path: '/#/offers', ready: '.empty-state' },
      { name: 'empty answers', path: '/#/answers', ready: '.empty-state' },
    ];
    expect(await visit(empty, theme, language, emptyStops)).toEqual({});
  });
});
