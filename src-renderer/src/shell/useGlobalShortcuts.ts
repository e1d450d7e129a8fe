import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { captureScreen, screens } from './navigation';
import { isModalOpen, isModKey, isTypingTarget } from './typing';
import type { ShellApi } from './ShellContext';

/** How long after `g` the second key of a "go to" shortcut is awaited. */
const goSequenceMs = 1200;

/**
 * The app-wide keys: Mod+K palette, Mod+B folds or unfolds the sidebar, `/` search, `?` help, `n` quick add of an application, `g` then a letter to go to a
 * screen. Single keys never fire while the user types in a field or while a dialog is open. (Mod+Z is the
 * toast's: it undoes the latest undoable action.)
 */
export function useGlobalShortcuts(shell: ShellApi): void {
  const navigate = useNavigate();
  const goPendingSince = useRef(0);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (isModKey(event) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        shell.openPalette();
        return;
      }
      if (isModKey(event) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'b' && !isModalOpen()) {
        event.preventDefault();
        shell.toggleSidebar();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || isModalOpen()) return;

      if (goPendingSince.current && Date.now() - goPendingSince.current < goSequenceMs) {
        goPendingSince.current = 0;
        const screen = [...screens, captureScreen].find((candidate) => candidate.go === event.key.toLowerCase());
        if (screen) {
          event.preventDefault();
          navigate(screen.path);
          return;
        }
      }
      switch (event.key) {
        case '/':
          event.preventDefault();
          shell.focusSearch();
          break;
        case '?':
          event.preventDefault();
          shell.openShortcuts();
          break;
        case 'n':
        case 'N':
          event.preventDefault();
          shell.openQuickAdd();
          break;
        case 'g':
        case 'G':
          goPendingSince.current = Date.now();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, shell]);
}
