import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStages } from '../integration/support/fixtures';
import { pdfPages } from '../reports/support/pdf-text';
import { startE2EApp, type E2EApp } from './support/harness';

// Issue 15, items 2 and 4, through the interface (browser shell): a proof-of-search PDF produced from the File
// actions, read back from the downloaded file; two offers compared, with their weighted totals.

let app: E2EApp;
let downloads: string;
beforeAll(async () => {
  app = await startE2EApp();
  downloads = path.join(app.dir, 'downloads');
  fs.mkdirSync(downloads);
  const { api } = app;
  const stages = await firstStages(api);
  await api.invoke('applications.create', { companyName: 'Société Lumière', position: 'Ingénieure données', appliedOn: '2024-05-06', source: 'email' });
  await api.invoke('applications.create', { companyName: 'Avant SAS', position: 'Too early', appliedOn: '2024-04-30' });
  await api.invoke('applications.create', { companyName: 'Après SARL', position: 'Too late', appliedOn: '2024-06-01' });
  const interviewed = await api.invoke('applications.create', { companyName: 'Brême GmbH', position: 'Data engineer', appliedOn: '2024-05-02', stageId: stages.interviewing });
  await api.invoke('interviews.create', { applicationId: interviewed.id, scheduledAt: '2024-05-20T08:00:00Z', format: 'video', status: 'completed', outcome: 'passed' });
  await api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer', stageId: stages.offer, salaryMax: 52_000, salaryCurrency: 'EUR', salaryPeriod: 'year' });
  await api.invoke('applications.create', { companyName: 'Globex', position: 'Platform engineer', stageId: stages.offer, salaryMax: 4_000, salaryCurrency: 'EUR', salaryPeriod: 'month' });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('the proof-of-search report', () => {
  it('is produced from the File menu as a PDF holding the rows of the period and nothing outside it', async () => {
    const { page, context } = await app.open({ locale: 'fr-FR', path: '/#/applications' });
    await page.getByRole('button', { name: 'Fichier' }).click();
    await page.getByRole('button', { name: 'Justificatif de recherche d’emploi (PDF ou CSV)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Justificatif de recherche d’emploi' });
    await dialog.getByLabel('Du').fill('2024-05-01');
    await dialog.getByLabel('Au').fill('2024-04-01');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('ne doit pas précéder');
    expect(await dialog.getByRole('button', { name: 'Produire le justificatif' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Au').fill('2024-05-31');
    expect(await dialog.getByLabel('Modèle').inputValue()).toBe('franceTravail');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Produire le justificatif' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^candid-proof-of-search-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const text = (await pdfPages(file)).join('\n');
    for (const expected of ['Actes positifs de recherche d’emploi', 'Société Lumière', 'Ingénieure données', 'Brême GmbH', 'Entretien', 'Retenu·e pour l’étape suivante', '6 mai 2024', '20 mai 2024']) {
      expect(text).toContain(expected);
    }
    for (const outside of ['Avant SAS', 'Après SARL', 'Too early', 'Too late']) expect(text).not.toContain(outside);
    await expect.poll(() => page.getByTestId('file-status-done').first().textContent()).toContain('3');
    await context.close();
  });
});

describe('the offer comparison', () => {
  it('compares two offers: yearly pay from the applications, proposed and typed scores, weighted totals with the best marked', async () => {
    const { page, context } = await app.open({ path: '/#/offers' });
    await page.getByRole('button', { name: 'New comparison' }).click();
    const table = page.getByRole('table', { name: 'Offers side by side, scores out of 20' });
    await table.waitFor();
    // 4,000 a month is 48,000 a year; the application's 52,000 a year is the best salary.
    await expect.poll(() => table.textContent()).toContain('€48,000 a year');
    await page.getByLabel('Score of Acme — Backend developer for “Growth” (out of 20)').fill('12');
    await page.getByLabel('Score of Acme — Backend developer for “Growth” (out of 20)').press('Enter');
    const globexGrowth = page.getByLabel('Score of Globex — Platform engineer for “Growth” (out of 20)');
    await globexGrowth.fill('18');
    await globexGrowth.press('Tab');
    // Acme: (20×3 + 12×2) / 5 = 16.8; Globex: (18.5×3 + 18×2) / 5 = 18.3, the best total.
    const totals = page.getByTestId('offer-total');
    await expect.poll(() => totals.nth(1).textContent()).toContain('18.3');
    expect(await totals.nth(0).textContent()).toContain('16.8');
    expect(await totals.nth(1).textContent()).toContain('Best');
    expect(await totals.nth(0).textContent()).not.toContain('Best');
    await context.close();
  });
});
