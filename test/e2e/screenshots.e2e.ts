import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateDataset, seedDatabase, todayUtc } from '../../src-main/seed';
import { cutLabels, windowScroll } from './support/fit';
import { artifactsDir, startE2EApp, type E2EApp } from './support/harness';

/**
 * Issue 19: every main screen at 1024×700, 1440×900 and 1920×1080, in English and French, written to
 * test/artifacts/screens/ for a person to look at; on each, no stage name or short label is cut, nothing scrolls
 * sideways as a whole page, and the window itself never scrolls (the wheel moves the pane, not the page into grey).
 */
const sizes = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;
const languages = ['en', 'fr'] as const;
/** Light at every size; dark at the two sizes of the walk (1024×700, 1440×900), named `<language>-dark-…`. */
const runs = [
  ...languages.map((language) => ({ language, theme: 'light' as const, sizes: sizes as readonly { width: number; height: number }[] })),
  ...languages.map((language) => ({ language, theme: 'dark' as const, sizes: sizes.slice(0, 2) as readonly { width: number; height: number }[] })),
];
const screensDir = path.join(artifactsDir, 'screens');

let app: E2EApp;
let screens: { name: string; path: string; ready: string }[];

beforeAll(async () => {
  app = await startE2EApp();
  seedDatabase(app.context, generateDataset({ count: 60, seed: 'screenshots', today: todayUtc() }));
  const application = (await app.api.invoke('applications.list', { limit: 1 })).items[0];
  const contact = (await app.api.invoke('contacts.list', {})).items[0];
  screens = [
    { name: 'dashboard', path: '/#/dashboard', ready: '[data-chart="funnel"] canvas' },
    { name: 'applications', path: '/#/applications', ready: '.table-row[aria-rowindex]' },
    { name: 'board', path: '/#/board', ready: '.board-card' },
    { name: 'application', path: `/#/applications/${application.id}`, ready: '.timeline-item' },
    { name: 'new-application', path: '/#/applications/new', ready: 'form.application-form' },
    { name: 'capture', path: '/#/capture', ready: '.capture-ways' },
    { name: 'interviews', path: '/#/interviews', ready: 'h1' },
    { name: 'tasks', path: '/#/tasks', ready: 'h1' },
    { name: 'companies', path: '/#/companies', ready: 'h1' },
    { name: 'company', path: `/#/companies/${application.companyId}`, ready: 'h1' },
    { name: 'contacts', path: contact ? `/#/contacts?selected=${contact.id}` : '/#/contacts', ready: 'h1' },
    { name: 'settings', path: '/#/settings', ready: '#settings-data' },
    { name: 'import', path: '/#/import', ready: 'h1' },
  ];
  fs.mkdirSync(screensDir, { recursive: true });
});
afterAll(async () => {
  await app?.close();
});

it.each(runs)('every main screen fits at every size, in $language, $theme', async ({ language, theme, sizes }) => {
  await app.api.invoke('profile.update', { locale: language });
  const { page, context } = await app.open({ colorScheme: theme, locale: language === 'fr' ? 'fr-FR' : 'en-GB', path: '/#/dashboard' });
  const problems: Record<string, unknown> = {};
  try {
    for (const size of sizes) {
      await page.setViewportSize(size);
      for (const screen of screens) {
        await page.goto(`${app.server.url}${screen.path}`);
        await page.locator(screen.ready).first().waitFor({ state: 'attached' });
        // Lists and charts settle before they are measured and photographed.
        await page.waitForTimeout(400);
        const where = `${screen.name} ${size.width}×${size.height} ${theme}`;
        // The wheel over the page, as a person reading on would: only a pane may move.
        await page.mouse.move(size.width / 2, size.height / 2);
        for (let turn = 0; turn < 3; turn += 1) await page.mouse.wheel(0, 1200);
        const cut = await cutLabels(page);
        const scroll = await windowScroll(page);
        if (cut.length > 0) problems[`${where}: cut`] = cut;
        if (scroll.wide || scroll.left !== 0) problems[`${where}: page scrolls sideways`] = scroll;
        if (scroll.tall || scroll.top !== 0) problems[`${where}: the window scrolls`] = scroll;
        // Each pane back to its top for the picture.
        await page.evaluate(() =>
          document.querySelectorAll('*').forEach((element) => {
            if (element.scrollTop > 0 || element.scrollLeft > 0) element.scrollTo(0, 0);
          }),
        );
        await page.screenshot({ path: path.join(screensDir, `${language}${theme === 'dark' ? '-dark' : ''}-${size.width}x${size.height}-${screen.name}.png`) });
      }
    }
  } finally {
    await context.close();
    await app.api.invoke('profile.update', { locale: 'en' });
  }
  expect(problems).toEqual({});
});
