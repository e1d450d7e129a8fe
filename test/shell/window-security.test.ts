import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: Array<{ options: Record<string, unknown>; loaded: string[] }> = [];
  class BrowserWindow {
    readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      created.push(this.record);
    }
    once() {
      return this;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return { created, BrowserWindow };
});

vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, shell: { openExternal: vi.fn() } }));

const { windowSecurityOptions } = await import('../../src-main/shell/security');
const { createMainWindow } = await import('../../src-main/shell/window');

describe('window security options', () => {
  beforeEach(() => {
    electron.created.length = 0;
  });

  it('isolates the page: context isolation, sandbox, no Node, web security on', () => {
    expect(windowSecurityOptions.contextIsolation).toBe(true);
    expect(windowSecurityOptions.sandbox).toBe(true);
    expect(windowSecurityOptions.nodeIntegration).toBe(false);
    expect(windowSecurityOptions.nodeIntegrationInWorker).toBe(false);
    expect(windowSecurityOptions.nodeIntegrationInSubFrames).toBe(false);
    expect(windowSecurityOptions.webSecurity).toBe(true);
    expect(windowSecurityOptions.allowRunningInsecureContent).toBe(false);
    expect(windowSecurityOptions.webviewTag).toBe(false);
  });

  it('is what the main window is actually created with, plus the preload', () => {
    createMainWindow({ preload: '/app/out/preload/index.cjs', url: 'app://candid/index.html' });
    expect(electron.created).toHaveLength(1);
    const { options, loaded } = electron.created[0];
    expect(options.webPreferences).toEqual({ ...windowSecurityOptions, preload: '/app/out/preload/index.cjs' });
    expect(loaded).toEqual(['app://candid/index.html']);
  });
});
