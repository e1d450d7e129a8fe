import { memo, type KeyboardEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { ApplicationSummary } from '../../../../src-shared/contract';
import { Icon } from '../../ui/Icon';
import type { BoardText } from './boardText';
import { sameApplication } from './sameApplication';

/** What a card shows: enough to recognise the application at a glance. Its texts come from the board (boardText.ts). */
export function CardContent({ application, text }: { application: ApplicationSummary; text: BoardText }) {
  const { card, format } = text;
  const details = [application.location, application.workMode && card.workMode(application.workMode)].filter(Boolean).join(' · ');
  const salary = format.salary(application);
  return (
    <>
      <div className="card-top">
        <span className="card-position" dir="auto">{application.position}</span>
        {application.favorite && (
          <span className="card-favorite" title={card.favorite}>
            <Icon name="star" size={13} filled />
            <span className="sr-only">{card.favorite}</span>
          </span>
        )}
      </div>
      <span className="card-company" dir="auto">{application.companyName}</span>
      {details && <span className="card-detail">{details}</span>}
      {salary && <span className="card-detail numeric">{salary}</span>}
      {application.tags.length > 0 && (
        <span className="card-tags">
          {application.tags.slice(0, 3).map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </span>
      )}
      <span className="card-footer">
        <Icon name="clock" size={12} />
        <span title={format.dateTime(application.stageChangedAt)}>{format.relative(application.stageChangedAt)}</span>
      </span>
    </>
  );
}

interface BoardCardProps {
  application: ApplicationSummary;
  text: BoardText;
  onOpen(id: string): void;
}

/**
 * A draggable card: drag with the mouse, or focus it and press Space, move with ← →, Space again to drop
 * (Escape cancels). Enter or a click opens the application.
 */
export const BoardCard = memo(function BoardCard({ application, text, onOpen }: BoardCardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: application.id,
    data: { application },
    attributes: { roleDescription: text.card.roleDescription },
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !isDragging) {
      event.preventDefault();
      onOpen(application.id);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  return (
    <div
      ref={setNodeRef}
      className={['board-card', isDragging && 'is-dragging'].filter(Boolean).join(' ')}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={() => onOpen(application.id)}
      data-application-id={application.id}
    >
      <CardContent application={application} text={text} />
    </div>
  );
}, sameCard);

/** Drawn again only when what it shows or does changes, not when its column's answer is a new object of the same values. */
function sameCard(before: BoardCardProps, after: BoardCardProps): boolean {
  return before.text === after.text && before.onOpen === after.onOpen && sameApplication(before.application, after.application);
}
