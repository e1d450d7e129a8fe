import { useCallback, useState } from 'react';
import type { Stage } from '../../../../src-shared/contract';
import { collapsedIn, loadCollapsed, saveCollapsed } from './columnPages';

/** Which columns are folded: the closed categories (rejected, withdrawn, ghosted) by default; remembered on this device. */
export function useCollapsedColumns() {
  const [state, setState] = useState(loadCollapsed);
  const isCollapsed = useCallback((stage: Stage) => collapsedIn(state, stage), [state]);
  const toggle = useCallback(
    (stage: Stage) =>
      setState((current) => {
        const next = { ...current, [stage.id]: !collapsedIn(current, stage) };
        saveCollapsed(next);
        return next;
      }),
    [],
  );
  return { isCollapsed, toggle };
}
