import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../src-shared/security';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));

const { createAppProtocolHandler, resolveAppPath } = await import('../../src-main/shell/protocol');

let base: string;
let rendererDir: string;
let secret: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-protocol-'));
  rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Candid</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("candid")');
  // A file next to the served folder: what an escape would reach.
  secret = path.join(base, 'secret.txt');
  fs.writeFileSync(secret, 'top secret');
  handler = createAppProtocolHandler(rendererDir);
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves a real file with 200, its type and the CSP header', async () => {
    const response = await get('app://candid/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log("candid")');
  });

  it('serves index.html for the root', async () => {
    const response = await get('app://candid/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Candid</title>');
  });

  it.each([
    ['an encoded ../ escape', 'app://candid/..%2fsecret.txt'],
    ['an encoded ..\\ escape', 'app://candid/..%5csecret.txt'],
    ['a deeper encoded escape', 'app://candid/assets/..%2f..%2fsecret.txt'],
    ['%2e%2e segments with an encoded slash', 'app://candid/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
  ])('refuses %s with 404 although the file exists outside', async (_name, url) => {
    expect(fs.existsSync(secret)).toBe(true);
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('top secret');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('refuses an absolute path (encoded) instead of reading it from the disk', async () => {
    const response = await get(`app://candid/${encodeURIComponent(secret)}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('top secret');
  });

  it('never resolves a path outside the folder', () => {
    const outside = (url: string) => {
      const resolved = resolveAppPath(rendererDir, url);
      return resolved !== null && path.relative(rendererDir, resolved).startsWith('..');
    };
    for (const url of ['app://candid/..%2f..%2fetc%2fpasswd', `app://candid/${encodeURIComponent(secret)}`, 'app://candid//etc/passwd']) {
      expect(outside(url)).toBe(false);
    }
    expect(resolveAppPath(rendererDir, 'app://candid/C:%5cWindows%5cwin.ini')).toBeNull();
    expect(resolveAppPath(rendererDir, 'app://candid/a%00b')).toBeNull();
  });

  it('refuses another host and malformed escapes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://candid/%E0%A4%A')).status).toBe(404);
  });

  it('answers 404 for a missing asset and 405 for a POST', async () => {
    expect((await get('app://candid/assets/missing.js')).status).toBe(404);
    expect((await get('app://candid/index.html', 'POST')).status).toBe(405);
  });
});
