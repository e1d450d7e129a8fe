import { afterEach, expect, it } from 'vitest';
import { call, register, uniqueEmail } from './support/client';
import { describeEngines, type TestServer } from './support/server';

describeEngines('rate limits', (start) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const loginAs = (email: string, password: string, headers?: Record<string, string>) =>
    call(server!.url, 'POST', '/auth/login', { json: { email, password, deviceName: 'x' }, headers });

  it('per client address: 429 with Retry-After past the limit, allowed again once the window has passed', async () => {
    server = await start({ config: { rateLimits: { authPerClient: { max: 5, windowSeconds: 60 } } } });
    const device = await register(server.url); // 1
    for (let i = 0; i < 4; i += 1) expect((await loginAs(device.session.account.email, device.password)).status).toBe(200);
    const limited = await loginAs(device.session.account.email, device.password);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await call(server.url, 'POST', '/auth/register', { json: { email: uniqueEmail(), password: 'long enough', deviceName: 'x' } })).status).toBe(429);
    server.clock.advance(61_000);
    expect((await loginAs(device.session.account.email, device.password)).status).toBe(200);
  });

  it('per e-mail: after 10 failed log-ins in 15 minutes even the right password waits', async () => {
    server = await start();
    const device = await register(server.url);
    const email = device.session.account.email;
    for (let i = 0; i < 10; i += 1) expect((await loginAs(email, 'guess number ' + i)).status).toBe(401);
    const blocked = await loginAs(email, device.password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    // Another account is not affected, and the block ends with the window.
    const other = await register(server.url);
    expect((await loginAs(other.session.account.email, other.password)).status).toBe(200);
    server.clock.advance(15 * 60_000 + 1000);
    expect((await loginAs(email, device.password)).status).toBe(200);
  });

  it('the default allows a few dozen log-ins a minute from one client', async () => {
    server = await start();
    const device = await register(server.url);
    for (let i = 0; i < 40; i += 1) expect((await loginAs(device.session.account.email, device.password)).status).toBe(200);
  });

  it('per account: every authenticated request counts', async () => {
    server = await start({ config: { rateLimits: { accountRequests: { max: 10, windowSeconds: 60 } } } });
    const device = await register(server.url);
    for (let i = 0; i < 10; i += 1) expect((await device.call('GET', '/auth/me')).status).toBe(200);
    const limited = await device.call('GET', '/sync/pull?after=0');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    server.clock.advance(60_000);
    expect((await device.call('GET', '/auth/me')).status).toBe(200);
  });

  it('behind a proxy, counts by the address the proxy appended to X-Forwarded-For', async () => {
    server = await start({ config: { behindProxy: true, rateLimits: { authPerClient: { max: 2, windowSeconds: 60 } } } });
    const forwarded = (address: string) => ({ 'x-forwarded-for': `10.0.0.99, ${address}` });
    const email = uniqueEmail();
    expect((await loginAs(email, 'whatever', forwarded('192.0.2.1'))).status).toBe(401);
    expect((await loginAs(email, 'whatever', forwarded('192.0.2.1'))).status).toBe(401);
    expect((await loginAs(email, 'whatever', forwarded('192.0.2.1'))).status).toBe(429);
    expect((await loginAs(email, 'whatever', forwarded('192.0.2.2'))).status).toBe(401);
  });
});
