import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../ui/toast';

/** Copies a text to the clipboard and says so in a toast (or that it failed: a page without the permission). */
export function useCopyText() {
  const { t } = useTranslation('answers');
  const toast = useToast();
  return useCallback(
    async (text: string) => {
      try {
        await navigator.clipboard.writeText(text);
        toast.show(t('copied'));
      } catch {
        toast.show(t('copyFailed'));
      }
    },
    [t, toast],
  );
}
