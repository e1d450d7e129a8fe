import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useDroppable } from '@dnd-kit/core';
import { keepPreviousData } from '@tanstack/react-query';
import type { ApplicationFilters, ApplicationSummary, Stage } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { Button, IconButton } from '../../ui/Button';
import { errorMessage } from '../../ui/issues';
import { setFilters, type ApplicationSort } from '../applications/filters/viewStore';
import { useShell } from '../../shell/ShellContext';
import { BoardCard } from './BoardCard';
import type { BoardText } from './boardText';
import { columnInput, firstPageSize } from './columnPages';
import { useRevealedCount } from './useRevealedCount';

/** Cards a column holds once it has settled, and adds per "Show more"; a column never loads more than `maxCards`. */
export const cardsPerPage = 200;
const maxCards = 1000;

/** A card on its way to another column (shown there at once, before the list refreshes). */
export interface PendingMove {
  application: ApplicationSummary;
  from: string;
  to: string;
}

interface BoardColumnProps {
  stage: Stage;
  /** Inside the window's width when the board opens: draws its first cards at once, the others a frame later. */
  onScreenAtStart: boolean;
  filters: ApplicationFilters;
  sort: ApplicationSort;
  collapsed: boolean;
  /** Stable (the page's own): a new function each render would draw every column again. */
  onToggleCollapsed(stage: Stage): void;
  moves: PendingMove[];
  /** The board's translator, formatters and card texts (one set for every column: boardText.ts). */
  text: BoardText;
}

/**
 * One stage: its own applications.list query (filters + this stage), capped at 200 cards with "Show more", so a
 * board over 100,000 applications loads a few hundred cards, not all of them. Memoised: the page draws again when
 * the stages answer or a drag starts, and each column then ran its query's hooks and its cards' list anew.
 */
