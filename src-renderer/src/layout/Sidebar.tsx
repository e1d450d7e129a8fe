import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { screens } from '../shell/navigation';
import { useShell } from '../shell/ShellContext';
import { Icon } from '../ui/Icon';
import { Kbd } from '../ui/Kbd';

/** The screens, and the two ways to discover everything else: the palette and the shortcut list. */
export function Sidebar() {
  const { t } = useTranslation(['shell', 'common']);
  const shell = useShell();
  const main = screens.filter((screen) => screen.key !== 'settings');
  const settings = screens.find((screen) => screen.key === 'settings')!;
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          {t('common:appName').charAt(0)}
        </span>
        <span>{t('common:appName')}</span>
      </div>
      <nav aria-label={t('shell:nav.label')}>
        <ul className="nav">
          {main.map((screen) => (
            <li key={screen.key}>
              <NavLink to={screen.path} className="nav-link">
                <Icon name={screen.icon} />
                {t(`shell:nav.${screen.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <button type="button" className="sidebar-hint" onClick={shell.openPalette}>
          <span className="sidebar-hint-label">{t('shell:actions.palette')}</span>
          <span className="sidebar-hint-keys">
            <Kbd name="Mod" />
            <Kbd name="K" />
          </span>
        </button>
        <button type="button" className="sidebar-hint" onClick={shell.openShortcuts}>
          <span className="sidebar-hint-label">{t('shell:actions.shortcuts')}</span>
          <Kbd name="?" />
        </button>
        <div className="nav-separator" />
        <NavLink to={settings.path} className="nav-link">
          <Icon name={settings.icon} />
          {t('shell:nav.settings')}
        </NavLink>
      </div>
    </aside>
  );
}
