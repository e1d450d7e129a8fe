import { useMemo, useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ApplicationSummary, Stage } from '../../../../src-shared/contract';
import { FilterBar } from '../applications/filters/FilterBar';
import { setFilters, useApplicationsView } from '../applications/filters/viewStore';
import { useApplicationActions } from '../applications/useApplicationActions';
import { BoardColumn, type PendingMove } from './BoardColumn';
import { CardContent } from './BoardCard';
import { useBoardText } from './boardText';
import { useCollapsedColumns } from './collapsed';
import { stagesShown } from './columnPages';
import { useBoardStages } from './rememberedStages';
import { columnCoordinates } from './keyboardCoordinates';
import { columnsOnScreen } from './columnsOnScreen';
import { useRememberedChoice } from '../../shell/remembered';
import { Button } from '../../ui/Button';
import './board.css';

const boardDensities = ['comfortable', 'compact'] as const;

/** The pointer decides when there is one; keyboard drags use the card's overlap with the columns. */
const collisions: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

/** The board: one column per stage (stages.list order), cards dragged between them to change stage. */
export default function BoardPage() {
  const text = useBoardText();
  const { t, stageName } = text;
  const view = useApplicationsView();
  const stages = useBoardStages();
  const actions = useApplicationActions();
  const queryClient = useQueryClient();
  const { isCollapsed, toggle } = useCollapsedColumns();
  // Compact: narrower columns and shorter cards, so more stages fit the window (remembered on this device).
  const [density, setDensity] = useRememberedChoice('candid.board.density', 'comfortable', boardDensities);
  const [dragged, setDragged] = useState<ApplicationSummary | null>(null);
  const [moves, setMoves] = useState<PendingMove[]>([]);

  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click still opens the card.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const shown = useMemo(() => stagesShown(stages, view.filters), [stages, view.filters]);
  // Only the columns' first cards: a column's later cards come in batches whatever its place.
  const onScreen = columnsOnScreen(shown, isCollapsed, density);

  const stageOf = (id: string | number | undefined): Stage | undefined => stages.find((stage) => stage.id === id);
  const applicationOf = (data: unknown) => (data as { application?: ApplicationSummary } | undefined)?.application;

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board:announce.start', { position: applicationOf(active.data.current)?.position ?? '' }),
    onDragOver: ({ over }) => {
      const stage = stageOf(over?.id);
      return stage ? t('board:announce.over', { stage: stageName(stage) }) : t('board:announce.outside');
    },
    onDragEnd: ({ active, over }) => {
      const stage = stageOf(over?.id);
      const position = applicationOf(active.data.current)?.position ?? '';
      return stage ? t('board:announce.dropped', { position, stage: stageName(stage) }) : t('board:announce.cancelled', { position });
    },
    onDragCancel: ({ active }) => t('board:announce.cancelled', { position: applicationOf(active.data.current)?.position ?? '' }),
  };

  const onDragStart = (event: DragStartEvent) => setDragged(applicationOf(event.active.data.current) ?? null);

  const onDragEnd = async (event: DragEndEvent) => {
    setDragged(null);
    const application = applicationOf(event.active.data.current);
    const target = stageOf(event.over?.id);
    if (!application || !target || target.id === application.stageId) return;
    const move: PendingMove = { application: { ...application, stageId: target.id, stageCategory: target.category, stageName: target.name }, from: application.stageId, to: target.id };
    setMoves((current) => [...current, move]);
    try {
      await actions.setStage(application.id, target.id, stageName(target));
    } finally {
      // The card stays where it was dropped until the columns have the server's word on it.
      await queryClient.refetchQueries({ queryKey: ['applications.list'], type: 'active' });
      setMoves((current) => current.filter((pending) => pending !== move));
    }
  };

  return (
    <div className="page page-fill board-page">
      <div className="page-header">
        <h1>{t('board:title')}</h1>
        <p className="muted board-hint">{t('board:hint')}</p>
        <Button
          size="sm"
          icon="rows"
          aria-pressed={density === 'compact'}
          onClick={() => setDensity(density === 'compact' ? 'comfortable' : 'compact')}
        >
          {t('layout:board.compact')}
        </Button>
      </div>
      <FilterBar filters={view.filters} onChange={setFilters} />
      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={onDragStart}
        onDragEnd={(event) => void onDragEnd(event)}
        onDragCancel={() => setDragged(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board:instructions') } }}
      >
        <div className="board" data-density={density} role="region" aria-label={t('board:title')} tabIndex={-1}>
          {shown.map((stage) => (
            <BoardColumn
              key={stage.id}
              stage={stage}
              onScreenAtStart={onScreen.has(stage.id)}
              filters={view.filters}
              sort={view.sort}
              collapsed={isCollapsed(stage)}
              onToggleCollapsed={toggle}
              moves={moves}
              text={text}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragged && (
            <div className="board-card is-overlay">
              <CardContent application={dragged} text={text} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
    </div>
  );
}
