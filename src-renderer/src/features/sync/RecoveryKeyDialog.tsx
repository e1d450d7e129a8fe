import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useToast } from '../../ui/toast';

/** The recovery key, shown once after the key was created: copy or print it, and say it was saved. */
export function RecoveryKeyDialog({ recoveryKey, onClose }: { recoveryKey: string | null; onClose(): void }) {
  const { t } = useTranslation('sync');
  const toast = useToast();
  const [saved, setSaved] = useState(false);
  return (
    <Dialog
      open={recoveryKey !== null}
      onClose={() => {
        if (saved) onClose();
      }}
      title={t('recovery.title')}
      footer={
        <Button variant="primary" disabled={!saved} onClick={onClose}>
          {t('recovery.close')}
        </Button>
      }
    >
      <div className="sy-print">
        <p>{t('recovery.body')}</p>
        <p className="sy-recovery-key" data-testid="recovery-key">
          {recoveryKey}
        </p>
      </div>
      <div className="sy-actions">
        <Button
          icon="save"
          onClick={() => {
            void navigator.clipboard?.writeText(recoveryKey ?? '').then(() => toast.show(t('recovery.copied')));
          }}
        >
          {t('recovery.copy')}
        </Button>
        <Button icon="report" onClick={() => window.print()}>
          {t('recovery.print')}
        </Button>
      </div>
      <label className="sy-check">
        <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        {t('recovery.saved')}
      </label>
    </Dialog>
  );
}
