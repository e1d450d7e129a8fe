import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageMoveResult } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';

/**
 * The toast after any stage move (board, table, detail, history): where the application went, the applied date
 * the move set when it left the wishlist, and Undo (also Ctrl/Cmd+Z), which removes the move from the history.
 */
export function useStageMoveToast(): (result: StageMoveResult, stageName: string, kind?: 'moved' | 'recorded') => void {
  const { t } = useTranslation(['applications', 'moves']);
  const toast = useToast();
  const format = useFormat();
  return useCallback(
    (result, stage, kind = 'moved') => {
      const message = result.undo.appliedOn
        ? t('moves:movedAndApplied', { stage, date: format.date(result.undo.appliedOn.after) })
        : t(kind === 'recorded' ? 'applications:toast.stageRecorded' : 'applications:toast.stageChanged', { stage });
      toast.showUndo(message, () => invoke('applications.undoStage', result.undo));
    },
    [format, t, toast],
  );
}
