import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-app';
import { startWebShell, type WebShell } from './support/web-shell';

/**
 * The browser shell as a user runs it (`npm run web`, a child process): issue 18, finding 2. It prints a one-time
 * launch address and never the key; the page it serves to anyone else holds no key; the api-token file for scripts
 * is 0600, and a stale one left by a crash (of any mode) is replaced, not rewritten in place.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function freshDir(): string {
  const dir = tempDir('candid-launch-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function start(dir: string): WebShell {
  const shell = startWebShell(['--data', dir], { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' });
  cleanups.push(() => shell.child.kill('SIGKILL'));
  return shell;
}

describe('npm run web', () => {
  it('prints a one-time launch address, serves no key, and prints the next address once one is used', async () => {
    const dir = freshDir();
    const shell = start(dir);
    const [, launch, origin] = await shell.waitFor(/Candid is running at ((http:\/\/127\.0\.0\.1:\d+)\/\?launch=[\w-]+) /);
    await shell.waitFor(/API token in /);
    const token = fs.readFileSync(path.join(dir, 'api-token'), 'utf8').trim();
    expect(shell.output().stdout).not.toContain(token);

    const anonymous = await fetch(`${origin}/`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain(token);

    const opened = await fetch(launch, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0];
    const [, next] = await shell.waitFor(/To open Candid in another browser: (http:\/\/127\.0\.0\.1:\d+\/\?launch=[\w-]+)/);
    expect(next).not.toBe(launch);
    expect((await fetch(launch, { redirect: 'manual' })).status).toBe(401);

    const call = await fetch(`${origin}/api/tags.list`, { method: 'POST', headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' } });
    expect(call.status).toBe(200);
    shell.child.kill('SIGTERM');
    expect(await shell.exited).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('replaces a stale api-token a crash left, whatever its mode, with a new private one', async () => {
    const dir = freshDir();
    const tokenFile = path.join(dir, 'api-token');
    fs.writeFileSync(tokenFile, 'stale-token-from-a-crash\n', { mode: 0o644 });
    fs.chmodSync(tokenFile, 0o644);
    const shell = start(dir);
    const [, origin] = await shell.waitFor(/Candid is running at (http:\/\/127\.0\.0\.1:\d+)\//);
    await shell.waitFor(/API token in /);
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const call = await fetch(`${origin}/api/tags.list`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
    expect(call.status).toBe(200);
    shell.child.kill('SIGTERM');
    expect(await shell.exited).toBe(0);
    expect(fs.existsSync(tokenFile)).toBe(false);
  });
});
