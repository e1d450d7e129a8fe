import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstStages } from '../integration/support/fixtures';
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

  it('draws the timeline over daily counts as straight segments, never a smoothed curve (issue 19, item 9)', async () => {
    const { page, context } = await openDashboard(app, 'light', 'en-GB');
    const card = page.locator('[data-chart="timeline"]');
    const [svg] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /SVG/ }).click()]);
    const svgText = fs.readFileSync((await svg.path())!, 'utf8');
    // The lines of answers, interviews and offers: unfilled paths two pixels wide. A smoothed line is drawn with
    // cubic Bézier segments (C); straight ones with L only.
    const lines = [...svgText.matchAll(/<path [^>]*>/g)].map((match) => match[0]).filter((tag) => /fill="none"/.test(tag) && /stroke-width="2"/.test(tag));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      const d = /\sd="([^"]*)"/.exec(line)![1];
      expect(d).toMatch(/L/);
      expect(d).not.toMatch(/[CcQqSs]/);
    }
    await context.close();
  });

  it('writes the chart’s title and the period it covers above a saved PNG (issue 19, item 9)', async () => {
    const { page, context } = await openDashboard(app, 'light', 'en-GB');
    // What the saved picture draws as text, recorded as it is drawn.
    await page.evaluate(() => {
      const drawn: string[] = [];
      (window as unknown as { drawnTexts: string[] }).drawnTexts = drawn;
      const original = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
        drawn.push(String(text));
        return maxWidth === undefined ? original.call(this, text, x, y) : original.call(this, text, x, y, maxWidth);
      };
    });
    const card = page.locator('[data-chart="timeline"]');
    const title = (await card.locator('h2').textContent())!.trim();
    const preset = (await page.getByLabel('Period', { exact: true }).locator('option:checked').textContent())!.trim();
    const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /PNG/ }).click()]);
    const bytes = fs.readFileSync((await png.path())!);
    const drawn = await page.evaluate(() => (window as unknown as { drawnTexts: string[] }).drawnTexts);
    expect(drawn).toContain(title);
    // "Last 90 days · 6 Sept 2026 – 4 Dec 2026": the period's name and its dates.
    expect(drawn.some((text) => text.startsWith(`${preset} · `) && text.includes(' – '))).toBe(true);
    // The caption is above the chart: the picture is taller than the chart drawn at twice its size.
    const chartHeight = await card.locator('.dash-chart canvas').first().evaluate((canvas) => canvas.getBoundingClientRect().height);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(Math.round(chartHeight * 2));
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

describe('rates with nothing to divide by, and counts in French words', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startE2EApp();
    const stages = await firstStages(app.api);
    const recent = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    // One offer not accepted yet (0 of 1 offer), and a referral still in the wishlist: nothing sent from that source.
    await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer', appliedOn: recent, stageId: stages.offer, source: 'linkedin' });
    await app.api.invoke('applications.create', { companyName: 'Globex', position: 'Data engineer', stageId: stages.wishlist, source: 'referral' });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Every text of the page a reader meets, the charts' text alternatives and tables included. */
  const everyText = (page: Page) =>
    page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label') ?? '')].join('\n'));

  /** The dashboard of so little data: its figures and the breakdown drawn (several charts have nothing to draw). */
  async function openSparse(locale: string) {
    const opened = await app.open({ colorScheme: 'light', locale, path: '/#/dashboard' });
    await opened.page.waitForSelector('.dash-kpis');
    await opened.page.waitForSelector('[data-chart="breakdown-source"] .dash-chart canvas');
    return opened;
  }

  it('reads "—" where a rate has nothing to divide by, never "0% (0/0)"', async () => {
    const { page, context } = await openSparse('en-GB');
    const text = await everyText(page);
    expect(text).not.toMatch(/\(0\/0\)/);
    // The referral's rates in the breakdown's table: nothing sent, nothing to divide by.
    const referral = page.locator('[data-chart="breakdown-source"] .sr-only table tbody tr', { hasText: 'Referral' });
    expect((await referral.locator('td').allTextContents()).slice(-3)).toEqual(['—', '—', '—']);
    await context.close();
  });

  it('counts offers with French plurals: "0 sur 1 offre", never "0 sur 1 offres"', async () => {
    const { page, context } = await openSparse('fr-FR');
    const accepted = page.locator('.dash-kpi', { hasText: 'Offres acceptées' });
    await expect(accepted.textContent()).resolves.toMatch(/0 sur 1 offre(?!s)/);
    const text = await everyText(page);
    expect([...text.matchAll(/.{0,60}\b[01] offres\b.{0,20}/g)].map((match) => match[0])).toEqual([]);
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
