/**
 * The desktop's system notifications: what automation hands over (src-main/automation/notifications/delivery.ts)
 * shown through Electron's Notification; a click brings Candid to the front on the notification's screen and marks
 * it read.
 */
import { Notification } from 'electron';
import type { NotificationItem } from '../../src-shared/contract';
import type { DeliverNotifications } from '../automation';
import { actOnNotifications } from '../automation/notifications/act';
import { userText } from '../automation/text';
import type { AppContext } from '../context';

/** More than this at once (a catch-up after days away) and the rest is summed up in one notification. */
export const shownAtOnce = 3;

export interface SystemNotifierOptions {
  context: AppContext;
  /** Brings the main window to the front (opening one if none) on a route of the renderer. */
  open(path: string | null): void;
}

export function createSystemNotifier({ context, open }: SystemNotifierOptions): DeliverNotifications {
  // Electron drops the handlers of a notification nobody references any more: they are kept until it is gone.
  const showing = new Set<Notification>();

  const show = (title: string, body: string, onClick: () => void) => {
    const notification = new Notification({ title, body });
    const forget = () => showing.delete(notification);
    notification.on('click', () => {
      forget();
      onClick();
    });
    notification.on('close', forget);
    notification.on('failed', forget);
    showing.add(notification);
    notification.show();
  };

  const openItem = (item: NotificationItem) => {
    try {
      context.changes.write((write) => actOnNotifications(context.db, write, { action: 'read', ids: [item.id] }));
    } catch (error) {
      // Deleted meanwhile (sync): the screen still opens.
      console.error('[candid] a notification could not be marked read:', error);
    }
    open(item.target);
  };

  return (items) => {
    if (items.length === 0 || !Notification.isSupported()) return;
    const text = userText(context.db);
    const individually = items.length <= shownAtOnce ? items : items.slice(-(shownAtOnce - 1));
    const summed = items.length - individually.length;
    if (summed > 0) {
      show(text.t('automation:text.more', { count: summed }), text.t('automation:text.moreBody'), () => open(null));
    }
    for (const item of individually) {
      const { title, body } = text.notification(item);
      show(title, body, () => openItem(item));
    }
  };
}
