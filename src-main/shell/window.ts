import { BrowserWindow } from 'electron';
import { eventIpcChannel, isAppRoute, type BridgeEventName, type BridgeEvents } from '../../src-shared/bridge';
import { appWebPreferences } from './security';

export interface MainWindowOptions {
  /** Absolute path of out/preload/index.cjs. */
  preload: string;
  url: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Candid',
    show: false,
    webPreferences: appWebPreferences(options.preload),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => {
    console.error('[candid] the window could not load its page:', error);
  });
  return window;
}

type WindowLike = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'>;

/** Brings a window to the front, restoring it when minimised. */
export function focusWindow(window: WindowLike): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Brings the main window forward on a route of the renderer (a notification's click, the extension's "Open in
 * Candid"): restored, shown and focused, then told to navigate (the renderer's `navigate` event); opened on the route
 * when there is no window. A path that is not one of the renderer's routes only brings the window forward.
 */
export function showRoute(mainWindow: BrowserWindow | null, route: string | null, openWindow: (route?: string) => void): void {
  const path = isAppRoute(route) ? route : undefined;
  if (!mainWindow || mainWindow.isDestroyed()) return openWindow(path);
  focusWindow(mainWindow);
  if (path) sendToWindow(mainWindow, 'navigate', { path });
}

export function sendToWindow<N extends BridgeEventName>(window: BrowserWindow | null, event: N, payload: BridgeEvents[N]): void {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(eventIpcChannel(event), payload);
}

/** Sends an event to every window (used for `changed`). */
export function broadcast<N extends BridgeEventName>(event: N, payload: BridgeEvents[N]): void {
  for (const window of BrowserWindow.getAllWindows()) sendToWindow(window, event, payload);
}
