import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, type NavigateFunction } from 'react-router';
import { weeklySummaryRoute } from '../../../src-shared/contract/routes';
import type { Language } from '../../../src-shared/i18n';
import { useAction } from '../api/hooks';
import { runFileAction, type FileAction } from '../features/files/actions';
import { currentFilters } from '../features/applications/filters/viewStore';
import { setLanguage } from '../i18n';
import type { IconName } from '../ui/Icon';
import { useToast } from '../ui/toast';
import { errorMessage } from '../ui/issues';
import { fileActionLabel, fileActions } from './fileActions';
import { captureScreen, newApplicationPath, screens } from './navigation';
import { useShell } from './ShellContext';
import type { ThemePreference } from './appearance';

export type CommandGroup = 'navigate' | 'create' | 'file' | 'appearance' | 'help';

/** One thing the user can do from the command palette. */
export interface Command {
  id: string;
  group: CommandGroup;
  label: string;
  /** Extra words that find it (English and French both work whatever the language). */
  keywords?: string;
  icon: IconName;
  /** Keys shown next to it, e.g. ['Mod', 'K'] or ['G', 'D']. */
  shortcut?: string[];
  run(): void | Promise<void>;
}

/** Runs a File action with the filters of the applications screens, so exports match what the user sees. */
export function runFileActionFromShell(action: FileAction, navigate: NavigateFunction): Promise<void> {
  return runFileAction(action, { filters: currentFilters() as Record<string, unknown>, navigate: (path) => navigate(path) });
}

/** Every command of the palette: each screen, each action, appearance and language. */
export function useCommands(): Command[] {
  const { t } = useTranslation(['shell', 'common', 'layout', 'quickAdd', 'capture']);
  const navigate = useNavigate();
  const shell = useShell();
  const toast = useToast();
  const updateProfile = useAction('profile.update');

  return useMemo(() => {
    const setTheme = (theme: ThemePreference) =>
      updateProfile.mutateAsync({ theme }).catch((error: unknown) => toast.show(errorMessage(t, error)));
    const switchLanguage = (locale: Language) => {
      setLanguage(locale);
      return updateProfile.mutateAsync({ locale }).catch((error: unknown) => toast.show(errorMessage(t, error)));
    };
    const commands: Command[] = [
      ...screens.map<Command>((screen) => ({
        id: `go-${screen.key}`,
        group: 'navigate',
        label: t('shell:palette.goTo', { screen: t(`shell:nav.${screen.key}`) }),
        keywords: screen.key,
        icon: screen.icon,
        shortcut: ['G', screen.go.toUpperCase()],
        run: () => navigate(screen.path),
      })),
      {
        id: 'quick-add',
        group: 'create',
        label: t('quickAdd:palette'),
        keywords: 'add create new quick nouvelle candidature ajout rapide',
        icon: 'plus',
        shortcut: ['N'],
        run: () => shell.openQuickAdd(),
      },
      {
        id: 'new-application',
        group: 'create',
        label: t('quickAdd:paletteFullForm'),
        keywords: 'add create new full form nouvelle candidature formulaire complet',
        icon: 'plus',
        run: () => navigate(newApplicationPath),
      },
      {
        id: 'capture-posting',
        group: 'create',
        label: t('capture:palette'),
        keywords: 'capture posting link url html page paste import capturer offre annonce lien coller',
        icon: 'download',
        shortcut: ['G', captureScreen.go.toUpperCase()],
        run: () => navigate(captureScreen.path),
      },
      // One entry for the report: it opens the printable page, whose own button prints or saves the PDF.
      {
        id: 'open-report',
        group: 'file',
        label: t('shell:actions.openReport'),
        keywords: 'report rapport print imprimer pdf export exporter',
        icon: 'report',
        run: () => navigate('/report'),
      },
      {
        id: 'open-weekly-summaries',
        group: 'navigate',
        label: t('automation:summary.open'),
        keywords: 'weekly summary week bilan semaine hebdomadaire',
        icon: 'report',
        run: () => navigate(weeklySummaryRoute),
      },
      ...fileActions
        .filter((entry) => entry.action !== 'export-pdf')
        .map<Command>((entry) => ({
          id: `file-${entry.action}`,
          group: 'file',
          label: fileActionLabel(t, entry.action),
          keywords: entry.action.replace(/-/g, ' '),
          icon: entry.icon,
          run: () => runFileActionFromShell(entry.action, navigate),
        })),
      ...(['system', 'light', 'dark'] as const).map<Command>((theme) => ({
        id: `theme-${theme}`,
        group: 'appearance',
        label: t('shell:palette.theme', { theme: t(`shell:theme.${theme}`) }),
        keywords: 'theme thème appearance apparence dark light sombre clair',
        icon: theme === 'dark' ? 'moon' : 'sun',
        run: () => void setTheme(theme),
      })),
      {
        id: 'language-en',
        group: 'appearance',
        label: t('shell:palette.languageEnglish'),
        keywords: 'language langue english anglais',
        icon: 'language',
        run: () => void switchLanguage('en'),
      },
      {
        id: 'language-fr',
        group: 'appearance',
        label: t('shell:palette.languageFrench'),
        keywords: 'language langue french français francais',
        icon: 'language',
        run: () => void switchLanguage('fr'),
      },
      {
        id: 'toggle-sidebar',
        group: 'appearance',
        label: t('layout:sidebar.toggle'),
        keywords: 'sidebar barre latérale menu fold replier',
        icon: 'sidebar',
        shortcut: ['Mod', 'B'],
        run: () => shell.toggleSidebar(),
      },
      {
        id: 'shortcuts',
        group: 'help',
        label: t('shell:actions.shortcuts'),
        keywords: 'keyboard clavier help aide',
        icon: 'keyboard',
        shortcut: ['?'],
        run: () => shell.openShortcuts(),
      },
      {
        id: 'search',
        group: 'help',
        label: t('shell:actions.search'),
        keywords: 'find chercher rechercher',
        icon: 'search',
        shortcut: ['/'],
        run: () => shell.focusSearch(),
      },
    ];
    return commands;
    // updateProfile.mutateAsync is stable; the hook object itself changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, navigate, shell, toast, updateProfile.mutateAsync]);
}
