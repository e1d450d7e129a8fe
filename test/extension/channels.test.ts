import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redeemPairingCode } from '../../src-main/extension/pairing';
import { openTempApp, type TempApp } from '../support/temp-app';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

describe('extension.* channels (Settings ▸ Browser extension)', () => {
  it('issues a code, lists the paired browsers and revokes one', async () => {
    const { code } = await app.api.invoke('extension.pairingCode', undefined);
    expect(redeemPairingCode(app.context.db, code, 'Chromium', app.context.clock.now())).toMatch(/^cdx_/);
    const [browser] = await app.api.invoke('extension.browsers', {});
    expect(browser).toMatchObject({ name: 'Chromium', lastUsedAt: null });
    expect(await app.api.invoke('extension.revoke', { id: browser.id })).toEqual({ id: browser.id });
    expect(await app.api.invoke('extension.browsers', undefined)).toEqual([]);
  });

  it('refuses bad input and unknown or already revoked browsers', async () => {
    expect(await app.api.call('extension.revoke', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await app.api.call('extension.revoke', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await app.api.call('extension.pairingCode', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = '0190d0a0-0000-7000-8000-000000000000';
    expect(await app.api.call('extension.revoke', { id: unknown })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const { code } = await app.api.invoke('extension.pairingCode', undefined);
    redeemPairingCode(app.context.db, code, 'Chromium', app.context.clock.now());
    const [browser] = await app.api.invoke('extension.browsers', undefined);
    await app.api.invoke('extension.revoke', { id: browser.id });
    expect(await app.api.call('extension.revoke', { id: browser.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
