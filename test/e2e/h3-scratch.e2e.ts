import { afterAll, beforeAll, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp();
  const acme = await app.api.invoke('companies.create', { name: 'Acme Robotics' });
  await app.api.invoke('applications.create', { companyId: acme.id, position: 'Frontend developer', appliedOn: '2025-03-01', workMode: 'remote' });
});
afterAll(async () => {
  await app?.close();
});

it('dashboard', async () => {
  for (let i = 0; i < 4; i++) {
    const { page, context } = await app.open({ path: '/#/dashboard' });
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
    page.on('console', (message) => console.log('[console]', message.type(), message.text()));
    await page.waitForTimeout(4000);
    console.log(i, (await page.evaluate(() => document.body.innerHTML)).length, await page.evaluate(() => document.querySelector('nav') !== null));
    await app.screenshot(page, `scratch-dash-${i}`);
    await context.close();
  }
});
