import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDataset, seedDatabase, todayUtc } from '../../src-main/seed';
import { cutLabels, windowScroll } from './support/fit';
import { startE2EApp, type E2EApp } from './support/harness';

/**
 * Issue 19, items 2, 7 and 8: each pane scrolls inside itself and the window never does (no blank grey page, no
 * page-wide sideways scroll at 1024 px); the board has a compact mode and scrolls sideways inside itself; the
 * sidebar folds; the browser shell shows the File menu. Also: a saved chart carries its title and period.
 */
let app: E2EApp;
let applicationId: string;

beforeAll(async () => {
  app = await startE2EApp();
  seedDatabase(app.context, generateDataset({ count: 60, seed: 'layout', today: todayUtc() }));
  // A long custom stage name, the kind that used to be cut ("Candidature e…").
  await app.api.invoke('stages.create', { name: 'Entretien avec la directrice technique', category: 'interviewing' });
  applicationId = (await app.api.invoke('applications.list', { limit: 1 })).items[0].id;
});
afterAll(async () => {
  await app?.close();
});

async function openAt(path: string, size = { width: 1024, height: 700 }, locale = 'en-GB') {
  const opened = await app.open({ path, locale });
  await opened.page.setViewportSize(size);
  return opened;
}


describe('scrolling', () => {
  it.each([
    ['the dashboard', '/#/dashboard', '.main', '.dash-card'],
    ['the detail page', () => `/#/applications/${applicationId}`, '.main', '.detail-side'],
    ['a board column', '/#/board', '.column-cards:has(.board-card:nth-child(8))', '.board-card'],
  ] as const)('the wheel scrolls %s inside its pane, never the window', async (_name, path, pane, content) => {
    const { page, context } = await openAt(typeof path === 'function' ? path() : path);
    await page.locator(content).first().waitFor();
    const target = page.locator(pane).first();
    const box = (await target.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
    for (let turn = 0; turn < 10; turn += 1) await page.mouse.wheel(0, 800);
    await expect.poll(() => target.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    expect(await windowScroll(page)).toEqual({ top: 0, left: 0, tall: false, wide: false });
    await context.close();
  });

  it('at 1024 px no screen scrolls sideways as a whole; the board does, inside itself', async () => {
    const { page, context } = await openAt('/#/dashboard');
    for (const path of ['/#/dashboard', '/#/applications', '/#/board', `/#/applications/${applicationId}`, '/#/interviews', '/#/tasks', '/#/companies', '/#/contacts', '/#/settings', '/#/import']) {
      await page.goto(`${app.server.url}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      const main = await page.locator('.main').evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
      expect(main.scroll, path).toBeLessThanOrEqual(main.client);
      expect((await windowScroll(page)).wide, path).toBe(false);
    }
    await page.goto(`${app.server.url}/#/board`);
    const board = page.locator('.board');
    await page.locator('.board-card').first().waitFor();
    expect(await board.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await board.hover();
    await page.mouse.wheel(600, 0);
    await expect.poll(() => board.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await context.close();
  });
});

describe('fitting the screen', () => {
  const fullyVisibleColumns = (page: Page) =>
    page.evaluate(() => {
      const board = document.querySelector('.board')!.getBoundingClientRect();
      return [...document.querySelectorAll('.board-column')].filter((column) => {
        const box = column.getBoundingClientRect();
        return box.left >= board.left - 1 && box.right <= board.right + 1;
      }).length;
    });

  it('the compact board shows more columns, and is remembered', async () => {
    const { page, context } = await openAt('/#/board', { width: 1440, height: 900 });
    await page.locator('.board-card').first().waitFor();
    const comfortable = await fullyVisibleColumns(page);
    const compact = page.getByRole('button', { name: 'Compact' });
    expect(await compact.getAttribute('aria-pressed')).toBe('false');
    await compact.click();
    await expect.poll(() => fullyVisibleColumns(page)).toBeGreaterThan(comfortable);
    await page.reload();
    await page.locator('.board-card').first().waitFor();
    expect(await page.getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('true');
    expect(await fullyVisibleColumns(page)).toBeGreaterThan(comfortable);
    await context.close();
  });

  it('French stage names and labels are read whole at 1440, never cut', async () => {
    const { page, context } = await openAt('/#/board', { width: 1440, height: 900 }, 'fr-FR');
    await app.api.invoke('profile.update', { locale: 'fr' });
    await page.reload();
    await page.locator('.board-card').first().waitFor();
    await page.getByText('Entretien avec la directrice technique').first().waitFor();
    const cut = () => cutLabels(page);
    expect(await cut()).toEqual([]);
    await page.goto(`${app.server.url}/#/applications/${applicationId}`);
    await page.locator('.timeline-item').first().waitFor();
    expect(await cut()).toEqual([]);
    await app.api.invoke('profile.update', { locale: 'en' });
    await context.close();
  });

  it('the sidebar folds with Ctrl+B or its button, keeps its names for screen readers, and is remembered', async () => {
    const { page, context } = await openAt('/#/dashboard');
    const sidebar = page.locator('.sidebar');
    await page.getByRole('link', { name: 'Dashboard' }).waitFor();
    const wide = (await sidebar.boundingBox())!.width;
    await page.locator('h1').click();
    await page.keyboard.press('Control+b');
    await expect.poll(async () => (await sidebar.boundingBox())!.width).toBeLessThan(80);
    // Icons only, but every link still says where it goes.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board', exact: true }).click();
    await page.waitForURL(/#\/board$/);
    await page.reload();
    await page.locator('.board').waitFor();
    expect((await sidebar.boundingBox())!.width).toBeLessThan(80);
    const unfold = page.getByRole('button', { name: 'Unfold the sidebar' });
    expect(await unfold.getAttribute('aria-expanded')).toBe('false');
    await unfold.click();
    await expect.poll(async () => (await sidebar.boundingBox())!.width).toBe(wide);
    await context.close();
  });
});

describe('the File menu of the browser shell', () => {
  it('shows every File action, and they work', async () => {
    const { page, context } = await openAt('/#/applications', { width: 1280, height: 800 });
    await page.getByRole('grid', { name: 'Applications' }).waitFor();
    await page.getByRole('button', { name: 'File', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'File', exact: true });
    expect(await menu.getByRole('button').allTextContents()).toEqual([
      'Import applications…',
      'Export to Excel',
      'Export to CSV',
      'Export a full backup (JSON)',
      'Export interviews to a calendar',
      'Export a PDF report',
      'Proof-of-search report (PDF or CSV)…',
      'Back up now',
      'Restore from a backup…',
      'Where the data folder is',
    ]);

    const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'Export to CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^candid-applications-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.getByText(/^Exported 60 applications \(candid-applications-/).waitFor();

    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/^Backup saved \(/).waitFor();

    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('button', { name: 'Where the data folder is' }).click();
    await page.waitForURL(/#\/settings\?section=data$/);
    await page.getByText(app.dir, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('button', { name: 'Import applications…' }).click();
    await page.waitForURL(/#\/import$/);
    // The limit said is the browser's own, which here is the same as the desktop app's.
    await page.getByText('Up to 100 MB.').waitFor();
    await context.close();
  });
});

it('a chart saved as PNG carries its title and period above it', async () => {
  const { page, context } = await openAt('/#/dashboard', { width: 1280, height: 800 });
  const card = page.locator('[data-chart="funnel"]');
  await card.locator('canvas').first().waitFor();
  const chartHeight = await card.locator('.dash-chart').evaluate((element) => element.clientHeight);
  const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /PNG/ }).click()]);
  const bytes = fs.readFileSync((await png.path())!);
  // IHDR: the image's height, big-endian, at byte 20. The chart at twice the resolution, plus a 128 px header.
  expect(bytes.readUInt32BE(20)).toBe(chartHeight * 2 + 128);
  await context.close();
});
