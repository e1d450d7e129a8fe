import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../../src-shared/contract';
import { Button } from '../../../ui/Button';
import { Popover } from '../../../ui/Popover';
import { useFormat } from '../../../ui/format';
import { StageSelect } from '../StageSelect';

interface BulkBarProps {
  count: number;
  stages: Stage[];
  busy: boolean;
  /** Archived rows are on screen: offer "Unarchive" instead of "Archive". */
  showingArchived: boolean;
  onStage(stageId: string): void;
  onArchive(archived: boolean): void;
  onDelete(): void;
  onTags(change: { addTags?: string[]; removeTags?: string[] }): void;
  onClear(): void;
}

const splitTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

/** Actions on the selected rows: stage, tags, archive, delete (undoable). */
export function BulkBar({ count, stages, busy, showingArchived, onStage, onArchive, onDelete, onTags, onClear }: BulkBarProps) {
  const { t } = useTranslation('applications');
  const format = useFormat();
  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.label')}>
      <span className="bulk-count" aria-live="polite">
        {t('bulk.selected', { count, formatted: format.number(count) })}
      </span>
      <StageSelect
        size="sm"
        className="bulk-stage"
        stages={stages}
        value=""
        placeholder={t('bulk.moveTo')}
        aria-label={t('bulk.moveToLabel')}
        disabled={busy}
        onChange={(stageId) => stageId && onStage(stageId)}
      />
      <Popover
        label={t('bulk.tags')}
        trigger={(props) => (
          <Button size="sm" icon="tag" disabled={busy} {...props}>
            {t('bulk.tags')}
          </Button>
        )}
      >
        {(close) => (
          <TagForm
            onSubmit={(change) => {
              onTags(change);
              close();
            }}
          />
        )}
      </Popover>
      <Button size="sm" icon="archive" disabled={busy} onClick={() => onArchive(!showingArchived)}>
        {showingArchived ? t('bulk.unarchive') : t('bulk.archive')}
      </Button>
      <Button size="sm" icon="trash" variant="danger" disabled={busy} onClick={onDelete}>
        {t('bulk.delete')}
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        {t('bulk.clear')}
      </Button>
    </div>
  );
}

function TagForm({ onSubmit }: { onSubmit(change: { addTags?: string[]; removeTags?: string[] }): void }) {
  const { t } = useTranslation('applications');
  const [add, setAdd] = useState('');
  const [remove, setRemove] = useState('');
  const addTags = splitTags(add);
  const removeTags = splitTags(remove);
  return (
    <form
      className="tag-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (addTags.length === 0 && removeTags.length === 0) return;
        onSubmit({ addTags: addTags.length ? addTags : undefined, removeTags: removeTags.length ? removeTags : undefined });
      }}
    >
      <label className="field">
        <span className="field-label">{t('bulk.addTags')}</span>
        <input className="input input-sm" value={add} onChange={(event) => setAdd(event.target.value)} placeholder={t('bulk.tagsPlaceholder')} />
      </label>
      <label className="field">
        <span className="field-label">{t('bulk.removeTags')}</span>
        <input className="input input-sm" value={remove} onChange={(event) => setRemove(event.target.value)} placeholder={t('bulk.tagsPlaceholder')} />
      </label>
      <Button size="sm" variant="primary" type="submit" disabled={addTags.length === 0 && removeTags.length === 0}>
        {t('bulk.applyTags')}
      </Button>
    </form>
  );
}
