import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserSecretStore } from '../../src-main/sync/secrets';
import { tempDir } from '../support/temp-app';

vi.mock('electron', async () => (await import('./support/fake-electron-app')).fakeElectron);

const { safeStorage } = await import('electron');
const { fakeSafeStorage } = await import('./support/fake-electron-app');
const { desktopSecretStore } = await import('../../src-main/shell/secret-store');

const dirs: string[] = [];
afterEach(() => {
  fakeSafeStorage.available = true;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
const secret = 'refresh-token-7f3a9c';

describe('where sync keeps its tokens and key', () => {
  it('on the desktop: in the data folder, encrypted by safeStorage (never in the clear), readable back', () => {
    const dir = folder();
    const store = desktopSecretStore(dir, safeStorage);
    store.set('sync.tokens', secret);
    const file = path.join(dir, 'sync-secrets.bin');
    expect(fs.readFileSync(file).toString()).not.toContain(secret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(desktopSecretStore(dir, safeStorage).get('sync.tokens')).toBe(secret);
    store.delete('sync.tokens');
    expect(store.get('sync.tokens')).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('on the desktop without system encryption: a file readable by its owner only', () => {
    fakeSafeStorage.available = false;
    const dir = folder();
    desktopSecretStore(dir, safeStorage).set('sync.dataKey', secret);
    expect(fs.statSync(path.join(dir, 'sync-secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('in the browser shell: <data>/sync-secrets.json with mode 0600; a damaged file reads as empty', () => {
    const dir = folder();
    const store = browserSecretStore(dir);
    store.set('sync.tokens', secret);
    store.set('sync.dataKey', 'key');
    const file = path.join(dir, 'sync-secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(store.get('sync.tokens')).toBe(secret);
    fs.writeFileSync(file, '{not json');
    expect(store.get('sync.tokens')).toBeNull();
  });
});
