import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationSummary } from '../../../../../src-shared/contract';
import { editErrorMessage, type CellEdit, type EditorValues } from './cellEdits';

/** How an edit ended, for the grid to move on: Enter stays, Tab goes right, Shift+Tab left, Escape cancels. */
export type EditEnd = 'stay' | 'next' | 'previous' | 'cancel';

/**
 * The boxes of one cell being edited. Enter saves, Escape cancels, Tab / Shift+Tab save and move on (between the
 * boxes of a two-box editor Tab moves as usual); leaving the cell saves. A failed save keeps the editor open with
 * the message, what was typed kept.
 */
export function CellEditor({
  row,
  edit,
  label,
  typed,
  onSave,
  onEnd,
}: {
  row: ApplicationSummary;
  edit: CellEdit;
  /** The column's name, for the boxes' labels. */
  label: string;
  typed?: string;
  onSave(values: EditorValues): Promise<void>;
  onEnd(end: EditEnd): void;
}) {
  const { t } = useTranslation(['grid', 'common', 'applications']);
  const [values, setValues] = useState<EditorValues>(() => edit.initial(row, typed));
  const [error, setError] = useState<string | null>(null);
  const saving = useRef(false);
  const ended = useRef(false);
  const first = useRef<HTMLInputElement & HTMLSelectElement>(null);

  useEffect(() => {
    const box = first.current;
    if (!box) return;
    box.focus();
    // Typing replaced the text: the caret goes after it. Enter/F2 keeps the text, all of it selected.
    if (box.tagName === 'INPUT') {
      const input = box as HTMLInputElement;
      if (typed === undefined) input.select();
      else input.setSelectionRange(input.value.length, input.value.length);
    }
  }, [typed]);

  const finish = async (end: EditEnd) => {
    if (ended.current || saving.current) return;
    if (end === 'cancel') {
      ended.current = true;
      onEnd('cancel');
      return;
    }
    saving.current = true;
    try {
      await onSave(values);
      ended.current = true;
      onEnd(end);
    } catch (failure) {
      setError(editErrorMessage(t, failure));
      first.current?.focus();
    } finally {
      saving.current = false;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // The grid's keys (arrows, Space, Delete…) are the box's while editing.
    event.stopPropagation();
    const boxes = [...event.currentTarget.querySelectorAll<HTMLElement>('input, select')];
    const index = boxes.indexOf(event.target as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      void finish('cancel');
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void finish('stay');
    } else if (event.key === 'Tab' && !event.shiftKey && index === boxes.length - 1) {
      event.preventDefault();
      void finish('next');
    } else if (event.key === 'Tab' && event.shiftKey && index === 0) {
      event.preventDefault();
      void finish('previous');
    }
  };

  const set = (name: string) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [name]: event.target.value }));
    setError(null);
  };
  const errorId = `${row.id}-edit-error`;
  const common = { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined } as const;

  return (
    <div
      className="cell-editor"
      data-editor
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Leaving the cell (not moving between its boxes) saves.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) void finish('stay');
      }}
    >
      {edit.kind === 'priority' ? (
        <select ref={first} className="select select-sm" aria-label={label} value={values.text} onChange={set('text')} {...common}>
          <option value="">{t('grid:none')}</option>
          {[1, 2, 3, 4, 5].map((value) => (
            <option key={value} value={String(value)}>{`${value}/5`}</option>
          ))}
        </select>
      ) : (
        <input
          ref={first}
          className="input input-sm"
          type="text"
          aria-label={edit.kind === 'nextStep' ? t('grid:nextStepTitle') : label}
          placeholder={edit.kind === 'salary' ? t('grid:salaryPlaceholder') : edit.kind === 'nextStep' ? t('grid:nextStepPlaceholder') : undefined}
          value={values.text}
          onChange={set('text')}
          {...common}
        />
      )}
      {edit.kind === 'nextStep' && (
        <input className="input input-sm cell-editor-date" type="date" aria-label={t('grid:nextStepDue')} value={values.dueOn} onChange={set('dueOn')} {...common} />
      )}
      {error && (
        <span className="cell-editor-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
