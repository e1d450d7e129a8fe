import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedExportWorld, type ExportWorld } from '../exports/support/data';
import { artifactsDir, startE2EApp, type E2EApp } from './support/harness';

let app: E2EApp;
let world: ExportWorld;
let downloads: string;
beforeAll(async () => {
  app = await startE2EApp();
  world = await seedExportWorld(app.api);
  downloads = path.join(app.dir, 'downloads');
  fs.mkdirSync(downloads);
});
afterAll(async () => {
  await app?.close();
});

/** Opens the report and waits until it shows its data. */
async function openReport(options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}) {
  const opened = await app.open({ ...options, path: '/#/report' });
  await opened.page.locator('main.report[data-ready="true"]').waitFor();
  // What the desktop shell's PDF renderer (shell.printReportToPdf) waits for before printing.
  await opened.page.locator('body[data-report-ready="true"]').waitFor({ state: 'attached' });
  return opened;
}

/** Runs a command of the palette (Ctrl+K), as a browser user reaches the File actions. */
async function runCommand(page: Page, paletteName: string, text: string, run?: (palette: ReturnType<Page['getByRole']>) => Promise<void>) {
  // The shell's shortcuts listen once the app has rendered.
  await page.locator('.global-search-input').waitFor();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('combobox', { name: paletteName });
  await palette.fill(text);
  await (run ? run(palette) : palette.press('Enter'));
}

/** Clicks and saves the download it starts. */
async function downloadBy(page: Page, click: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

describe('exports through the interface (browser shell)', () => {
  it('downloads the Excel workbook of the view from the report', async () => {
    const { page, context } = await openReport();
    const { file, name } = await downloadBy(page, () => page.getByRole('button', { name: 'Excel', exact: true }).click());
    expect(name).toMatch(/^candid-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Applications', 'Interviews', 'Companies', 'Contacts', 'Stage history']);
    const sheet = workbook.getWorksheet('Applications')!;
    expect(sheet.rowCount).toBe(1 + world.live.length);
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(sheet.getRow(2).getCell(header.indexOf('Salary min') + 1).value).toBe(45_000);
    expect(sheet.getRow(2).getCell(header.indexOf('Applied on') + 1).value).toBeInstanceOf(Date);
    // The toast counts applications, not "rows" (issue 19, item 9).
    await expect.poll(() => page.getByTestId('file-status-done').first().textContent()).toContain(`Exported ${world.live.length} applications (${name})`);

    const statistics = await downloadBy(page, () => page.getByRole('button', { name: 'Statistics (Excel)' }).click());
    expect(statistics.name).toMatch(/^candid-statistics-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const figures = new ExcelJS.Workbook();
    await figures.xlsx.readFile(statistics.file);
    expect(figures.worksheets[0].name).toBe('Overview');
    await context.close();
  });

  it('downloads a CSV from the command palette, with semicolons and a BOM in French', async () => {
    const { page, context } = await app.open({ locale: 'fr-FR', path: '/#/applications' });
    let saved = { file: '', name: '' };
    await runCommand(page, 'Palette de commandes', 'CSV', async (palette) => {
      saved = await downloadBy(page, () => palette.press('Enter'));
    });
    const { file } = saved;
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0].slice(0, 3)).toEqual(['Entreprise', 'Poste', 'Étape']);
    expect(parsed.data).toHaveLength(1 + world.live.length);
    // In French too, the toast counts applications (candidatures), not rows.
    await expect.poll(() => page.getByTestId('file-status-done').last().textContent()).toContain(`${world.live.length} candidatures exportées (${saved.name})`);
    await context.close();
  });

  it('counts interviews in the toast of a calendar export', async () => {
    const { page, context } = await app.open({ path: '/#/applications' });
    let saved = { file: '', name: '' };
    await runCommand(page, 'Command palette', 'Export interviews to a calendar', async (palette) => {
      saved = await downloadBy(page, () => palette.press('Enter'));
    });
    expect(saved.name).toMatch(/\.ics$/);
    await expect.poll(() => page.getByTestId('file-status-done').last().textContent()).toContain(`Exported ${world.interviews.length} interviews (${saved.name})`);
    await context.close();
  });

  it('prints the report to an A4 PDF, and it looks right on screen', async () => {
    const { page, context } = await openReport();
    await app.screenshot(page, 'report-light');
    const pdf = path.join(artifactsDir, 'report.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    // What the PDF looks like (no PDF rasteriser here): the print styles at the width of an A4 page.
    await page.setViewportSize({ width: 794, height: 1123 });
    await app.screenshot(page, 'report-print');
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 is 595 × 842 points.
    expect(bytes.toString('latin1')).toMatch(/MediaBox\s*\[\s*0 0 595\.?\d* 841\.?\d*|MediaBox\s*\[\s*0 0 595\.?\d* 842/);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
    const dark = await openReport({ colorScheme: 'dark', locale: 'fr-FR' });
    await app.screenshot(dark.page, 'report-dark-fr');
    await expect.poll(() => dark.page.getByRole('heading', { level: 1 }).textContent()).toBe('Bilan de la recherche d’emploi');
    await dark.context.close();
  });

  it('backs up, restores a backup and undoes the restore from the command palette', async () => {
    const { page, context } = await app.open({ path: '/#/applications' });
    await runCommand(page, 'Command palette', 'Back up now');
    await expect.poll(() => page.getByTestId('file-status-done').last().textContent()).toMatch(/Backup saved/);
    const added = await app.api.invoke('applications.create', { companyName: 'Later Ltd', position: 'Written after the backup' });

    await runCommand(page, 'Command palette', 'Restore');
    const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
    await dialog.getByRole('button', { name: 'Restore this one' }).first().click();
    await page.getByRole('dialog', { name: 'Replace all your data?' }).getByRole('button', { name: 'Restore' }).click();
    const restored = page.getByTestId('file-status-done').filter({ hasText: 'Restored the backup' });
    await restored.waitFor();
    await app.screenshot(page, 'restore-done');
    expect((await app.api.invoke('applications.list', {})).items.map((item) => item.id)).not.toContain(added.id);

    await restored.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('file-status-done').filter({ hasText: 'The restore was undone' }).waitFor();
    expect((await app.api.invoke('applications.list', {})).items.map((item) => item.id)).toContain(added.id);
    await context.close();
  });
});
