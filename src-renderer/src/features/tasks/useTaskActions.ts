import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useToast } from '../../ui/toast';
import { errorMessage } from '../../ui/issues';
import { useUndoableDelete } from '../shared/useUndoableDelete';

/** Done/undone and delete, each undoable from the toast (or Ctrl/Cmd+Z). */
export function useTaskActions() {
  const { t } = useTranslation('tasks');
  const toast = useToast();
  const deleteTask = useUndoableDelete('tasks');

  const setDone = useCallback(
    async (task: Task, done: boolean) => {
      try {
        await invoke('tasks.setDone', { id: task.id, done });
        if (done) toast.showUndo(t('toast.done', { title: task.title }), () => invoke('tasks.setDone', { id: task.id, done: false }));
      } catch (error) {
        toast.show(errorMessage(t, error));
      }
    },
    [t, toast],
  );

  const remove = useCallback((task: Task) => deleteTask(task.id, t('toast.deleted', { title: task.title })), [deleteTask, t]);

  return { setDone, remove };
}
