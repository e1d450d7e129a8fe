import { invokeShell } from './client';

/** Opens a web page in the system browser: the desktop shell does it; in a browser, a new tab. */
export async function openExternal(url: string): Promise<void> {
  if (window.candid) {
    await invokeShell('shell.openExternal', { url });
    return;
  }
  window.open(url, '_blank', 'noopener,noreferrer');
}
