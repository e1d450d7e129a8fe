import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../src-shared/contract';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { useStageName } from '../../ui/StageBadge';

/**
 * One stage: its name edited in place (saved on Enter or when leaving the field, Escape reverts), moved with the
 * drag handle (mouse, or Space then arrows) or the up/down buttons, deleted through a dialog.
 */
export function StageRow({
  stage,
  index,
  isLast,
  movable,
  count,
  onRename,
  onMove,
  onDelete,
  error,
}: {
  stage: Stage;
  index: number;
  isLast: boolean;
  /** False when the stage is alone in its category: nothing to reorder, so no handle nor arrows. */
  movable: boolean;
  count: number;
  /** Resolves false when the name was refused (the error then shows under the field, the draft stays). */
  onRename: (stage: Stage, name: string) => Promise<boolean>;
  onMove: (stage: Stage, step: -1 | 1) => void;
  onDelete: (stage: Stage) => void;
  error?: string;
}) {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const label = stageName(stage);
  const [draft, setDraft] = useState<string | null>(null);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: stage.id,
    attributes: { roleDescription: t('stages.sortable') },
  });
  // dnd-kit names the handle "sortable"; ours says what it moves, and keeps dnd-kit's instructions as description.
  const { role: _role, ...handleAttributes } = attributes;
  const errorId = `stage-${stage.id}-error`;

  const commit = async () => {
    if (draft === null) return;
    if (draft.trim() === label || (await onRename(stage, draft.trim()))) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
    }
  };

  return (
    <li
      ref={setNodeRef}
      className={`st-stage${isDragging ? ' st-dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      {movable ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="st-handle"
          {...handleAttributes}
          {...listeners}
          aria-label={t('stages.dragLabel', { name: label })}
        >
          <Icon name="grip" />
        </button>
      ) : (
        <span className="st-handle" aria-hidden="true" />
      )}
      <div className="st-stage-name">
        <input
          type="text"
          className="input input-sm"
          value={draft ?? label}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => void commit()}
          onKeyDown={onKeyDown}
          aria-label={t('stages.nameLabel', { name: label })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          maxLength={80}
        />
        {error && (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        )}
      </div>
      <span className="muted st-count">{t('stages.applications', { count })}</span>
      <div className="rec-row-actions st-stage-actions">
        {movable && (
          <>
            <Button size="sm" className="btn-icon" disabled={index === 0} onClick={() => onMove(stage, -1)} aria-label={t('stages.moveUp', { name: label })}>
              <span aria-hidden="true">↑</span>
            </Button>
            <Button size="sm" className="btn-icon" disabled={isLast} onClick={() => onMove(stage, 1)} aria-label={t('stages.moveDown', { name: label })}>
              <span aria-hidden="true">↓</span>
            </Button>
          </>
        )}
        <Button variant="danger" size="sm" onClick={() => onDelete(stage)} aria-label={t('stages.deleteLabel', { name: label })}>
          {t('common:actions.delete')}
        </Button>
      </div>
    </li>
  );
}
