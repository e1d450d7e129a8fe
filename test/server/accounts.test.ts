import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, login, register, uniqueEmail, type Device } from './support/client';
import { describeEngines, type TestServer } from './support/server';

describeEngines('accounts and devices', (start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('registers (e-mail trimmed and lower-cased), answers me, and refuses a taken e-mail with 409', async () => {
    const email = uniqueEmail('Mixed');
    const device = await register(server.url, { email: `  ${email.toUpperCase()} `, deviceName: 'Home laptop' });
    expect(device.session.account).toMatchObject({ email: email.toLowerCase(), mode: 'private' });
    expect(device.session.device).toMatchObject({ name: 'Home laptop', current: true, revokedAt: null });
    const me = await device.call('GET', '/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.account.id).toBe(device.accountId);
    expect(me.body.device.id).toBe(device.deviceId);

    const again = await call(server.url, 'POST', '/auth/register', { json: { email, password: 'another password', deviceName: 'x' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('refuses bad input with VALIDATION naming the field', async () => {
    const answer = await call(server.url, 'POST', '/auth/register', { json: { email: 'not an e-mail', password: 'short', deviceName: 'x' } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION');
    expect(answer.body.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['email', 'password']);
  });

  it('gives an unknown e-mail and a wrong password the same 401 and message (no user enumeration)', async () => {
    const device = await register(server.url);
    const wrong = await call(server.url, 'POST', '/auth/login', {
      json: { email: device.session.account.email, password: 'wrong password', deviceName: 'x' },
    });
    const unknown = await call(server.url, 'POST', '/auth/login', { json: { email: uniqueEmail('nobody'), password: 'wrong password', deviceName: 'x' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses an expired access token, and a refresh gives a working one', async () => {
    const device = await register(server.url);
    expect((await device.call('GET', '/devices')).status).toBe(200);
    server.clock.advance(15 * 60 * 1000 + 1000);
    const expired = await device.call('GET', '/devices');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('UNAUTHENTICATED');
    const refreshed = await device.refresh();
    expect(refreshed.status).toBe(200);
    expect(new Date(refreshed.body.accessExpiresAt).getTime()).toBeGreaterThan(server.clock.now());
    expect((await device.call('GET', '/devices')).status).toBe(200);
  });

  it('rotates refresh tokens, and a reused one revokes the whole family (both sessions end)', async () => {
    const device = await register(server.url);
    const stolen = device.session.tokens.refreshToken;
    expect((await device.refresh()).status).toBe(200); // the device rotates: `stolen` is now used
    const replay = await call(server.url, 'POST', '/auth/refresh', { json: { refreshToken: stolen } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('UNAUTHENTICATED');
    // The family is revoked: the device's current access token and refresh token stop working too.
    expect((await device.call('GET', '/auth/me')).status).toBe(401);
    expect((await device.refresh()).status).toBe(401);
    // It can log in again, with the same device id.
    const back = await login(server.url, device.session.account.email, device.password, 'Laptop', device.deviceId);
    expect(back.deviceId).toBe(device.deviceId);
    expect((await back.call('GET', '/auth/me')).status).toBe(200);
  });

  it('refuses an unknown refresh token and an expired one', async () => {
    const device = await register(server.url);
    expect((await call(server.url, 'POST', '/auth/refresh', { json: { refreshToken: 'A'.repeat(43) } })).status).toBe(401);
    server.clock.advance(61 * 86_400_000);
    expect((await device.refresh()).status).toBe(401);
  });

  it('logs out: this device is still listed, its tokens stop working, other devices go on', async () => {
    const laptop = await register(server.url);
    const desktop = await login(server.url, laptop.session.account.email, laptop.password, 'Desktop');
    expect(desktop.deviceId).not.toBe(laptop.deviceId);
    expect((await laptop.call('POST', '/auth/logout')).status).toBe(204);
    expect((await laptop.call('GET', '/auth/me')).status).toBe(401);
    expect((await laptop.refresh()).status).toBe(401);
    const list = await desktop.call('GET', '/devices');
    expect(list.body.devices.map((device: { id: string }) => device.id)).toEqual([laptop.deviceId, desktop.deviceId]);
    expect(list.body.devices.find((device: { current: boolean }) => device.current).id).toBe(desktop.deviceId);
  });

  it('revokes a device at once (access token included); a revoked device id is not reused at log-in', async () => {
    const laptop = await register(server.url);
    const desktop = await login(server.url, laptop.session.account.email, laptop.password, 'Desktop');
    expect((await desktop.call('GET', '/auth/me')).status).toBe(200);
    expect((await laptop.call('DELETE', `/devices/${desktop.deviceId}`)).status).toBe(204);
    expect((await desktop.call('GET', '/auth/me')).status).toBe(401);
    expect((await desktop.call('GET', '/sync/pull?after=0')).status).toBe(401);
    expect((await desktop.call('POST', '/sync/push', { json: { batches: [{ id: crypto.randomUUID(), payload: 'AAAA' }] } })).status).toBe(401);
    expect((await desktop.refresh()).status).toBe(401);
    const listed = (await laptop.call('GET', '/devices')).body.devices.find((device: { id: string }) => device.id === desktop.deviceId);
    expect(listed.revokedAt).not.toBeNull();
    const again = await login(server.url, laptop.session.account.email, laptop.password, 'Desktop', desktop.deviceId);
    expect(again.deviceId).not.toBe(desktop.deviceId);
    expect((await laptop.call('DELETE', `/devices/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("writes a device's last-seen time off the request path, and a graceful stop writes what was waiting", async () => {
    const laptop = await register(server.url);
    // The first request after a restart may meet a kept-alive connection the stopped server closed: retried once.
    const devices = () => laptop.call('GET', '/devices').catch(() => laptop.call('GET', '/devices'));
    const lastSeen = async () => (await devices()).body.devices.find((device: { id: string }) => device.id === laptop.deviceId).lastSeenAt as string;
    const before = await lastSeen();
    // A minute on, the next request notes the device again; the server stops before the note's own write is due.
    server.clock.advance(61_000);
    const seenAt = new Date(server.clock.now()).toISOString();
    expect((await laptop.call('GET', '/sync/pull?after=0')).status).toBe(200);
    await server.restart();
    const after = await lastSeen();
    expect(after > before).toBe(true);
    expect(after >= seenAt).toBe(true);
  });

  it("changes the password: the old one stops working, every other device's session ends, this one goes on", async () => {
    const laptop = await register(server.url);
    const desktop = await login(server.url, laptop.session.account.email, laptop.password);
    const wrong = await laptop.call('POST', '/auth/password', { json: { currentPassword: 'not it at all', newPassword: 'a new password' } });
    expect(wrong.status).toBe(403);
    expect((await laptop.call('POST', '/auth/password', { json: { currentPassword: laptop.password, newPassword: 'a new password' } })).status).toBe(204);
    expect((await laptop.call('GET', '/auth/me')).status).toBe(200);
    expect((await laptop.refresh()).status).toBe(200);
    expect((await desktop.call('GET', '/auth/me')).status).toBe(401);
    expect((await desktop.refresh()).status).toBe(401);
    const email = laptop.session.account.email;
    expect((await call(server.url, 'POST', '/auth/login', { json: { email, password: laptop.password, deviceName: 'x' } })).status).toBe(401);
    await login(server.url, email, 'a new password');
  });

  it('deletes the account only with its password; then nothing of it answers', async () => {
    const device: Device = await register(server.url);
    expect((await device.call('DELETE', '/account', { json: { password: 'not the password' } })).status).toBe(403);
    expect((await device.call('DELETE', '/account', { json: { password: device.password } })).status).toBe(204);
    expect((await device.call('GET', '/auth/me')).status).toBe(401);
    const relog = await call(server.url, 'POST', '/auth/login', { json: { email: device.session.account.email, password: device.password, deviceName: 'x' } });
    expect(relog.status).toBe(401);
    // The e-mail is free again.
    await register(server.url, { email: device.session.account.email });
  });
});
