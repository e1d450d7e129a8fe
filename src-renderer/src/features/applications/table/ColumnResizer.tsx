import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { columnWidthLimits } from './columnWidths';

const step = 8;
const bigStep = 48;

/**
 * The handle on a column header's right edge: drag it, or focus it and use ← → (Shift for bigger steps); Enter
 * or a double click fits the column to its content again. A vertical separator with its value, for screen readers.
 */
export function ColumnResizer({
  label,
  width,
  onPreview,
  onCommit,
  onFit,
}: {
  label: string;
  width: number;
  onPreview(width: number): void;
  onCommit(width: number): void;
  onFit(): void;
}) {
  const { t } = useTranslation('grid');
  const drag = useRef<{ startX: number; startWidth: number; last: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width, last: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current.last = drag.current.startWidth + event.clientX - drag.current.startX;
    onPreview(drag.current.last);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    const moved = drag.current.last !== drag.current.startWidth;
    const last = drag.current.last;
    drag.current = null;
    if (moved) onCommit(last);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const by = event.shiftKey ? bigStep : step;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => onCommit(width - by),
      ArrowRight: () => onCommit(width + by),
      Enter: onFit,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    // The grid listens for arrows too (to move between rows): these are the handle's.
    event.stopPropagation();
    action();
  };

  return (
    <div
      className="column-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('resize', { column: label })}
      aria-valuenow={Math.round(width)}
      aria-valuemin={columnWidthLimits.min}
      aria-valuemax={columnWidthLimits.max}
      aria-keyshortcuts="ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Enter"
      title={t('resizeHint')}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (drag.current = null)}
      onDoubleClick={onFit}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
