import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const app = {
    hasLock: true,
    quits: 0,
    requestSingleInstanceLock: () => app.hasLock,
    quit: () => {
      app.quits++;
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return app;
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
    reset() {
      listeners.clear();
      app.quits = 0;
    },
    listenerCount: (event: string) => listeners.get(event)?.length ?? 0,
  };
  return { app };
});
vi.mock('electron', () => ({ app: electron.app, BrowserWindow: class {} }));

const { claimSingleInstance } = await import('../../src-main/shell/single-instance');

function fakeWindow(minimized: boolean) {
  return {
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => minimized),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  };
}

describe('single instance', () => {
  const app = electron.app;
  beforeEach(() => app.reset());

  it('a second launch brings the existing window to the front (restoring it)', () => {
    app.hasLock = true;
    const window = fakeWindow(true);
    expect(claimSingleInstance(() => window)).toBe(true);
    app.emit('second-instance', {}, ['candid'], '/home/user');
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(app.quits).toBe(0);
  });

  it('the second process, which does not get the lock, quits', () => {
    app.hasLock = false;
    expect(claimSingleInstance(() => fakeWindow(false))).toBe(false);
    expect(app.quits).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
