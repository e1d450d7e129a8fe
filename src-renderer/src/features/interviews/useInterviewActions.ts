import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useToast } from '../../ui/toast';
import { errorMessage } from '../../ui/issues';
import { useFormat } from '../../ui/format';
import { useUndoableDelete } from '../shared/useUndoableDelete';

/** What can be done to an interview from a list: delete (with Undo) and mark a past one completed (with Undo). */
export function useInterviewActions() {
  const { t } = useTranslation('interviews');
  const format = useFormat();
  const toast = useToast();
  const deleteInterview = useUndoableDelete('interviews');

  const remove = useCallback(
    (interview: Interview) => deleteInterview(interview.id, t('toast.deleted', { when: format.dateTime(interview.scheduledAt) })),
    [deleteInterview, format, t],
  );

  const complete = useCallback(
    async (interview: Interview) => {
      try {
        await invoke('interviews.update', { id: interview.id, patch: { status: 'completed' } });
        toast.showUndo(t('toast.completed'), () => invoke('interviews.update', { id: interview.id, patch: { status: interview.status } }));
      } catch (error) {
        toast.show(errorMessage(t, error));
      }
    },
    [t, toast],
  );

  return { remove, complete };
}

/** A planned interview whose time is over is probably done: offer to say so. */
export function isOverdue(interview: Interview, now = Date.now()): boolean {
  return interview.status === 'planned' && Date.parse(interview.scheduledAt) < now;
}
