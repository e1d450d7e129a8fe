import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SecretStore } from '../../src-main/sync/secrets';
import { secretNames } from '../../src-main/sync/service';
import type { TempApp } from '../support/temp-app';
import { openTempApp } from '../support/temp-app';
import { account, syncNow, testKdfCost } from '../sync/support/devices';
import { call } from './support/client';
import { describeEngines } from './support/server';

const root = path.resolve(import.meta.dirname, '../..');

class MapSecrets implements SecretStore {
  readonly values = new Map<string, string>();
  get(name: string): string | null {
    return this.values.get(name) ?? null;
  }
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
  delete(name: string): void {
    this.values.delete(name);
  }
}

/** `npm run server` in a child process on its own data folder; resolves with its URL once it listens. */
async function spawnServer(dataDir: string, databaseUrl?: string): Promise<{ child: ChildProcess; url: string }> {
  const args = ['--data', dataDir, '--port', '0', '--password-memory-kib', '1024', ...(databaseUrl ? ['--database', databaseUrl] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src-server/main.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((candidate) => candidate.includes('"msg":"listening"'));
      if (!line) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve(JSON.parse(line).url);
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
  });
  return { child, url };
}

describeEngines('A synced desktop and the REST APIs of a server in another process', (start, engine) => {
  let child: ChildProcess | undefined;
  let url = '';
  let dataDir = '';
  let desktop: TempApp;
  const secrets = new MapSecrets();

  beforeAll(async () => {
    // The in-process test server only lends its PostgreSQL database (and folder); the server under test is a child.
    const lender = await start();
    const databaseUrl = lender.databaseUrl;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-rest-child-'));
    // The database was set up with the lender's master key: the child serves it with the same one.
    fs.copyFileSync(path.join(lender.dataDir, 'master.key'), path.join(dataDir, 'master.key'));
    fs.chmodSync(path.join(dataDir, 'master.key'), 0o600);
    await lender.close();
    ({ child, url } = await spawnServer(dataDir, engine === 'postgres' ? databaseUrl : undefined));
    desktop = await openTempApp({ secrets, sync: { kdfCost: testKdfCost } });
  }, 120_000);
  afterAll(async () => {
    desktop?.close();
    child?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a desktop change appears through both REST APIs, and their changes appear on the desktop', async () => {
    const made = await desktop.api.invoke('applications.create', { companyName: 'Made On Desktop', position: 'Designer', appliedOn: '2025-05-02' });
    await desktop.api.invoke('sync.connect', {
      serverUrl: url,
      email: account.email,
      password: account.password,
      passphrase: account.passphrase,
      deviceName: 'Desktop',
      createAccount: true,
    });
    await syncNow(desktop);

    // The person lets the server read the data (what Settings ▸ Sync will do): the device escrows its key.
    const token = (JSON.parse(secrets.get(secretNames.tokens) ?? '{}') as { accessToken: string }).accessToken;
    const { key_id: keyId } = desktop.context.db.sqlite.prepare(`SELECT key_id FROM sync_state`).get() as { key_id: string };
    const mode = await call(url, 'PUT', '/account/mode', { token, json: { mode: 'readable', keyId, dataKey: secrets.get(secretNames.dataKey) } });
    expect(mode.status, JSON.stringify(mode.body)).toBe(200);

    const listed = await call(url, 'POST', '/v1/applications.list', { token, json: {} });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([made.id]);

    const compatLogin = await call(url, 'POST', '/compat/jobtracker/api/auth/login', { json: { email: account.email, password: account.password } });
    expect(compatLogin.status).toBe(200);
    const compatToken = compatLogin.body.access_token as string;
    const viaCompat = await call(url, 'GET', `/compat/jobtracker/api/applications/${made.id}`, { token: compatToken });
    expect(viaCompat.body).toMatchObject({ entreprise: 'Made On Desktop', poste: 'Designer', reponse: 'pending' });

    const viaV1 = await call(url, 'POST', '/v1/applications.create', { token, json: { companyName: 'Made Through V1', position: 'Analyst' } });
    expect(viaV1.status).toBe(200);
    const viaJobTracker = await call(url, 'POST', '/compat/jobtracker/api/applications/', {
      token: compatToken,
      json: { entreprise: 'Made Through JobTracker', poste: 'Engineer', type_poste: 'stage', date_candidature: '2025-05-03', reponse: 'negative' },
    });
    expect(viaJobTracker.status).toBe(201);
    const moved = await call(url, 'PUT', `/compat/jobtracker/api/applications/${made.id}`, { token: compatToken, json: { reponse: 'positive' } });
    expect(moved.status).toBe(200);

    await syncNow(desktop);
    const onDesktop = desktop.context.db.sqlite
      .prepare(`SELECT a.id, c.name AS company, a.stage_category, a.employment_type FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.deleted_at IS NULL ORDER BY c.name`)
      .all() as { id: string; company: string; stage_category: string; employment_type: string | null }[];
    expect(onDesktop.map((row) => row.company)).toEqual(['Made On Desktop', 'Made Through JobTracker', 'Made Through V1']);
    expect(onDesktop.find((row) => row.id === made.id)?.stage_category).toBe('screening');
    expect(onDesktop.find((row) => row.id === viaJobTracker.body.id)).toMatchObject({ stage_category: 'rejected', employment_type: 'internship' });

    // And back: an edit on the desktop reads through the JobTracker API.
    await desktop.api.invoke('applications.update', { id: viaV1.body.id, patch: { position: 'Senior analyst' } });
    await syncNow(desktop);
    const reread = await call(url, 'GET', `/compat/jobtracker/api/applications/${viaV1.body.id}`, { token: compatToken });
    expect(reread.body.poste).toBe('Senior analyst');
  }, 120_000);

  it('a desktop signs in to an account JobTracker’s register route made: it adopts the server’s key, sets a passphrase, and syncs what is there', async () => {
    const email = `jobtracker.${process.pid}.${Date.now()}@example.org`;
    const password = 'motdepasse-solide';
    const compat = (method: string, route: string, json?: unknown, token?: string) => call(url, method, `/compat/jobtracker/api${route}`, { json, token });
    expect((await compat('POST', '/auth/register', { email, password, full_name: 'Camille Web' })).status).toBe(201);
    const token = (await compat('POST', '/auth/login', { email, password })).body.access_token as string;
    const made = await compat('POST', '/applications/', { entreprise: 'Made On The Web', poste: 'Product owner', type_poste: 'cdi', date_candidature: '2025-04-01' }, token);
    expect(made.status).toBe(201);

    const joining = await openTempApp({ secrets: new MapSecrets(), sync: { kdfCost: testKdfCost } });
    try {
      const connected = await joining.api.invoke('sync.connect', { serverUrl: url, email, password, passphrase: 'a passphrase for the web account', deviceName: 'Desktop' });
      // The key is the server's, wrapped now with the passphrase and a new recovery key (shown once).
      expect(connected.recoveryKey).toMatch(/^([A-Z2-7]{4} ){12}[A-Z2-7]{4}$/);
      await syncNow(joining);
      const list = await joining.api.invoke('applications.list', {});
      expect(list.items.map((item) => [item.id, item.position])).toEqual([[made.body.id, 'Product owner']]);
      expect((await joining.api.invoke('sync.accountMode', {})).mode).toBe('readable');

      // Both ways, then private from Candid: the JobTracker API answers 403 after.
      await joining.api.invoke('applications.update', { id: made.body.id, patch: { position: 'Senior product owner' } });
      await syncNow(joining);
      expect((await compat('GET', `/applications/${made.body.id}`, undefined, token)).body.poste).toBe('Senior product owner');
      expect((await joining.api.invoke('sync.setAccountMode', { mode: 'private', passphrase: 'a passphrase for the web account' })).mode).toBe('private');
      expect((await compat('GET', '/applications/', undefined, token)).status).toBe(403);
      await syncNow(joining);
      expect((await joining.api.invoke('applications.list', {})).items.map((item) => item.position)).toEqual(['Senior product owner']);
    } finally {
      joining.close();
    }
  }, 120_000);
});
