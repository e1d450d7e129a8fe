import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { channels } from '../../src-shared/contract/channels';
import { shellChannels } from '../../src-shared/contract/shell';
import { openTempApp, type TempApp } from '../support/temp-app';
import { appPageUrl, serveOverFakeIpc, type FakeIpcMain } from './support/fake-ipc';

const electron = vi.hoisted(() => ({
  openExternal: vi.fn(async () => undefined),
  openPath: vi.fn(async () => ''),
}));
vi.mock('electron', () => ({
  shell: { openExternal: electron.openExternal, openPath: electron.openPath },
  app: { getPath: () => '/home/user/Documents' },
  dialog: {},
  BrowserWindow: { fromWebContents: () => null },
}));

const { senderCheck } = await import('../../src-main/shell/origin');
const { createShellActions } = await import('../../src-main/shell/actions');

describe('IPC transport', () => {
  let app: TempApp;
  let ipc: FakeIpcMain;
  let broadcast: Mock<(event: string, payload: unknown) => void>;
  let dispose: () => void;

  beforeEach(async () => {
    app = await openTempApp({ shell: 'desktop' });
    broadcast = vi.fn<(event: string, payload: unknown) => void>();
    electron.openExternal.mockClear();
    ({ ipc, dispose } = serveOverFakeIpc(app, (grants) => createShellActions(app.context, { entryUrl: appPageUrl, preload: '/app/out/preload/index.cjs' }, grants), broadcast));
  });

  afterEach(() => {
    dispose();
    app.close();
  });

  it('registers one handler per channel of the contract and per shell channel', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...channels, ...shellChannels].sort());
  });

  it('answers a frame of app://candid', async () => {
    const result = await ipc.invoke('app://candid/index.html', 'tags.create', { name: 'Remote' });
    expect(result.ok).toBe(true);
    const list = await ipc.invoke('app://candid/applications/12', 'tags.list');
    expect(list).toMatchObject({ ok: true, value: [expect.objectContaining({ name: 'Remote' })] });
  });

  it.each([
    'https://evil.example/',
    'app://candid.evil.example/index.html',
    'app://evil/index.html',
    'file:///work/out/renderer/index.html',
    'http://127.0.0.1:5173/',
    '',
    null,
  ])('refuses a call from %s with FORBIDDEN and runs nothing', async (url) => {
    const result = await ipc.invoke(url, 'tags.create', { name: 'Injected' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    const shellResult = await ipc.invoke(url, 'shell.openExternal', { url: 'https://evil.example/' });
    expect(shellResult).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(electron.openExternal).not.toHaveBeenCalled();
    const list = await ipc.invoke('app://candid/index.html', 'tags.list');
    expect(list).toEqual({ ok: true, value: [] });
  });

  it('passes the raw input to the API, which validates it', async () => {
    const result = await ipc.invoke('app://candid/index.html', 'tags.create', { name: '', extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('validates shell.* inputs and opens only http(s)/mailto', async () => {
    const refused = await ipc.invoke('app://candid/index.html', 'shell.openExternal', { url: 'javascript:alert(1)' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(electron.openExternal).not.toHaveBeenCalled();
    const opened = await ipc.invoke('app://candid/index.html', 'shell.openExternal', { url: 'https://candid.fr/' });
    expect(opened).toEqual({ ok: true, value: { opened: true } });
    expect(electron.openExternal).toHaveBeenCalledWith('https://candid.fr/');
  });

  it('forwards changed events to the windows, and stops once disposed', async () => {
    await ipc.invoke('app://candid/index.html', 'tags.create', { name: 'Paris' });
    expect(broadcast).toHaveBeenCalledWith('changed', { tables: ['tags'] });
    dispose();
    broadcast.mockClear();
    await app.api.call('tags.create', { name: 'Lyon' });
    expect(broadcast).not.toHaveBeenCalled();
    expect(ipc.handlers.size).toBe(0);
    dispose = () => undefined;
  });
});

describe('sender check', () => {
  it('accepts only app://candid, plus the local dev server when one is given', () => {
    const packaged = senderCheck();
    expect(packaged('app://candid/index.html')).toBe(true);
    expect(packaged('http://localhost:5173/')).toBe(false);
    const dev = senderCheck('http://localhost:5173');
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(senderCheck('https://evil.example/')('https://evil.example/')).toBe(false);
  });
});
