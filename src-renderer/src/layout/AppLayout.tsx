import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { QuickAddDialog } from '../features/applications/quick/QuickAddDialog';
import { CommandPalette } from '../features/palette/CommandPalette';
import { JobsProgress } from '../features/jobs/JobsProgress';
import { ShellContext, type ShellApi } from '../shell/ShellContext';
import { ShortcutsDialog } from '../shell/ShortcutsDialog';
import { useGlobalShortcuts } from '../shell/useGlobalShortcuts';
import { useMenuEvents } from '../shell/useMenuEvents';
import { sidebarChoice, useRememberedChoice, type SidebarState } from '../shell/remembered';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Header } from './Header';
import { Sidebar } from './Sidebar';

/** The window: sidebar, header with search, the current screen; the palette and the shortcut help on top. */
export function AppLayout() {
  const { t } = useTranslation('shell');
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [quickAdd, setQuickAdd] = useState<{ stageId: string | null } | null>(null);
  const searchInputRef = useRef<HTMLInputElement | null>(null);
  const { pathname } = useLocation();
  const [sidebar, setSidebar] = useRememberedChoice<SidebarState>(sidebarChoice.key, sidebarChoice.fallback, sidebarChoice.allowed);

  const focusSearch = useCallback(() => {
    searchInputRef.current?.focus();
    searchInputRef.current?.select();
  }, []);
  const shell = useMemo<ShellApi>(
    () => ({
      openPalette: () => {
        setShortcutsOpen(false);
        setPaletteOpen(true);
      },
      openShortcuts: () => setShortcutsOpen(true),
      openQuickAdd: (stageId) => {
        setPaletteOpen(false);
        setQuickAdd({ stageId: stageId ?? null });
      },
      focusSearch,
      searchInputRef,
      sidebarCollapsed: sidebar === 'collapsed',
      toggleSidebar: () => setSidebar(sidebar === 'collapsed' ? 'expanded' : 'collapsed'),
    }),
    [focusSearch, sidebar, setSidebar],
  );
  useGlobalShortcuts(shell);
  useMenuEvents();

  return (
    <ShellContext.Provider value={shell}>
      <div className="app" data-sidebar={sidebar}>
        <a className="skip-link" href="#main" onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}>
          {t('skipToContent')}
        </a>
        <Sidebar />
        <Header />
        <main className="main" id="main" tabIndex={-1}>
          {/* A new screen gets a fresh boundary: an error on one screen does not follow the user to the next. */}
          <ErrorBoundary key={pathname}>
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <QuickAddDialog open={quickAdd !== null} stageId={quickAdd?.stageId ?? null} onClose={() => setQuickAdd(null)} />
      <JobsProgress />
    </ShellContext.Provider>
  );
}
