import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Focuses the first field of a form when it appears in place (dialogs do this themselves). */
export function useFocusFirstField(ref: RefObject<HTMLElement | null>, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    ref.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
  }, [ref, enabled]);
}

/**
 * Which row of a list is being edited in place ('new' for the add form). When the form closes, focus goes back
 * to the control that opened it (marked `data-return-focus={id}`), so keyboard users do not land on <body>.
 */
export function useInlineEditing<E extends HTMLElement = HTMLElement>() {
  const [editingId, setEditingId] = useState<string | null>(null);
  const containerRef = useRef<E>(null);
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    if (editingId !== null || returnTo.current === null) return;
    const selector = `[data-return-focus="${CSS.escape(returnTo.current)}"]`;
    containerRef.current?.querySelector<HTMLElement>(selector)?.focus();
    returnTo.current = null;
  }, [editingId]);

  const close = useCallback(() => {
    setEditingId((current) => {
      returnTo.current = current;
      return null;
    });
  }, []);

  return { editingId, open: setEditingId, close, containerRef };
}
