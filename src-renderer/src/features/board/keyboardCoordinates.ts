import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Keyboard dragging between columns: ← and → jump to the previous or next column (dnd-kit's default moves
 * 25 px per key, which would take dozens of presses to cross a column).
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  // The rects dnd-kit measured at drag start; a key pressed before that measuring is done reads the columns directly.
  const measured = [...context.droppableRects.entries()];
  const rects =
    measured.length > 0
      ? measured
      : [...context.droppableContainers.values()].flatMap((container) => {
          const rect = container.node.current?.getBoundingClientRect();
          return rect ? [[container.id, rect] as const] : [];
        });
  const columns = rects
    .filter(([id]) => !context.droppableContainers.get(id)?.disabled)
    .sort((a, b) => a[1].left - b[1].left);
  if (columns.length === 0) return currentCoordinates;
  let index = columns.findIndex(([id]) => id === context.over?.id);
  if (index === -1) {
    // Not over a column yet: start from the one under the card.
    index = columns.findIndex(([, rect]) => currentCoordinates.x >= rect.left && currentCoordinates.x < rect.left + rect.width);
  }
  const step = event.code === 'ArrowRight' ? 1 : -1;
  const target = columns[Math.max(0, Math.min(columns.length - 1, index + step))][1];
  return { x: target.left + 8, y: target.top + 48 };
};
