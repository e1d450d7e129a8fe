import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  /** Renders the trigger; spread `props` on the button that opens the panel. */
  trigger: (props: { 'aria-expanded': boolean; 'aria-controls': string; onClick(): void }) => ReactNode;
  children: ReactNode | ((close: () => void) => ReactNode);
  align?: 'start' | 'end';
  /** Accessible name of the panel (it is a non-modal dialog). */
  label: string;
  className?: string;
}

/**
 * A panel anchored under its trigger (filters, column chooser, bulk menus). Escape or a click outside closes it
 * and focus goes back to the trigger; focus moves into the panel when it opens.
 */
export function Popover({ trigger, children, align = 'start', label, className }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const anchorRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const close = useCallback(() => {
    setOpen(false);
    document.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus();
  }, [id]);

  useEffect(() => {
    if (!open) return;
    const first = panelRef.current?.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]:not([tabindex="-1"])');
    first?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!anchorRef.current?.contains(event.target as Node)) setOpen(false);
    };
    // Escape closes it even when focus has left the panel (e.g. the button just pressed became disabled).
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        close();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, close]);

  return (
    <div className="popover-anchor" ref={anchorRef}>
      {trigger({ 'aria-expanded': open, 'aria-controls': id, onClick: () => setOpen((value) => !value) })}
      {open && (
        <div
          ref={panelRef}
          id={id}
          role="dialog"
          aria-label={label}
          className={['popover', className].filter(Boolean).join(' ')}
          data-align={align}
        >
          {typeof children === 'function' ? children(close) : children}
        </div>
      )}
    </div>
  );
}