export const BoardColumn = memo(function BoardColumn({ stage, onScreenAtStart, filters, sort, collapsed, onToggleCollapsed, moves, text }: BoardColumnProps) {
  const { t, format, stageName } = text;
  const navigate = useNavigate();
  // A small first page (what the first paint draws and the next batch), then the column's full page once that is
  // on screen: the first cards waited for the server to read and send 200 cards a column, nine columns in a row.
  const [limit, setLimit] = useState(firstPageSize);
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  // A folded column shows only its count: one row is enough to get the total.
  const list = useChannel('applications.list', columnInput(stage, filters, sort, collapsed ? 1 : limit), { placeholderData: keepPreviousData });

  const movedOut = new Set(moves.filter((move) => move.from === stage.id).map((move) => move.application.id));
  const movedIn = moves.filter((move) => move.to === stage.id).map((move) => move.application);
  const loaded = list.data?.items ?? [];
  const cards = [...movedIn.filter((card) => !loaded.some((item) => item.id === card.id)), ...loaded.filter((item) => !movedOut.has(item.id))];
  const total = Math.max((list.data?.total ?? 0) - [...movedOut].filter((id) => loaded.some((item) => item.id === id)).length, 0) +
    movedIn.filter((card) => !loaded.some((item) => item.id === card.id)).length;
  const cardList = useRef<HTMLDivElement>(null);
  const revealed = useRevealedCount(cards.length, onScreenAtStart, cardList);
  const firstPageShown = limit < cardsPerPage && list.data !== undefined && !list.isPlaceholderData;
  const loadFullPage = useCallback(() => setLimit((value) => Math.max(value, cardsPerPage)), []);
  useEffect(() => {
    if (!firstPageShown) return;
    return afterFirstPaint(loadFullPage);
  }, [firstPageShown, loadFullPage]);
  // Until the column has its full page, "Show more" would offer what is on its way already.
  const settled = limit > cardsPerPage || (limit === cardsPerPage && !list.isPlaceholderData);
  // Stable, so that the cards drawn already are not drawn again with each batch (BoardCard is memoised).
  const openCard = useCallback((id: string) => navigate(`/applications/${id}`), [navigate]);
  const name = stageName(stage);
  const headingId = `column-${stage.id}`;

  if (collapsed) {
    return (
      <section
        ref={setNodeRef}
        className={['board-column', 'is-collapsed', `cat-${stage.category}`, isOver && 'is-over'].filter(Boolean).join(' ')}
        aria-labelledby={headingId}
      >
        <button type="button" className="column-expand" onClick={() => onToggleCollapsed(stage)} aria-expanded="false" aria-label={t('board:column.expand', { stage: name })}>
          <span className="dot" aria-hidden="true" />
          <span className="column-vertical" id={headingId}>
            {name}
          </span>
          <span className="column-count numeric">{format.number(total)}</span>
        </button>
      </section>
    );
  }

  return (
    <section ref={setNodeRef} className={['board-column', `cat-${stage.category}`, isOver && 'is-over'].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <ColumnHeader stage={stage} headingId={headingId} total={total} text={text} onToggleCollapsed={onToggleCollapsed} />
      <div ref={cardList} className="column-cards" onScroll={firstPageShown ? loadFullPage : undefined}>
        {list.error && <p className="notice notice-error">{errorMessage(t, list.error)}</p>}
        {cards.slice(0, revealed).map((application) => (
          <BoardCard key={application.id} application={application} text={text} onOpen={openCard} />
        ))}
        {list.data && cards.length === 0 && <p className="column-empty">{t('board:column.empty')}</p>}
        {settled && loaded.length < (list.data?.total ?? 0) &&
          (limit < maxCards ? (
            <Button size="sm" variant="ghost" onClick={() => setLimit((value) => Math.min(value + cardsPerPage, maxCards))} disabled={list.isFetching}>
              {t('board:column.showMore', { shown: format.number(loaded.length), total: format.number(list.data?.total ?? 0) })}
            </Button>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setFilters({ ...filters, stageCategories: undefined, stageIds: [stage.id] });
                navigate('/applications');
              }}
            >
              {t('board:column.openInTable', { total: format.number(list.data?.total ?? 0) })}
            </Button>
          ))}
      </div>
    </section>
  );
});

/**
 * A column's title, count and buttons. Memoised apart from the cards: a column draws again with each batch of cards
 * it reveals, and its header's three translations with interpolation (count, add, fold) ran every time.
 */
const ColumnHeader = memo(function ColumnHeader({ stage, headingId, total, text, onToggleCollapsed }: ColumnHeaderProps) {
  const { t, format, stageName } = text;
  const shell = useShell();
  const name = stageName(stage);
  return (
    <header className="column-header">
      <span className="dot" aria-hidden="true" />
      <h2 id={headingId} className="column-title">
        {name}
      </h2>
      <span className="column-count numeric" aria-label={t('board:column.count', { count: total })}>
        {format.number(total)}
      </span>
      <IconButton size="sm" icon="plus" label={t('quickAdd:addToStage', { stage: name })} onClick={() => shell.openQuickAdd(stage.id)} />
      <IconButton size="sm" icon="chevronLeft" label={t('board:column.collapse', { stage: name })} aria-expanded="true" onClick={() => onToggleCollapsed(stage)} />
    </header>
  );
});

interface ColumnHeaderProps {
  stage: Stage;
  headingId: string;
  total: number;
  text: BoardText;
  onToggleCollapsed(stage: Stage): void;
}

/**
 * A moment after the first paint: the rest of a column's page is not what the user looks at first, and asked for
 * at once its 200 cards a column kept the server and the page busy while the board was still filling (or while the
 * user left it at once). Scrolling a column asks for it sooner (the column's onScroll).
 */
const fullPageDelayMs = 1000;

/** Runs `then` a while after the browser has painted what is drawn now, when it has a moment; returns a cancel. */
function afterFirstPaint(then: () => void): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(then, { timeout: fullPageDelayMs });
  }, fullPageDelayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
