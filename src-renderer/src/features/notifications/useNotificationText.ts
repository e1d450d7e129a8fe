import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationItem } from '../../../../src-shared/contract';
import { notificationText, type NotificationText } from '../../../../src-shared/notification-text';
import { useFormat } from '../../ui/format';

/** What a notification says, in the current language: the same words as the desktop's system notifications. */
export function useNotificationText(): (item: NotificationItem) => NotificationText {
  const { t } = useTranslation('automation');
  const format = useFormat();
  return useCallback(
    (item: NotificationItem) =>
      notificationText(item, (key, options) => t(key, options), { dateTime: (value) => format.dateTime(value), date: (value) => format.date(value) }),
    [t, format],
  );
}
