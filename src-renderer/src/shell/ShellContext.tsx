import { createContext, useContext, type RefObject } from 'react';

/** What any part of the interface may ask of the shell. */
export interface ShellApi {
  openPalette(): void;
  openShortcuts(): void;
  /** Opens the quick add of an application, starting in `stageId` (a board column's "+") or the default stage. */
  openQuickAdd(stageId?: string): void;
  /** Focuses the header's global search box. */
  focusSearch(): void;
  searchInputRef: RefObject<HTMLInputElement | null>;
  /** Whether the sidebar shows icons only (remembered on this device). */
  sidebarCollapsed: boolean;
  toggleSidebar(): void;
}

export const ShellContext = createContext<ShellApi | null>(null);

export function useShell(): ShellApi {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell outside the shell');
  return shell;
}
