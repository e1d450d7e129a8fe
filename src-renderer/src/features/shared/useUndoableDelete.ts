import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useToast } from '../../ui/toast';
import { errorMessage } from '../../ui/issues';

type DeletableDomain = 'interviews' | 'tasks' | 'contacts' | 'companies' | 'interactions';

/**
 * Deletes one record (soft delete) and offers Undo, which restores it. Failures go to `onError`, else to a toast
 * in the user's language; the returned promise tells the caller whether the delete happened.
 */
export function useUndoableDelete(domain: DeletableDomain) {
  const { t } = useTranslation();
  const toast = useToast();
  return useCallback(
    async (id: string, deletedMessage: string, onError?: (error: unknown) => void): Promise<boolean> => {
      try {
        await invoke(`${domain}.delete`, { id });
      } catch (error) {
        if (onError) onError(error);
        else toast.show(errorMessage(t, error));
        return false;
      }
      toast.showUndo(deletedMessage, () => invoke(`${domain}.restore`, { id }));
      return true;
    },
    [domain, t, toast],
  );
}
