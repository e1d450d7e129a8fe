/**
 * Which rows are selected. With 100,000 rows, "select all" cannot list ids it has not loaded: it is kept as
 * "all matching the filters, except these", and resolved to ids only when an action runs.
 */
export type Selection = { all: false; ids: ReadonlySet<string> } | { all: true; except: ReadonlySet<string> };

export const noSelection: Selection = { all: false, ids: new Set() };

export function isSelected(selection: Selection, id: string): boolean {
  return selection.all ? !selection.except.has(id) : selection.ids.has(id);
}

export function selectedCount(selection: Selection, total: number): number {
  return selection.all ? Math.max(total - selection.except.size, 0) : selection.ids.size;
}

export function toggleSelected(selection: Selection, id: string): Selection {
  const set = new Set(selection.all ? selection.except : selection.ids);
  if (set.has(id)) set.delete(id);
  else set.add(id);
  return selection.all ? { all: true, except: set } : { all: false, ids: set };
}

/** Adds rows (a shift-click range) to the selection. */
export function withSelected(selection: Selection, ids: readonly string[]): Selection {
  if (selection.all) {
    const except = new Set(selection.except);
    for (const id of ids) except.delete(id);
    return { all: true, except };
  }
  return { all: false, ids: new Set([...selection.ids, ...ids]) };
}

export function selectAll(): Selection {
  return { all: true, except: new Set() };
}

/** The selected ids, given a way to list every id matching the filters (only called for "all"). */
export async function resolveSelection(selection: Selection, allIds: () => Promise<string[]>): Promise<string[]> {
  if (!selection.all) return [...selection.ids];
  return (await allIds()).filter((id) => !selection.except.has(id));
}
