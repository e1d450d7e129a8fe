import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { screens } from '../shell/navigation';
import { useShell } from '../shell/ShellContext';
import { Icon } from '../ui/Icon';
import { Kbd } from '../ui/Kbd';

/**
 * The screens, and the two ways to discover everything else: the palette and the shortcut list. Folded (Mod+B or
 * the button at its foot, remembered), it keeps only the icons; every label stays readable by screen readers and
 * as a tooltip.
 */
export function Sidebar() {
  const { t } = useTranslation(['shell', 'common', 'layout']);
  const shell = useShell();
  const folded = shell.sidebarCollapsed;
  const main = screens.filter((screen) => screen.key !== 'settings');
  const settings = screens.find((screen) => screen.key === 'settings')!;
  const label = (text: string) => <span className="nav-label">{text}</span>;
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          {t('common:appName').charAt(0)}
        </span>
        {label(t('common:appName'))}
      </div>
      <nav aria-label={t('shell:nav.label')}>
        <ul className="nav">
          {main.map((screen) => (
            <li key={screen.key}>
              <NavLink to={screen.path} className="nav-link" title={folded ? t(`shell:nav.${screen.key}`) : undefined}>
                <Icon name={screen.icon} />
                {label(t(`shell:nav.${screen.key}`))}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <button type="button" className="sidebar-hint" onClick={shell.openPalette} title={folded ? t('shell:actions.palette') : undefined}>
          {folded && <Icon name="command" />}
          <span className="sidebar-hint-label nav-label">{t('shell:actions.palette')}</span>
          <span className="sidebar-hint-keys">
            <Kbd name="Mod" />
            <Kbd name="K" />
          </span>
        </button>
        <button type="button" className="sidebar-hint" onClick={shell.openShortcuts} title={folded ? t('shell:actions.shortcuts') : undefined}>
          {folded && <Icon name="keyboard" />}
          <span className="sidebar-hint-label nav-label">{t('shell:actions.shortcuts')}</span>
          <span className="sidebar-hint-keys">
            <Kbd name="?" />
          </span>
        </button>
        <div className="nav-separator" />
        <NavLink to={settings.path} className="nav-link" title={folded ? t('shell:nav.settings') : undefined}>
          <Icon name={settings.icon} />
          {label(t('shell:nav.settings'))}
        </NavLink>
        <button
          type="button"
          className="nav-link sidebar-fold"
          onClick={shell.toggleSidebar}
          aria-expanded={!folded}
          aria-keyshortcuts="Control+B Meta+B"
          title={folded ? t('layout:sidebar.expand') : undefined}
        >
          <Icon name="sidebar" />
          {label(t(folded ? 'layout:sidebar.expand' : 'layout:sidebar.collapse'))}
        </button>
      </div>
    </aside>
  );
}
