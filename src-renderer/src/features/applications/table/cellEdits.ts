import type { TFunction } from 'i18next';
import type { ApplicationSummary } from '../../../../../src-shared/contract';
import { AppError } from '../../../../../src-shared/errors';
import { invoke } from '../../../api/client';
import { fieldErrors } from '../../../ui/issues';
import { errorMessage } from '../../../ui/issues';
import { parseSalaryRange, salaryRangeText } from './salaryText';

/** What an editor holds: its boxes' texts by name. */
export type EditorValues = Record<string, string>;
export type EditorKind = 'text' | 'priority' | 'salary' | 'nextStep';
/** Undoes one saved edit (the toast's Undo, Ctrl/Cmd+Z). */
export type Undo = () => Promise<unknown>;

export interface CellEdit {
  kind: EditorKind;
  /** The boxes when the edit starts; a typed character replaces the main box's text. */
  initial(row: ApplicationSummary, typed?: string): EditorValues;
  /** Saves through the usual channel: an undo, or null when nothing changed. Throws what the editor shows. */
  save(row: ApplicationSummary, values: EditorValues): Promise<Undo | null>;
}

const tagList = (text: string) => [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

async function update(row: ApplicationSummary, patch: Parameters<typeof invoke<'applications.update'>>[1]['patch'], undo: typeof patch): Promise<Undo> {
  await invoke('applications.update', { id: row.id, patch });
  return () => invoke('applications.update', { id: row.id, patch: undo });
}

/**
 * The cells the table edits in place, by column id, each saved with one call of the channel the detail page uses
 * (applications.update, tasks.update / tasks.create) and undone with one more. The stage has its own select.
 */
export const cellEdits: Record<string, CellEdit> = {
  position: {
    kind: 'text',
    initial: (row, typed) => ({ text: typed ?? row.position }),
    save: async (row, { text }) => (text.trim() === row.position ? null : update(row, { position: text }, { position: row.position })),
  },
  company: {
    kind: 'text',
    initial: (row, typed) => ({ text: typed ?? row.companyName }),
    // A name that is no company yet creates it, as in the form; undo goes back to the company it had.
    save: async (row, { text }) => (text.trim() === row.companyName ? null : update(row, { companyName: text }, { companyId: row.companyId })),
  },
  priority: {
    kind: 'priority',
    initial: (row, typed) => ({ text: typed && /^[1-5]$/.test(typed) ? typed : row.priority == null ? '' : String(row.priority) }),
    save: async (row, { text }) => {
      const priority = text === '' ? null : Number(text);
      return priority === row.priority ? null : update(row, { priority }, { priority: row.priority });
    },
  },
  salary: {
    kind: 'salary',
    initial: (row, typed) => ({ text: typed ?? salaryRangeText(row) }),
    save: async (row, { text }) => {
      const range = parseSalaryRange(text);
      if (!range) throw new AppError('VALIDATION', 'not a salary range', { issues: [{ path: 'salary', code: 'salary_range', message: 'salary_range' }] });
      if (range.salaryMin === row.salaryMin && range.salaryMax === row.salaryMax) return null;
      return update(row, range, { salaryMin: row.salaryMin, salaryMax: row.salaryMax });
    },
  },
  tags: {
    kind: 'text',
    initial: (row, typed) => ({ text: typed ?? row.tags.join(', ') }),
    save: async (row, { text }) => {
      const tags = tagList(text);
      return sameList(tags, row.tags) ? null : update(row, { tags }, { tags: row.tags });
    },
  },
  nextStep: {
    kind: 'nextStep',
    initial: (row, typed) => ({ text: typed ?? row.nextStep?.title ?? '', dueOn: row.nextStep?.dueOn ?? '' }),
    save: async (row, { text, dueOn }) => {
      const due = dueOn || null;
      const step = row.nextStep;
      if (!step) {
        if (text.trim() === '') return null;
        const task = await invoke('tasks.create', { title: text, dueOn: due, applicationId: row.id });
        return () => invoke('tasks.delete', { id: task.id });
      }
      if (text.trim() === step.title && due === step.dueOn) return null;
      await invoke('tasks.update', { id: step.taskId, patch: { title: text, dueOn: due } });
      return () => invoke('tasks.update', { id: step.taskId, patch: { title: step.title, dueOn: step.dueOn } });
    },
  },
};

/** The message an editor shows when its save failed: the field's own when the contract named it. */
export function editErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof AppError && error.issues?.some((issue) => issue.code === 'salary_range')) return t('grid:salaryInvalid');
  if (error instanceof AppError && error.issues && error.issues.length > 0) {
    const messages = Object.values(fieldErrors(t, error.issues));
    if (messages.length > 0) return messages[0];
  }
  return errorMessage(t, error);
}
