import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { useSyncAction } from './useSyncAction';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { SettingsSection } from '../settings/SettingsSection';
import { AccountMode } from './AccountMode';
import { ConnectForm } from './ConnectForm';
import { DevicesList } from './DevicesList';
import { IgnoredDates } from './IgnoredDates';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { problemMessage } from './problems';
import { RecoveryKeyDialog } from './RecoveryKeyDialog';
import './sync.css';

/** Settings ▸ Sync: set it up, see how it goes, sync now, sign out or turn it off. */
export function SyncSection() {
  const { t } = useTranslation('sync');
  // While a run goes on, the status is read often; otherwise a `changed` event or a minute refreshes it.
  const status = useChannel('sync.status', undefined, { refetchInterval: (query) => (query.state.data?.running ? 1000 : 60_000) });
  // Held here: once connected the form gives way to the status, and the key must stay on screen until saved.
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  return (
    <SettingsSection id="sync" title={t('title')} description={t('description')}>
      {status.data && (status.data.state === 'on' ? <SyncOn status={status.data} onRecoveryKey={setRecoveryKey} /> : <ConnectForm status={status.data} onConnected={setRecoveryKey} />)}
      <RecoveryKeyDialog recoveryKey={recoveryKey} onClose={() => setRecoveryKey(null)} />
    </SettingsSection>
  );
}

function SyncOn({ status, onRecoveryKey }: { status: SyncStatus; onRecoveryKey(recoveryKey: string): void }) {
  const { t, i18n } = useTranslation('sync');
  const format = useFormat();
  const toast = useToast();
  const syncNow = useSyncAction('sync.now');
  const disconnect = useSyncAction('sync.disconnect');
  const [confirmOff, setConfirmOff] = useState(false);
  const running = status.running || syncNow.isPending;

  const minutes = status.clockWarning ? Math.round(Math.abs(status.clockWarning.offsetMs) / 60_000) : 0;
  const unit = (value: number, name: 'hour' | 'minute') => new Intl.NumberFormat(i18n.language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const amount = minutes >= 120 ? unit(Math.round(minutes / 60), 'hour') : unit(minutes, 'minute');

  return (
    <div className="sy-on">
      <dl className="st-facts">
        <div>
          <dt>{t('status.server')}</dt>
          <dd>
            <code className="st-path">{status.serverUrl}</code>
          </dd>
        </div>
        <div>
          <dt>{t('status.account')}</dt>
          <dd>{status.email}</dd>
        </div>
        <div>
          <dt>{t('status.device')}</dt>
          <dd>{status.deviceName}</dd>
        </div>
        <div>
          <dt>{t('status.lastSynced')}</dt>
          <dd aria-live="polite">
            {running ? t('status.running') : status.lastSyncedAt ? `${format.dateTime(status.lastSyncedAt)} (${format.relative(status.lastSyncedAt)})` : t('status.never')}
          </dd>
        </div>
        <div>
          <dt>{t('status.pending')}</dt>
          <dd>{status.pendingChanges === 0 ? t('status.upToDate') : t('status.pendingValue', { count: status.pendingChanges })}</dd>
        </div>
      </dl>
      {status.lastError && (
        <p className="notice notice-error" role="alert">
          <strong>{t('status.lastError')}</strong> {problemMessage(t, status.lastError.problem)} <span className="muted">{format.dateTime(status.lastError.at)}</span>
        </p>
      )}
      <IgnoredDates items={status.ignoredDates} />
      {status.imageRefused && (
        <section className="notice sy-warning" role="status" aria-labelledby="sy-image-refused-title">
          <h3 id="sy-image-refused-title">{t('imageRefused.title')}</h3>
          <p>{t(`imageRefused.${status.imageRefused.problem}`, { when: format.dateTime(status.imageRefused.at) })}</p>
        </section>
      )}
      {status.clockWarning && (
        <p className="notice sy-warning" role="status">
          {t(`clock.${status.clockWarning.source}`, { amount })}
        </p>
      )}
      <div className="sy-actions">
        <Button
          variant="primary"
          icon="history"
          disabled={running}
          onClick={() =>
            syncNow.mutate(undefined, {
              onSuccess: (after) => {
                if (!after.lastError) toast.show(t('actions.synced'));
              },
            })
          }
        >
          {t('actions.syncNow')}
        </Button>
        <Button onClick={() => disconnect.mutate({ forget: false }, { onSuccess: () => toast.show(t('actions.signedOut')) })}>{t('actions.signOut')}</Button>
        <Button variant="danger" onClick={() => setConfirmOff(true)}>
          {t('actions.turnOff')}
        </Button>
      </div>
      <AccountMode onRecoveryKey={onRecoveryKey} />
      <DevicesList />
      <ChangePassphraseForm />
      <Dialog
        open={confirmOff}
        onClose={() => setConfirmOff(false)}
        title={t('actions.turnOffTitle')}
        footer={
          <>
            <Button onClick={() => setConfirmOff(false)}>{t('actions.cancel')}</Button>
            <Button
              variant="danger"
              onClick={() =>
                disconnect.mutate(
                  { forget: true },
                  {
                    onSuccess: () => {
                      setConfirmOff(false);
                      toast.show(t('actions.turnedOff'));
                    },
                  },
                )
              }
            >
              {t('actions.turnOff')}
            </Button>
          </>
        }
      >
        <p>{t('actions.turnOffBody')}</p>
      </Dialog>
    </div>
  );
}
