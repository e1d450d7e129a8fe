import { useTranslation } from 'react-i18next';
import { useAction, useChannel } from '../api/hooks';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { useNavigate } from 'react-router';
import { captureScreen } from '../shell/navigation';
import { useShell } from '../shell/ShellContext';
import { resolveTheme } from '../shell/appearance';
import { Button, IconButton } from '../ui/Button';
import { useToast } from '../ui/toast';
import { errorMessage } from '../ui/issues';
import { FileMenu } from './FileMenu';

/** Search on the left; the File menu (browser shell), the notifications, the quick theme switch and "New application" (the quick add) on the right. */
export function Header() {
  const { t } = useTranslation(['shell', 'common', 'capture']);
  const navigate = useNavigate();
  const shell = useShell();
  const toast = useToast();
  const profile = useChannel('profile.get', undefined);
  const updateProfile = useAction('profile.update');
  const dark = resolveTheme(profile.data?.theme ?? 'system') === 'dark';

  return (
    <header className="header">
      <GlobalSearch />
      <div className="header-spacer" />
      {/* The desktop app has the File menu in its menu bar; a browser tab has none. */}
      {!window.candid && <FileMenu />}
      <NotificationBell />
      <IconButton
        icon={dark ? 'sun' : 'moon'}
        label={dark ? t('shell:theme.switchToLight') : t('shell:theme.switchToDark')}
        onClick={() =>
          updateProfile.mutate({ theme: dark ? 'light' : 'dark' }, { onError: (error) => toast.show(errorMessage(t, error)) })
        }
      />
      <IconButton icon="download" variant="default" label={t('capture:open')} onClick={() => navigate(captureScreen.path)} aria-keyshortcuts="G L" />
      <Button variant="primary" icon="plus" onClick={() => shell.openQuickAdd()} aria-keyshortcuts="N">
        {t('shell:actions.newApplication')}
      </Button>
    </header>
  );
}
