import { startTransition, useEffect, useState, type RefObject } from 'react';
import { firstRevealed, revealedPerStep } from './columnPages';

/** Columns that take a turn in one frame: the whole board adds at most 24 cards a frame. When every column added
 * its own batch in the same frame, a board of nine columns drew 144 cards at once, and scrolling it while it filled
 * gave the longest frames measured (30 to 45 ms of script under load). */
const turnsPerFrame = 3;

/** A column waiting for its next turn: what it runs, and the column's card list (to tell whether it needs cards now). */
interface Turn {
  run(): void;
  list(): HTMLElement | null;
}

/** Columns waiting for their next turn, first come first served: one loop of frames serves the whole board. */
const waiting: Turn[] = [];
let frameRequested = false;

/** While a scroll has moved within this time, only the columns about to run out of cards take their turn. Measured
 * with 8 a turn in a transition, bench's scroll right after the first cards, five traces under load: the longest
 * frame's main-thread CPU 29 to 48 ms (one trace had a 145 ms task with nothing traced inside, as another build
 * without this had), and 1,614 to 1,951 ms over the scroll against 1,793 to 3,036 ms without the pause. */
const scrollQuietMs = 150;
let scrolledAt = Number.NEGATIVE_INFINITY;
let scrollWatched = false;

function watchScrolls(): void {
  if (scrollWatched) return;
  scrollWatched = true;
  // Scroll events do not bubble; the capture phase sees those of the board and of every column.
  document.addEventListener('scroll', () => (scrolledAt = performance.now()), { capture: true, passive: true });
}

/** A column needs cards now when less than a window's height of them is left below what it shows (or it has none). */
function runningOut(list: HTMLElement | null): boolean {
  return list === null || list.scrollHeight - list.scrollTop - list.clientHeight < list.clientHeight;
}

function serveTurns(now: number): void {
  frameRequested = false;
  // While the board scrolls, each batch's layout and paint land in a scrolling frame (the longest frames measured):
  // only the columns about to show their end are served then, the others once the scroll has stopped.
  const scrolling = now - scrolledAt < scrollQuietMs;
  let served = 0;
  for (let index = 0; index < waiting.length && served < turnsPerFrame; ) {
    const turn = waiting[index]!;
    if (scrolling && !runningOut(turn.list())) {
      index += 1;
      continue;
    }
    waiting.splice(index, 1);
    turn.run();
    served += 1;
  }
  if (waiting.length > 0) requestFrame();
}

function requestFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(serveTurns);
}

/** Queues `turn` for a coming frame; the returned function takes it out of the queue if it has not run. */
function awaitTurn(turn: Turn): () => void {
  watchScrolls();
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
 * page (for Tab, search and screen readers) a moment later and no frame runs long meanwhile. While the board or a
 * column scrolls, only the columns about to show the end of their cards take their turns; the others wait until the
 * scroll stops (`list` is the column's card list).
 */
export function useRevealedCount(loaded: number, onScreen: boolean, list: RefObject<HTMLElement | null>): number {
  const [revealed, setRevealed] = useState(0);
  // Decided once, when the first cards arrive (React's "adjust state while rendering": no extra commit).
  const [started, setStarted] = useState(false);
  if (!started && loaded > 0) {
    setStarted(true);
    setRevealed(onScreen ? firstRevealed : 0);
  }
  useEffect(() => {
    if (!started || revealed >= loaded) return;
    // A transition: React draws the batch in slices of a few milliseconds and lets the browser draw frames between
    // them, instead of one task of 10 ms or more under load that a scrolling frame had to wait for.
    return awaitTurn({ run: () => startTransition(() => setRevealed((count) => count + revealedPerStep)), list: () => list.current });
  }, [started, revealed, loaded, list]);
  return Math.min(revealed, loaded);
}
