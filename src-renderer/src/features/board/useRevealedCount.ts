import { useEffect, useState } from 'react';

/** Cards a column draws with the first paint: what a window shows. */
export const firstRevealed = 8;
/** Cards a column adds when its turn comes. */
const revealedPerStep = 16;
/** Cards a column asks for first: the first paint's and the first batch's, so neither waits for the rest. */
export const firstPageSize = firstRevealed + revealedPerStep;
/** Columns that take a turn in one frame: the whole board adds at most 48 cards a frame. When every column added
 * its own batch in the same frame, a board of nine columns drew 144 cards at once, and scrolling it while it filled
 * gave the longest frames measured (30 to 45 ms of script under load). */
const turnsPerFrame = 3;

/** Columns waiting for their next turn, first come first served: one loop of frames serves the whole board. */
const waiting: (() => void)[] = [];
let frameRequested = false;

function serveTurns(): void {
  frameRequested = false;
  for (const turn of waiting.splice(0, turnsPerFrame)) turn();
  if (waiting.length > 0) requestFrame();
}

function requestFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(serveTurns);
}

/** Queues `turn` for a coming frame; the returned function takes it out of the queue if it has not run. */
function awaitTurn(turn: () => void): () => void {
  waiting.push(turn);
  requestFrame();
  return () => {
    const index = waiting.indexOf(turn);
    if (index >= 0) waiting.splice(index, 1);
  };
}

/**
 * How many of a column's loaded cards to draw now. A board draws up to 200 cards a column; drawing them all
 * before the first paint kept the board blank for a second on a full search. A column on screen when its first
 * cards arrive draws a few at once; one out of view (to the right of the window) draws none then: the nine columns'
 * first pages arrive together, and drawing every column's first cards in that one render delayed the first card by
 * the cards nobody could see yet. The rest come a batch at a time, a few columns a frame, so every card is in the
 * page (for Tab, search and screen readers) a moment later and no frame runs long meanwhile.
 */
export function useRevealedCount(loaded: number, onScreen: boolean): number {
  const [revealed, setRevealed] = useState(0);
  // Decided once, when the first cards arrive (React's "adjust state while rendering": no extra commit).
  const [started, setStarted] = useState(false);
  if (!started && loaded > 0) {
    setStarted(true);
    setRevealed(onScreen ? firstRevealed : 0);
  }
  useEffect(() => {
    if (!started || revealed >= loaded) return;
    return awaitTurn(() => setRevealed((count) => count + revealedPerStep));
  }, [started, revealed, loaded]);
  return Math.min(revealed, loaded);
}
