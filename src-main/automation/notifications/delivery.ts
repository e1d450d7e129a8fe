import type { NotificationItem } from '../../../src-shared/contract';
import type { AppContext } from '../../context';
import { readMeta, writeMeta } from '../../db/meta';
import { isQuiet, quietEnd } from '../local-time';
import type { TickFollower } from '../scheduler';
import { readSettingsRow } from '../settings';
import { nextVisibleAt, visibleNotifications } from './queries';

/** Shows notifications outside the window: the desktop's system notifications (src-main/shell/notifications.ts). */
export type DeliverNotifications = (items: readonly NotificationItem[]) => void;

/** Local (never synced) marks: up to when this device has announced and delivered what appeared. */
const announcedKey = 'notifications_announced_until';
const deliveredKey = 'notifications_delivered_until';

/** When a notification appeared on this device: when it became visible, or when it arrived (made or synced) if later. */
const appearedAt = (item: NotificationItem) => (item.createdAt > item.visibleAt ? item.createdAt : item.visibleAt);

/**
 * After each tick: tells the windows when notifications appeared without a write (a snooze that ended), and hands
 * new ones to `deliver` outside quiet hours (those that appeared during them wait for their end). The first time on
 * a device, nothing older is delivered: installing Candid does not pop up its past.
 */
export class NotificationDelivery implements TickFollower {
  constructor(private readonly deliver?: DeliverNotifications) {}

  afterTick(context: AppContext, now: number): { nextAt: number | null } {
    const { db } = context;
    const nowIso = new Date(now).toISOString();
    const settings = readSettingsRow(db);
    const quiet = { enabled: settings.quiet_enabled === 1, start: settings.quiet_start, end: settings.quiet_end };
    const announced = readMeta(db, announcedKey);
    const delivered = readMeta(db, deliveredKey);
    const since = [announced, delivered].filter((value): value is string => value !== null).sort()[0] ?? nowIso;
    const appeared = visibleNotifications(db, now, 'open', since).filter((item) => item.unread);

    if (announced === null || appeared.some((item) => appearedAt(item) > announced)) {
      if (announced !== null) context.changes.announce(['notifications']);
    }
    writeMeta(db, announcedKey, nowIso);

    let nextAt = nextVisibleAt(db, now);
    if (delivered === null || !this.deliver || settings.system_notifications !== 1) {
      writeMeta(db, deliveredKey, nowIso);
    } else if (isQuiet(now, quiet)) {
      const end = quietEnd(now, quiet);
      if (nextAt === null || end < nextAt) nextAt = end;
    } else {
      // Oldest first, so that the newest ends on top of the system's stack.
      const fresh = appeared.filter((item) => appearedAt(item) > delivered).reverse();
      if (fresh.length > 0) this.deliver(fresh);
      writeMeta(db, deliveredKey, nowIso);
    }
    return { nextAt };
  }
}
