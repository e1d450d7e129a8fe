/**
 * The app's own origin. The renderer is served from `app://candid/`; only pages of this origin may call the IPC
 * handlers. Plain code (no electron import) so the transport and the tests can use it.
 */
export const appScheme = 'app';
export const appHost = 'candid';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** True for `app://candid/…` and nothing else (not `app://candid.evil/`, not `app://evil/`, not file:). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The sender check given to the IPC transport. `devServerUrl` (electron-vite dev only, never in a packaged app)
 * adds the origin of the local dev server that serves the renderer with hot reload.
 */
export function senderCheck(devServerUrl?: string): (url: string) => boolean {
  let devOrigin: string | null = null;
  if (devServerUrl) {
    try {
      const parsed = new URL(devServerUrl);
      if (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]') {
        devOrigin = parsed.origin;
      }
    } catch {
      devOrigin = null;
    }
  }
  return (url) => {
    if (isAppUrl(url)) return true;
    if (!devOrigin) return false;
    try {
      return new URL(url).origin === devOrigin;
    } catch {
      return false;
    }
  };
}
