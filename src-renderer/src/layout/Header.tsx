import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAction, useChannel } from '../api/hooks';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { newApplicationPath } from '../shell/navigation';
import { resolveTheme } from '../shell/appearance';
import { Button, IconButton } from '../ui/Button';
import { useToast } from '../ui/toast';
import { errorMessage } from '../ui/issues';

/** Search on the left; the notifications, the quick theme switch and "New application" on the right. */
export function Header() {
  const { t } = useTranslation(['shell', 'common']);
  const navigate = useNavigate();
  const toast = useToast();
  const profile = useChannel('profile.get', undefined);
  const updateProfile = useAction('profile.update');
  const dark = resolveTheme(profile.data?.theme ?? 'system') === 'dark';

  return (
    <header className="header">
      <GlobalSearch />
      <div className="header-spacer" />
      <NotificationBell />
      <IconButton
        icon={dark ? 'sun' : 'moon'}
        label={dark ? t('shell:theme.switchToLight') : t('shell:theme.switchToDark')}
        onClick={() =>
          updateProfile.mutate({ theme: dark ? 'light' : 'dark' }, { onError: (error) => toast.show(errorMessage(t, error)) })
        }
      />
      <Button variant="primary" icon="plus" onClick={() => navigate(newApplicationPath)} aria-keyshortcuts="N">
        {t('shell:actions.newApplication')}
      </Button>
    </header>
  );
}
