import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncDevice } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { useSyncAction } from './useSyncAction';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { FormError } from '../shared/FormError';
import { syncErrorMessage } from './problems';

/** The account's devices, this one marked; another can be revoked (after a confirmation). */
export function DevicesList() {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const toast = useToast();
  const devices = useChannel('sync.devices', undefined);
  const revoke = useSyncAction('sync.revokeDevice');
  const [confirm, setConfirm] = useState<SyncDevice | null>(null);
  const list = devices.data?.devices ?? [];

  return (
    <section className="sy-subsection" aria-labelledby="sync-devices-title">
      <h3 id="sync-devices-title">{t('devices.title')}</h3>
      <FormError message={devices.error ? syncErrorMessage(t, devices.error) : null} />
      {list.length <= 1 && !devices.isLoading && <p className="muted">{t('devices.empty')}</p>}
      <ul className="sy-devices">
        {list.map((device) => (
          <li key={device.id}>
            <span>
              <strong>{device.name}</strong>{' '}
              <span className="muted">
                {device.current ? `(${t('devices.current')})` : device.revokedAt ? `(${t('devices.revoked')})` : device.lastSeenAt ? t('devices.lastSeen', { when: format.relative(device.lastSeenAt) }) : ''}
              </span>
            </span>
            {!device.current && !device.revokedAt && (
              <Button size="sm" variant="danger" aria-label={t('devices.revokeLabel', { name: device.name })} onClick={() => setConfirm(device)}>
                {t('devices.revoke')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Dialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t('devices.revokeTitle', { name: confirm?.name ?? '' })}
        footer={
          <>
            <Button onClick={() => setConfirm(null)}>{t('actions.cancel')}</Button>
            <Button
              variant="danger"
              onClick={() => {
                const target = confirm!;
                revoke.mutate(
                  { id: target.id },
                  {
                    onSuccess: () => {
                      setConfirm(null);
                      toast.show(t('devices.revokedToast', { name: target.name }));
                      void devices.refetch();
                    },
                  },
                );
              }}
            >
              {t('devices.revoke')}
            </Button>
          </>
        }
      >
        <p>{t('devices.revokeBody')}</p>
        <FormError message={revoke.error ? syncErrorMessage(t, revoke.error) : null} />
      </Dialog>
    </section>
  );
}
