import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';

/**
 * Asks before leaving a form with unsaved edits (another screen, a shortcut, the palette). `allowNavigation`
 * lets the form's own navigation through (after saving or deleting).
 */
export function useLeaveGuard(dirty: boolean) {
  const { t } = useTranslation('applications');
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const allowNavigation = useCallback(() => {
    allowed.current = true;
  }, []);
  const dialog = (
    <Dialog
      open={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('leave.title')}
      footer={
        <>
          <Button onClick={() => blocker.reset?.()}>{t('leave.stay')}</Button>
          <Button variant="danger" onClick={() => blocker.proceed?.()}>
            {t('leave.discard')}
          </Button>
        </>
      }
    >
      <p>{t('leave.body')}</p>
    </Dialog>
  );
  return { allowNavigation, dialog };
}
