import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { FormError } from '../shared/FormError';
import { errorsByField } from '../shared/fieldErrors';
import { syncErrorMessage } from './problems';
import { useSyncAction } from './useSyncAction';

/**
 * Settings ▸ Sync ▸ Who can read your data: private (end-to-end encrypted) or readable by the server (its REST API
 * on). Making it readable says first what the server can then read and asks for an explicit "I understand"; making
 * it private again asks for the passphrase (the device makes a new key) and shows the new recovery key.
 */
export function AccountMode({ onRecoveryKey }: { onRecoveryKey(recoveryKey: string): void }) {
  const { t } = useTranslation('accountMode');
  const { t: tSync } = useTranslation('sync');
  const toast = useToast();
  const mode = useChannel('sync.accountMode', undefined);
  const change = useSyncAction('sync.setAccountMode');
  const [dialog, setDialog] = useState<'readable' | 'private' | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const fieldErrors = errorsByField(tSync, change.error);
  const current = mode.data?.mode ?? null;

  const open = (which: 'readable' | 'private') => {
    change.reset();
    setUnderstood(false);
    setPassphrase('');
    setDialog(which);
  };
  const close = () => {
    if (!change.isPending) setDialog(null);
  };
  const makeReadable = () =>
    change.mutate(
      { mode: 'readable' },
      {
        onSuccess: () => {
          setDialog(null);
          toast.show(t('readable.done'));
        },
      },
    );
  const makePrivate = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { mode: 'private', passphrase },
      {
        onSuccess: (result) => {
          setDialog(null);
          setPassphrase('');
          toast.show(t('private.done'));
          if (result.recoveryKey) onRecoveryKey(result.recoveryKey);
        },
      },
    );
  };
  const error = change.error && Object.keys(fieldErrors).length === 0 ? syncErrorMessage(tSync, change.error) : null;

  return (
    <section className="sy-subsection" aria-labelledby="sync-account-mode-title">
      <h3 id="sync-account-mode-title">{t('title')}</h3>
      <FormError message={mode.error ? syncErrorMessage(tSync, mode.error) : null} />
      {mode.isLoading && <p className="muted">{t('loading')}</p>}
      {current && (
        <>
          <p data-testid="account-mode" data-mode={current}>
            <strong>{t(`state.${current}`)}</strong> {t(`explain.${current}`)}
          </p>
          <Button variant={current === 'private' ? 'danger' : 'default'} onClick={() => open(current === 'private' ? 'readable' : 'private')}>
            {current === 'private' ? t('makeReadable') : t('makePrivate')}
          </Button>
        </>
      )}

      <Dialog
        open={dialog === 'readable'}
        onClose={close}
        title={t('readable.title')}
        footer={
          <>
            <Button onClick={close}>{t('cancel')}</Button>
            <Button variant="danger" disabled={!understood || change.isPending} onClick={makeReadable}>
              {t('readable.confirm')}
            </Button>
          </>
        }
      >
        <p className="notice sy-warning" role="note">
          {t('readable.intro')}
        </p>
        <ul>
          <li>{t('readable.reads')}</li>
          <li>{t('readable.stored')}</li>
          <li>{t('readable.api')}</li>
          <li>{t('readable.undo')}</li>
        </ul>
        <label className="sy-check">
          <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
          {t('readable.understand')}
        </label>
        <FormError message={error} />
      </Dialog>

      <Dialog
        open={dialog === 'private'}
        onClose={close}
        title={t('private.title')}
        footer={
          <>
            <Button onClick={close}>{t('cancel')}</Button>
            <Button type="submit" form="sync-make-private" variant="primary" disabled={change.isPending || passphrase === ''}>
              {change.isPending ? t('private.busy') : t('private.confirm')}
            </Button>
          </>
        }
      >
        <p>{t('private.intro')}</p>
        <ul>
          <li>{t('private.rotate')}</li>
          <li>{t('private.recovery')}</li>
          <li>{t('private.devices')}</li>
        </ul>
        <form id="sync-make-private" className="sy-form" onSubmit={makePrivate} noValidate>
          <Field label={t('private.passphrase')} hint={t('private.passphraseHint')} error={fieldErrors.passphrase}>
            {(p) => <input className="input" type="password" autoComplete="off" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} {...p} />}
          </Field>
        </form>
        <FormError message={error} />
        {change.isPending && (
          <p className="muted" role="status">
            {t('private.busy')}
          </p>
        )}
      </Dialog>
    </section>
  );
}
