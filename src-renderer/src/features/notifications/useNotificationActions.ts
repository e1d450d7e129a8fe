import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationItem, SnoozeDuration } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useFormat } from '../../ui/format';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { useNotificationText } from './useNotificationText';

const snoozeMs: Record<SnoozeDuration, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

/** The centre's actions on one notification, each confirmed by a toast that can undo it. */
export function useNotificationActions() {
  const { t } = useTranslation(['automation', 'common']);
  const toast = useToast();
  const format = useFormat();
  const text = useNotificationText();

  const restore = useCallback((item: NotificationItem) => invoke('notifications.act', { action: 'restore', ids: [item.id] }), []);
  const run = useCallback(
    async (work: () => Promise<unknown>, message: string, undo?: () => Promise<unknown>) => {
      try {
        await work();
        if (undo) toast.showUndo(message, undo);
        else toast.show(message);
      } catch (error) {
        toast.show(errorMessage(t, error));
      }
    },
    [t, toast],
  );

  return {
    read: (items: NotificationItem[]) =>
      items.length === 0 ? Promise.resolve() : invoke('notifications.act', { action: 'read', ids: items.map((item) => item.id) }).catch(() => undefined),
    done: (item: NotificationItem) =>
      run(() => invoke('notifications.act', { action: 'done', ids: [item.id] }), t('centre.toast.done', { title: text(item).title }), () => restore(item)),
    dismiss: (item: NotificationItem) =>
      run(() => invoke('notifications.act', { action: 'dismiss', ids: [item.id] }), t('centre.toast.dismissed', { title: text(item).title }), () => restore(item)),
    snooze: (item: NotificationItem, duration: SnoozeDuration) =>
      run(
        () => invoke('notifications.act', { action: 'snooze', ids: [item.id], duration }),
        // The server's clock decides the exact moment; this only says roughly when.
        t('centre.toast.snoozed', { when: format.dateTime(new Date(Date.now() + snoozeMs[duration]).toISOString()) }),
        () => restore(item),
      ),
    undoRule: (item: NotificationItem) =>
      run(() => invoke('notifications.act', { action: 'undo', ids: [item.id] }), t('centre.toast.undone', { company: item.companyName ?? '' })),
  };
}
