import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';

/**
 * Asks before leaving a form with unsaved edits (another screen, a shortcut, the palette): keep editing, discard, or
 * save and leave (`save` validates and saves, and says whether it did; when it did not, the form stays with its
 * errors shown). `allowNavigation` lets the form's own navigation through (after saving or deleting).
 */
export function useLeaveGuard(dirty: boolean, save: () => Promise<boolean>) {
  const { t } = useTranslation(['applications', 'layout']);
  const [saving, setSaving] = useState(false);
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const allowNavigation = useCallback(() => {
    allowed.current = true;
  }, []);
  const saveAndLeave = async () => {
    setSaving(true);
    try {
      if (await save()) {
        allowed.current = true;
        blocker.proceed?.();
      } else {
        blocker.reset?.();
      }
    } finally {
      setSaving(false);
    }
  };
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
          <Button variant="primary" onClick={() => void saveAndLeave()} disabled={saving}>
            {t('layout:leave.saveAndLeave')}
          </Button>
        </>
      }
    >
      <p>{t('leave.body')}</p>
    </Dialog>
  );
  return { allowNavigation, dialog };
}
