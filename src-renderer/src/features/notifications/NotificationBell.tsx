import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationItem } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { Popover } from '../../ui/Popover';
import { NotificationEntry } from './NotificationEntry';
import { browserNotificationsAvailable, useBrowserNotifications } from './useBrowserNotifications';
import { useNavigateEvents } from './useNavigateEvents';
import { useNotificationActions } from './useNotificationActions';
import './notifications.css';

/**
 * The notification centre: a bell with the number of unread notifications in the top bar, opening the list. Also
 * where system notifications lead back into the app (desktop) and where the browser shell shows its own.
 */
export function NotificationBell() {
  const { t } = useTranslation('automation');
  const navigate = useNavigate();
  const list = useChannel('notifications.list', undefined);
  const actions = useNotificationActions();
  // Read when the centre opens, not with the first render: the browser answers `Notification.permission` from its
  // own process (8 ms of the board's first render in a profile). Bumped when the user has answered the request.
  const [, setPermissionAnswered] = useState(0);
  const permission = () => (browserNotificationsAvailable() ? Notification.permission : 'denied');
  useNavigateEvents();
  useBrowserNotifications(list.data);

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const open = (item: NotificationItem, close: () => void) => {
    void actions.read([item]);
    close();
    navigate(item.target);
  };

  return (
    <Popover
      align="end"
      label={t('centre.title')}
      className="nc-panel"
      trigger={(props) => (
        <button
          type="button"
          className="btn btn-ghost btn-icon nc-bell"
          aria-label={unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
          title={t('bell.label')}
          {...props}
        >
          <Icon name="bell" />
          {unread > 0 && (
            <span className="nc-count" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </button>
      )}
    >
      {(close) => (
        <>
          <div className="nc-header">
            <h2 className="nc-heading">{t('centre.title')}</h2>
            <Button size="sm" variant="ghost" disabled={unread === 0} onClick={() => void actions.read(items.filter((item) => item.unread))}>
              {t('centre.markAllRead')}
            </Button>
          </div>
          {list.data?.quietNow && <p className="nc-note">{t('centre.quiet')}</p>}
          {list.isError && (
            <p className="nc-note" role="alert">
              {t('centre.loadError')}
            </p>
          )}
          {list.data?.systemNotifications && permission() === 'default' && (
            <Button
              size="sm"
              className="nc-allow"
              icon="bell"
              onClick={() => void Notification.requestPermission().then(() => setPermissionAnswered((answers) => answers + 1))}
            >
              {t('centre.enableBrowser')}
            </Button>
          )}
          {list.data && items.length === 0 ? (
            <div className="nc-empty">
              <p className="nc-empty-title">{t('centre.empty')}</p>
              <p className="muted">{t('centre.emptyHint')}</p>
            </div>
          ) : (
            <ul className="nc-list">
              {items.map((item) => (
                <NotificationEntry key={item.id} item={item} onOpen={(chosen) => open(chosen, close)} />
              ))}
            </ul>
          )}
        </>
      )}
    </Popover>
  );
}
