import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationFilters } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useToast } from '../../ui/toast';
import { errorMessage } from '../../ui/issues';
import { useStageMoveToast } from './useStageMoveToast';

/**
 * The writes the table, the board and the detail share, each with its toast: deletes, archives and stage moves can be
 * undone (Undo button or Ctrl/Cmd+Z). Every call reports failures in the user's language and rethrows nothing.
 */
export function useApplicationActions() {
  const { t } = useTranslation(['applications', 'common']);
  const toast = useToast();
  const showMove = useStageMoveToast();

  return useMemo(() => {
    const attempt = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work();
      } catch (error) {
        toast.show(errorMessage(t, error));
        return undefined;
      }
    };
    return {
      async remove(ids: string[]): Promise<boolean> {
        const result = await attempt(() =>
          ids.length === 1 ? invoke('applications.delete', { id: ids[0] }).then(() => ({ count: 1 })) : invoke('applications.bulkDelete', { ids }),
        );
        if (!result) return false;
        toast.showUndo(t('applications:toast.deleted', { count: result.count }), () => invoke('applications.restore', { ids }));
        return true;
      },
      async archive(ids: string[], archived: boolean): Promise<boolean> {
        const channel = archived ? 'applications.archive' : 'applications.unarchive';
        const undoChannel = archived ? 'applications.unarchive' : 'applications.archive';
        const result = await attempt(() => invoke(channel, { ids }));
        if (!result) return false;
        toast.showUndo(t(archived ? 'applications:toast.archived' : 'applications:toast.unarchived', { count: result.count }), () =>
          invoke(undoChannel, { ids }),
        );
        return true;
      },
      /** "Select all" then archive: every row the filters keep when it runs (but `except`), in one call, with Undo. */
      async archiveMatching(filters: ApplicationFilters, except: string[], archived: boolean): Promise<boolean> {
        const result = await attempt(() => invoke('applications.bulkByFilter', { filters, except, action: archived ? 'archive' : 'unarchive' }));
        if (!result) return false;
        const message = t(archived ? 'applications:toast.archived' : 'applications:toast.unarchived', { count: result.count });
        if (result.ids.length === 0) toast.show(message);
        else toast.showUndo(message, () => invoke(archived ? 'applications.unarchive' : 'applications.archive', { ids: result.ids }));
        return true;
      },
      async setStage(id: string, stageId: string, stageName: string): Promise<boolean> {
        const result = await attempt(() => invoke('applications.setStage', { id, stageId }));
        if (result) showMove(result, stageName);
        return Boolean(result);
      },
      async bulkStage(ids: string[], stageId: string, stageName: string): Promise<boolean> {
        const result = await attempt(() => invoke('applications.bulkUpdate', { ids, patch: { stageId } }));
        if (result) toast.show(t('applications:toast.bulkStage', { count: result.count, stage: stageName }));
        return Boolean(result);
      },
      async bulkTags(ids: string[], change: { addTags?: string[]; removeTags?: string[] }): Promise<boolean> {
        const result = await attempt(() => invoke('applications.bulkUpdate', { ids, patch: change }));
        if (result) toast.show(t('applications:toast.tagged', { count: result.count }));
        return Boolean(result);
      },
      async toggleFavorite(id: string): Promise<void> {
        await attempt(() => invoke('applications.toggleFavorite', { id }));
      },
    };
  }, [showMove, t, toast]);
}
