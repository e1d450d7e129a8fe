import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('electron', () => ({ shell: { openExternal } }));

const { limitPermissions, hardenWebContents } = await import('../../src-main/shell/security');

type OpenHandler = (details: { url: string }) => { action: string };

/** Stands in for a WebContents: a real event emitter with the window-open hook. */
class FakeContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler) {
    this.openHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

async function flush() {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('web contents hardening', () => {
  let contents: FakeContents;
  beforeEach(() => {
    openExternal.mockClear();
    contents = new FakeContents();
    hardenWebContents(contents as never);
  });

  it('prevents every navigation away from the page', async () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://candid/other.html']) {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
    }
    await flush();
    // A link to a web page goes to the system browser instead; file: goes nowhere.
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/');
  });

  it('prevents redirects and <webview> attachment', () => {
    const redirect = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; http(s) and mailto open in the system instead', async () => {
    expect(contents.openHandler).not.toBeNull();
    const open = contents.openHandler!;
    expect(open({ url: 'https://www.welcometothejungle.com/fr/jobs' })).toEqual({ action: 'deny' });
    expect(open({ url: 'mailto:recruiter@example.com' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://candid/index.html' })).toEqual({ action: 'deny' });
    await flush();
    expect(openExternal.mock.calls.map((call) => (call as unknown[])[0])).toEqual([
      'https://www.welcometothejungle.com/fr/jobs',
      'mailto:recruiter@example.com',
    ]);
  });
});

describe('permissions', () => {
  function installed() {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | undefined;
    let device: ((details: unknown) => boolean) | undefined;
    limitPermissions({
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
      setDevicePermissionHandler: (handler: typeof device) => (device = handler),
    } as never);
    const granted = (permission: string) => {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      return { requested: callback.mock.calls[0][0] as boolean, checked: check!(null, permission, 'app://candid', {}) };
    };
    return { granted, device: device! };
  }

  it('denies every permission request, check and device access except writing to the clipboard', () => {
    const { granted, device } = installed();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'midi', 'hid', 'serial', 'usb']) {
      expect(granted(permission), permission).toEqual({ requested: false, checked: false });
    }
    expect(device({ deviceType: 'usb', origin: 'app://candid' })).toBe(false);
  });

  it('allows clipboard-sanitized-write (copying is a normal app function), and nothing that only looks like it', () => {
    const { granted } = installed();
    expect(granted('clipboard-sanitized-write')).toEqual({ requested: true, checked: true });
    expect(granted('clipboard-write')).toEqual({ requested: false, checked: false });
    expect(granted('Clipboard-Sanitized-Write')).toEqual({ requested: false, checked: false });
  });
});
