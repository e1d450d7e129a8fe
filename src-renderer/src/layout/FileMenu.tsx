import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { runFileActionFromShell } from '../shell/commands';
import { fileActionLabel, fileActions } from '../shell/fileActions';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { Popover } from '../ui/Popover';

/**
 * The desktop app's File menu, for the browser shell, which has no menu bar: import, every export, the report,
 * back up, restore, and where the data folder is. The same actions as the menu and the palette.
 */
export function FileMenu() {
  const { t } = useTranslation(['layout', 'shell']);
  const navigate = useNavigate();
  return (
    <Popover
      label={t('layout:files.menu')}
      align="end"
      trigger={(props) => (
        <Button icon="folder" {...props}>
          {t('layout:files.menu')}
        </Button>
      )}
    >
      {(close) => (
        <ul className="file-menu" aria-label={t('layout:files.menu')}>
          {fileActions.map((entry) => (
            <li key={entry.action}>
              <button
                type="button"
                className="menu-item"
                onClick={() => {
                  close();
                  void runFileActionFromShell(entry.action, navigate);
                }}
              >
                <Icon name={entry.icon} />
                {fileActionLabel(t, entry.action)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Popover>
  );
}
