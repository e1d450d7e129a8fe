/**
 * Just enough of Electron for startDesktopApp to run under Node: the app's lifecycle events, ipcMain (the fake
 * that lets a test call the handlers as a page would), windows that record what they load, and no-op menu,
 * protocol, session and dialogs. The database, the IPC transport and the backups behind them are the real ones.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { FakeIpcMain } from './fake-ipc';

class FakeApp extends EventEmitter {
  userData = '';
  appPath = '';
  readonly isPackaged = false;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  whenReady = () => Promise.resolve();
  requestSingleInstanceLock = () => true;
  getPath = (name: string) => (name === 'userData' ? this.userData : `/nonexistent/${name}`);
  getAppPath = () => this.appPath;
  getLocale = () => 'fr-FR';
}

export class FakeMainWindow extends EventEmitter {
  static readonly created: FakeMainWindow[] = [];
  static getAllWindows = () => FakeMainWindow.created;
  static fromWebContents = () => null;
  readonly loaded: string[] = [];
  readonly webContents = { send: vi.fn(), isDestroyed: () => false };
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeMainWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  readonly restore = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
}

/** Electron's Notification: records what was shown; a test emits 'click' on one as the user would. */
export class FakeNotification extends EventEmitter {
  static supported = true;
  static readonly shown: FakeNotification[] = [];
  static isSupported = () => FakeNotification.supported;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

export const fakeApp = new FakeApp();
export const fakeIpcMain = new FakeIpcMain();
/** Startup problems end in a dialog: a test that reaches one has failed to start the app. */
export const startupDialogs = vi.fn(() => 0);

/** Electron's safeStorage as far as the app uses it: a reversible stand-in for the system's encryption. */
export const fakeSafeStorage = {
  available: true,
  isEncryptionAvailable: () => fakeSafeStorage.available,
  encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).reverse().toString('base64')}`),
  decryptString: (bytes: Buffer) => {
    const text = bytes.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('sealed:'.length), 'base64').reverse().toString();
  },
};

export const fakeElectron = {
  app: fakeApp,
  ipcMain: fakeIpcMain,
  BrowserWindow: FakeMainWindow,
  Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: {
    defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
  },
  dialog: { showMessageBoxSync: startupDialogs },
  shell: { openPath: vi.fn(async () => ''), openExternal: vi.fn(), showItemInFolder: vi.fn() },
  safeStorage: fakeSafeStorage,
  Notification: FakeNotification,
};
