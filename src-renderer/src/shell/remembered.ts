import { useCallback, useState } from 'react';

/** The sidebar's state on this device (the shell's `useRememberedChoice`). */
export const sidebarChoice = { key: 'candid.sidebar', fallback: 'expanded', allowed: ['expanded', 'collapsed'] } as const;
export type SidebarState = (typeof sidebarChoice.allowed)[number];

/** The sidebar's state as this device remembers it, read outside React (the board before the shell is drawn). */
export function rememberedSidebar(): SidebarState {
  return read<SidebarState>(sidebarChoice.key, sidebarChoice.fallback, sidebarChoice.allowed);
}

function read<T extends string>(key: string, fallback: T, allowed: readonly T[]): T {
  try {
    const saved = localStorage.getItem(key);
    return allowed.includes(saved as T) ? (saved as T) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * A choice about the look of the interface on this device (sidebar folded, board density): kept in localStorage,
 * read back at start. Anything stored that is not one of `allowed` reads as `fallback`.
 */
export function useRememberedChoice<T extends string>(key: string, fallback: T, allowed: readonly T[]): [T, (value: T) => void] {
  const [value, setValue] = useState(() => read(key, fallback, allowed));
  const remember = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(key, next);
      } catch {
        // A full or disabled storage only costs remembering the choice.
      }
    },
    [key],
  );
  return [value, remember];
}
