import { useEffect, useState } from 'react';

/** Cards a column draws with the first paint: what a window shows. */
export const firstRevealed = 8;
/** Cards added per frame after that, in each column (every column adds its own in the same frame): small enough
 * that no frame runs long. */
const revealedPerStep = 16;

/**
 * How many of a column's loaded cards to draw now. A board draws up to 200 cards a column; drawing them all
 * before the first paint kept the board blank for a second on a full search. The first few are drawn at once, the
 * rest a batch per frame, so every card is in the page (for Tab, search and screen readers) a moment later.
 */
export function useRevealedCount(loaded: number): number {
  const [revealed, setRevealed] = useState(firstRevealed);
  useEffect(() => {
    if (revealed >= loaded) return;
    const frame = requestAnimationFrame(() => setRevealed((count) => count + revealedPerStep));
    return () => cancelAnimationFrame(frame);
  }, [revealed, loaded]);
  return Math.min(revealed, loaded);
}
