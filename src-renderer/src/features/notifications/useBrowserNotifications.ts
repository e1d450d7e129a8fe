import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationItem, NotificationList } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useNotificationText } from './useNotificationText';

/** Up to where this browser has shown notifications (their time of appearing, the app's clock): one per tab profile. */
const shownKey = 'candid.notifications.shownUntil';
const appearedAt = (item: NotificationItem) => (item.createdAt > item.visibleAt ? item.createdAt : item.visibleAt);

/** Whether this page can show Web Notifications: the browser shell (the desktop has system ones) with the API. */
export function browserNotificationsAvailable(): boolean {
  return !window.candid && typeof window.Notification === 'function';
}

/**
 * The browser shell: notifications that appear while Candid is open in a tab are shown through the Web
 * Notifications API, once the user allowed it (Settings ▸ Automation or the centre asks). Not during quiet hours;
 * what appeared then is shown when they end. The first time, nothing older is shown.
 */
export function useBrowserNotifications(list: NotificationList | undefined): void {
  const navigate = useNavigate();
  const text = useNotificationText();

  useEffect(() => {
    if (!list || !browserNotificationsAvailable()) return;
    const newest = list.items.reduce((max, item) => (appearedAt(item) > max ? appearedAt(item) : max), '');
    const shownUntil = localStorage.getItem(shownKey);
    if (shownUntil === null) {
      localStorage.setItem(shownKey, newest);
      return;
    }
    if (Notification.permission !== 'granted' || !list.systemNotifications || list.quietNow) return;
    const fresh = list.items.filter((item) => item.unread && appearedAt(item) > shownUntil).reverse();
    for (const item of fresh) {
      const { title, body } = text(item);
      const shown = new Notification(title, { body, tag: item.id });
      shown.onclick = () => {
        window.focus();
        navigate(item.target);
        void invoke('notifications.act', { action: 'read', ids: [item.id] }).catch(() => undefined);
        shown.close();
      };
    }
    if (newest > shownUntil) localStorage.setItem(shownKey, newest);
  // Shown once each (the mark moves on): running again for a new language shows nothing twice.
  }, [list, navigate, text]);
}
