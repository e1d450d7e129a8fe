import { useSyncExternalStore } from 'react';
import { z } from 'zod';

/**
 * Widths the user gave the table's columns (dragging or with the keyboard), in CSS pixels by column id, kept in
 * this window's localStorage like the rest of the view (viewStore.ts). A column without one is sized to its
 * content. What is read back is parsed: a value from another version or a hand edit must not break the table.
 */
const storageKey = 'candid.applications.columnWidths.v1';

export const columnWidthLimits = { min: 48, max: 1200 } as const;
const storedWidths = z.record(z.string().max(200), z.unknown());
const width = z.number().int().min(columnWidthLimits.min).max(columnWidthLimits.max);

export type ColumnWidths = Readonly<Record<string, number>>;

function load(): ColumnWidths {
  try {
    const parsed = storedWidths.safeParse(JSON.parse(localStorage.getItem(storageKey) ?? '{}'));
    if (!parsed.success) return {};
    // One bad entry loses that column's width, not the others'.
    return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => width.safeParse(value).success)) as ColumnWidths;
  } catch {
    return {};
  }
}

let current: ColumnWidths | null = null;
const listeners = new Set<() => void>();
const widths = () => (current ??= load());

function save(next: ColumnWidths): void {
  current = next;
  try {
    localStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the widths still hold for this session.
  }
  for (const listener of listeners) listener();
}

/** Remembers a width for a column (clamped to the limits); `null` forgets it, so the column fits its content again. */
export function setColumnWidth(columnId: string, value: number | null): void {
  const { [columnId]: _previous, ...others } = widths();
  if (value === null) save(others);
  else save({ ...others, [columnId]: Math.round(Math.min(columnWidthLimits.max, Math.max(columnWidthLimits.min, value))) });
}

export function useColumnWidths(): ColumnWidths {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    widths,
  );
}
