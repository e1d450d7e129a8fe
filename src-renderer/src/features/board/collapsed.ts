import { useCallback, useState } from 'react';
import type { Stage } from '../../../../src-shared/contract';
import { closedStageCategories } from '../../../../src-shared/contract/enums';

const storageKey = 'candid.board.collapsed.v1';

function load(): Record<string, boolean> {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as unknown;
    return saved && typeof saved === 'object' ? (saved as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

const collapsedIn = (state: Record<string, boolean>, stage: Stage): boolean => state[stage.id] ?? closedStageCategories.includes(stage.category);

/** Whether a column is folded, as this device remembers it (read outside React, before the first render). */
export function rememberedCollapsed(): (stage: Stage) => boolean {
  const state = load();
  return (stage) => collapsedIn(state, stage);
}

/** Which columns are folded: the closed categories (rejected, withdrawn, ghosted) by default; remembered on this device. */
export function useCollapsedColumns() {
  const [state, setState] = useState(load);
  const isCollapsed = useCallback((stage: Stage) => collapsedIn(state, stage), [state]);
  const toggle = useCallback(
    (stage: Stage) =>
      setState((current) => {
        const next = { ...current, [stage.id]: !collapsedIn(current, stage) };
        localStorage.setItem(storageKey, JSON.stringify(next));
        return next;
      }),
    [],
  );
  return { isCollapsed, toggle };
}
