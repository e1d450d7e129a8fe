import { useSyncExternalStore } from 'react';
import type { ApplicationsView } from './viewStore';

/**
 * Named views (filters + sort + columns). They are kept in this window's localStorage, not in the database:
 * they are a preference of this device's screen, not job-search data, so they are neither synced nor exported.
 */
export interface SavedView extends ApplicationsView {
  id: string;
  name: string;
}

const storageKey = 'candid.applications.savedViews.v1';
const listeners = new Set<() => void>();
let cache: SavedView[] | null = null;

function read(): SavedView[] {
  if (cache) return cache;
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey) ?? '[]') as unknown;
    cache = Array.isArray(parsed) ? parsed.filter((view): view is SavedView => typeof view?.id === 'string' && typeof view?.name === 'string') : [];
  } catch {
    cache = [];
  }
  return cache;
}

function write(views: SavedView[]): void {
  cache = views;
  localStorage.setItem(storageKey, JSON.stringify(views));
  for (const listener of listeners) listener();
}

export function useSavedViews(): SavedView[] {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
}

/** Saves the view under a name; a view of the same name (case-insensitive) is replaced. */
export function saveView(name: string, view: ApplicationsView): SavedView {
  const saved: SavedView = { id: crypto.randomUUID(), name: name.trim(), filters: view.filters, sort: view.sort, columns: view.columns };
  const others = read().filter((existing) => existing.name.toLocaleLowerCase() !== saved.name.toLocaleLowerCase());
  write([...others, saved].sort((a, b) => a.name.localeCompare(b.name)));
  return saved;
}

export function deleteView(id: string): void {
  write(read().filter((view) => view.id !== id));
}
