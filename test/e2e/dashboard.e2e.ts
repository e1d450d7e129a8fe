import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildRecentSearch } from '../statistics/support/recent';
import { startE2EApp, type E2EApp } from './support/harness';

const charts = ['timeline', 'funnel', 'flows', 'breakdown-source', 'response-times', 'company-response-times', 'salaries', 'skills-required', 'activity'];

/** The dashboard once its figures and every chart are drawn. */
async function openDashboard(app: E2EApp, colorScheme: 'light' | 'dark', locale: string) {
  const opened = await app.open({ colorScheme, locale, path: '/#/dashboard' });
  const errors: string[] = [];
  opened.page.on('pageerror', (error) => errors.push(error.message));
  await opened.page.waitForSelector('.dash-kpis');
  for (const name of charts) await opened.page.waitForSelector(`[data-chart="${name}"] .dash-chart canvas`);
  await opened.page.waitForTimeout(700); // the charts' entry animation
  return { ...opened, errors };
}

/** The whole page in one picture: a window tall enough that nothing scrolls. */
async function screenshotWhole(app: E2EApp, page: Page, name: string) {
  const height = await page.evaluate(() => (document.querySelector('.dash') as HTMLElement).scrollHeight + 60);
  await page.setViewportSize({ width: 1280, height: Math.max(800, height) });
  await page.waitForTimeout(400); // charts resize with their cards
  await app.screenshot(page, name);
}

describe('the dashboard with data', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startE2EApp();
    await buildRecentSearch(app.api);
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each([
    ['light', 'en-GB', 'Dashboard', 'Response rate'],
    ['dark', 'en-GB', 'Dashboard', 'Response rate'],
    ['light', 'fr-FR', 'Tableau de bord', 'Taux de réponse'],
    ['dark', 'fr-FR', 'Tableau de bord', 'Taux de réponse'],
  ] as const)('renders in the %s theme, in %s', async (theme, locale, heading, rateLabel) => {
    const { page, context, errors } = await openDashboard(app, theme, locale);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await expect(page.locator('h1').textContent()).resolves.toContain(heading);
    await expect(page.locator('.dash-kpi-label', { hasText: rateLabel }).count()).resolves.toBe(1);

    // Every chart: a titled region, a picture with a text alternative, and its figures as a table.
    for (const name of charts) {
      const card = page.locator(`[data-chart="${name}"]`);
      await expect(card.locator('h2').textContent()).resolves.toMatch(/\S/);
      await expect(card.locator('[role="img"]').getAttribute('aria-label')).resolves.toMatch(/\d/);
      await expect(card.locator('.sr-only table tbody tr').count()).resolves.toBeGreaterThan(0);
    }
    // Numbers are written the language's way (a no-break space before % in French).
    const rate = await page.locator('.dash-kpi', { hasText: rateLabel }).locator('.dash-kpi-value').textContent();
    expect(rate).toMatch(locale.startsWith('fr') ? /^\d+[\u00a0\u202f]%$/ : /^\d+%$/);

    await screenshotWhole(app, page, `dashboard-${theme}-${locale.slice(0, 2)}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('saves a chart as PNG and as SVG', async () => {
    const { page, context } = await openDashboard(app, 'light', 'en-GB');
    const card = page.locator('[data-chart="funnel"]');
    const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /PNG/ }).click()]);
    expect(png.suggestedFilename()).toMatch(/^candid-funnel-\d{4}-\d{2}-\d{2}\.png$/);
    const pngBytes = fs.readFileSync((await png.path())!);
    expect([...pngBytes.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');

    const [svg] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /SVG/ }).click()]);
    expect(svg.suggestedFilename()).toMatch(/^candid-funnel-\d{4}-\d{2}-\d{2}\.svg$/);
    const svgText = fs.readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg[\s\S]*Applied[\s\S]*<\/svg>$/);
    await context.close();
  });

  it('follows the period: a custom range that ends before it starts is refused in the page', async () => {
    const { page, context } = await openDashboard(app, 'light', 'en-GB');
    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill('2025-06-01');
    await page.getByLabel('To', { exact: true }).fill('2025-01-01');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('comes before its start');
    await page.getByLabel('To', { exact: true }).fill('2025-06-30');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await context.close();
  });
});

describe('the dashboard of an empty database', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startE2EApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('invites to add a first application', async () => {
    const { page, context } = await app.open({ colorScheme: 'light', locale: 'en-GB', path: '/#/dashboard' });
    await page.waitForSelector('.empty-state');
    await expect(page.locator('.empty-state h2').textContent()).resolves.toContain('Your statistics will appear here');
    await expect(page.getByRole('button', { name: 'Add an application' }).count()).resolves.toBe(1);
    await app.screenshot(page, 'dashboard-empty');
    await context.close();
  });
});
