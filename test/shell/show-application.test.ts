import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectorPorts } from '../../src-shared/connector';
import { postingPage } from '../extension/posting-page';
import { rawRequest } from '../transports/support/raw-http';
import { fakeIpcMain, FakeMainWindow, startupDialogs } from './support/fake-electron-app';
import { useFakeDesktop } from './support/fake-desktop';
import { appPageUrl } from './support/fake-ipc';

vi.mock('electron', async () => (await import('./support/fake-electron-app')).fakeElectron);

const { showRoute } = await import('../../src-main/shell/window');
const { startDesktopApp } = await import('../../src-main/shell/lifecycle');

const applicationRoute = '/applications/01a24173-9b86-71ae-a20a-9121d1eb0327';

describe('showRoute', () => {
  afterEach(() => {
    FakeMainWindow.created.length = 0;
  });

  it('restores a minimised window, brings it forward, then tells the renderer where to go', () => {
    const window = new FakeMainWindow({});
    window.isMinimized = () => true;
    const openWindow = vi.fn();
    showRoute(window as never, applicationRoute, openWindow);
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith('candid:event:navigate', { path: applicationRoute });
    expect(openWindow).not.toHaveBeenCalled();
  });

  it('opens the window on the route when there is none, and never sends a path that is not a route of the app', () => {
    const openWindow = vi.fn();
    showRoute(null, applicationRoute, openWindow);
    expect(openWindow).toHaveBeenCalledWith(applicationRoute);

    const window = new FakeMainWindow({});
    for (const route of ['https://evil.example/', '/applications/../settings', null]) showRoute(window as never, route, openWindow);
    expect(window.focus).toHaveBeenCalledTimes(3);
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});

describe('the desktop app and the extension’s "Open in Candid"', () => {
  useFakeDesktop({ now: Date.parse('2026-12-04T10:00:00Z') });

  /** The connector servers this process starts (the desktop app has no other HTTP listener), seen as they listen. */
  function watchListeners(): http.Server[] {
    const servers: http.Server[] = [];
    const listen = http.Server.prototype.listen;
    vi.spyOn(http.Server.prototype, 'listen').mockImplementation(function (this: http.Server, ...args: unknown[]) {
      servers.push(this);
      return listen.apply(this, args as never);
    });
    return servers;
  }

  it('the connector brings the main window to the application, and reopens the window on it once closed', async () => {
    const servers = watchListeners();
    startDesktopApp();
    await vi.waitFor(() => expect(fakeIpcMain.handlers.has('extension.pairingCode')).toBe(true));
    expect(startupDialogs).not.toHaveBeenCalled();
    // The first free port of the fixed range (another Candid may hold the first ones).
    const port = await vi.waitFor(() => {
      const listening = servers.map((server) => server.address() as AddressInfo | null).find((address) => address && (connectorPorts as readonly number[]).includes(address.port));
      expect(listening).toBeTruthy();
      return listening!.port;
    });
    vi.restoreAllMocks();
    const post = (path: string, body: unknown, token?: string) =>
      rawRequest(port, { method: 'POST', path, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

    const { code } = (await fakeIpcMain.invoke(appPageUrl, 'extension.pairingCode')).value as { code: string };
    const { token } = (await post('/connector/pair', { code })).json() as { token: string };
    const saved = (await post('/connector/capture', { url: 'https://boards.initech.example/jobs/4011', html: postingPage() }, token)).json() as {
      applicationId: string;
      openUrl: string | null;
      canShow: boolean;
    };
    // The desktop app has no address to link to: the popup offers the button instead.
    expect(saved).toMatchObject({ openUrl: null, canShow: true });

    const [window] = FakeMainWindow.created;
    window.isMinimized = () => true;
    expect((await post('/connector/open', { applicationId: saved.applicationId }, token)).status).toBe(204);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith('candid:event:navigate', { path: `/applications/${saved.applicationId}` });

    // Closed (macOS keeps running without a window): a new window opens on the application.
    window.emit('closed');
    expect((await post('/connector/open', { applicationId: saved.applicationId }, token)).status).toBe(204);
    expect(FakeMainWindow.created).toHaveLength(2);
    expect(FakeMainWindow.created[1].loaded[0]).toMatch(new RegExp(`#/applications/${saved.applicationId}$`));

    expect((await post('/connector/open', { applicationId: saved.applicationId })).status).toBe(401);
    expect(FakeMainWindow.created).toHaveLength(2);
  }, 60_000);
});
