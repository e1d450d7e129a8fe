import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationItem, NotificationKind } from '../../../../src-shared/contract';
import { snoozeDurations } from '../../../../src-shared/contract/enums';
import { Button, IconButton } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { Icon, type IconName } from '../../ui/Icon';
import { useNotificationActions } from './useNotificationActions';
import { useNotificationText } from './useNotificationText';

const kindIcons: Record<NotificationKind, IconName> = {
  'interview-soon': 'calendar',
  'task-due': 'tasks',
  'follow-up': 'history',
  ghosted: 'clock',
  deadline: 'alert',
  'goal-at-risk': 'dashboard',
  'weekly-summary': 'report',
  'new-opportunities': 'inbox',
};

/** One notification of the centre: opening it leads to its screen; done, snooze, dismiss (and undo for a rule's move). */
export function NotificationEntry({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  const { t } = useTranslation('automation');
  const format = useFormat();
  const text = useNotificationText()(item);
  const actions = useNotificationActions();
  const [snoozing, setSnoozing] = useState(false);
  return (
    <li className={`nc-item${item.unread ? ' nc-unread' : ''}`} data-kind={item.kind}>
      {/* Named by its title (with "unread" first when it is), described by the rest. */}
      <button type="button" className="nc-open" onClick={() => onOpen(item)} aria-labelledby={`nc-title-${item.id}`} aria-describedby={`nc-body-${item.id}`}>
        <span className="nc-icon" aria-hidden="true">
          <Icon name={kindIcons[item.kind]} />
        </span>
        <span className="nc-text">
          <span className="nc-title" id={`nc-title-${item.id}`}>
            {item.unread && <span className="sr-only">{t('centre.unread')}: </span>}
            {text.title}
          </span>
          <span className="nc-body" id={`nc-body-${item.id}`}>
            {text.body}
          </span>
          <time className="nc-time" dateTime={item.visibleAt} title={format.dateTime(item.visibleAt)}>
            {format.relative(item.visibleAt)}
          </time>
        </span>
      </button>
      <div className="nc-actions" role="group" aria-label={t('centre.actions', { title: text.title })}>
        {item.undoable && (
          <Button size="sm" onClick={() => void actions.undoRule(item)}>
            {t('centre.undoRule')}
          </Button>
        )}
        <IconButton size="sm" icon="check" label={t('centre.done')} onClick={() => void actions.done(item)} />
        <IconButton size="sm" icon="clock" label={t('centre.snooze')} aria-expanded={snoozing} onClick={() => setSnoozing((open) => !open)} />
        <IconButton size="sm" icon="close" label={t('centre.dismiss')} onClick={() => void actions.dismiss(item)} />
      </div>
      {snoozing && (
        <div className="nc-snooze" role="group" aria-label={t('centre.snooze')}>
          {snoozeDurations.map((duration) => (
            <Button key={duration} size="sm" onClick={() => void actions.snooze(item, duration)}>
              {t(`centre.snoozeFor.${duration}`)}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
