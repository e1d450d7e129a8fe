/**
 * The security settings of every window and web contents. Kept in one place so that tests read the very
 * objects the app uses.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { openExternalSafely } from './external';

/** The web preferences of every window (the preload path is added by window.ts). */
export const windowSecurityOptions = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/** What every window of the app's own pages gets: the hardened options and the preload (out/preload/index.cjs). */
export function appWebPreferences(preload: string): WebPreferences {
  return { ...windowSecurityOptions, preload };
}

type ContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

function openIfExternal(url: string): void {
  openExternalSafely(url).catch((error: unknown) => {
    console.error('[candid] could not open an external link:', error);
  });
}

/**
 * No navigation away from the app, no new windows, no <webview>. Links to http(s) and mailto open in the
 * system's browser or mail client instead; everything else is dropped.
 */
export function hardenWebContents(contents: ContentsLike): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openIfExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfExternal(url);
    return { action: 'deny' };
  });
}

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/**
 * Writing to the clipboard is allowed: copying (an e-mail address, a posting's link) is a normal part of the app.
 * Everything else is refused: camera, microphone, notifications, geolocation, clipboard reads, HID/USB/serial…
 */
export const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function limitPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
  session.setDevicePermissionHandler(() => false);
}
