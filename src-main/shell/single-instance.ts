import { app } from 'electron';
import { focusWindow } from './window';

type WindowLike = Parameters<typeof focusWindow>[0];

/**
 * One Candid at a time (one process owns the database). A second launch hands over to the first, which comes
 * to the front, and quits. Returns false in that second process.
 */
export function claimSingleInstance(getWindow: () => WindowLike | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = getWindow();
    if (window) focusWindow(window);
  });
  return true;
}
