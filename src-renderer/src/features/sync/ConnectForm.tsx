import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../src-shared/contract';
import { minPassphraseLength } from '../../../../src-shared/contract';
import { useSyncAction } from './useSyncAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { FormError } from '../shared/FormError';
import { errorsByField } from '../shared/fieldErrors';
import { problemMessage, syncErrorMessage } from './problems';

/**
 * Create an account or sign in, with the passphrase that encrypts the search (or the recovery key). Shown when
 * sync is off, and when this device was signed out (prefilled, to sign in again).
 */
export function ConnectForm({ status, onConnected }: { status: SyncStatus; onConnected(recoveryKey: string | null): void }) {
  const { t } = useTranslation('sync');
  const connect = useSyncAction('sync.connect');
  const disconnect = useSyncAction('sync.disconnect');
  const [mode, setMode] = useState<'create' | 'signIn'>(status.state === 'signed_out' ? 'signIn' : 'create');
  const [useRecovery, setUseRecovery] = useState(false);
  const [form, setForm] = useState({
    serverUrl: status.serverUrl ?? '',
    email: status.email ?? '',
    password: '',
    passphrase: '',
    confirm: '',
    recoveryKey: '',
    deviceName: status.deviceName ?? status.suggestedDeviceName,
  });
  const [mismatch, setMismatch] = useState(false);
  const fieldErrors = errorsByField(t, connect.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const creating = mode === 'create';
    if (creating && form.passphrase !== form.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    connect.mutate(
      {
        serverUrl: form.serverUrl,
        email: form.email,
        password: form.password,
        deviceName: form.deviceName,
        createAccount: creating,
        ...(useRecovery && !creating ? { recoveryKey: form.recoveryKey } : { passphrase: form.passphrase }),
      },
      { onSuccess: (result) => onConnected(result.recoveryKey) },
    );
  };

  const generalError = connect.error && Object.keys(fieldErrors).length === 0 ? syncErrorMessage(t, connect.error) : null;
  return (
    <>
      {status.state === 'signed_out' &&
        (status.lastError?.problem === 'key_changed' ? (
          <p className="notice sy-warning" role="alert">
            {problemMessage(t, 'key_changed')}
          </p>
        ) : (
          <p className="notice">{t('signedOutNotice', { server: status.serverUrl })}</p>
        ))}
      <form className="sy-form" onSubmit={submit} noValidate>
        <fieldset className="sy-mode">
          <legend className="field-label">{t('mode.label')}</legend>
          {(['create', 'signIn'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="sync-mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
              {t(`mode.${value}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('serverUrl')} hint={t('serverUrlHint')} error={fieldErrors.serverUrl}>
          {(p) => <input className="input" type="url" inputMode="url" autoComplete="url" required value={form.serverUrl} onChange={set('serverUrl')} {...p} />}
        </Field>
        <Field label={t('email')} error={fieldErrors.email}>
          {(p) => <input className="input" type="email" autoComplete="username" required value={form.email} onChange={set('email')} {...p} />}
        </Field>
        <Field label={t('password')} hint={t('passwordHint')} error={fieldErrors.password}>
          {(p) => (
            <input
              className="input"
              type="password"
              autoComplete={mode === 'create' ? 'new-password' : 'current-password'}
              required
              value={form.password}
              onChange={set('password')}
              {...p}
            />
          )}
        </Field>
        {mode === 'signIn' && (
          <label className="sy-check">
            <input type="checkbox" checked={useRecovery} onChange={(event) => setUseRecovery(event.target.checked)} />
            {t('useRecoveryKey')}
          </label>
        )}
        {useRecovery && mode === 'signIn' ? (
          <Field label={t('recoveryKey')} hint={t('recoveryKeyHint')} error={fieldErrors.recoveryKey}>
            {(p) => <input className="input sy-recovery-input" autoComplete="off" spellCheck={false} value={form.recoveryKey} onChange={set('recoveryKey')} {...p} />}
          </Field>
        ) : (
          <>
            <Field label={t('passphrase')} hint={t('passphraseHint')} error={fieldErrors.passphrase}>
              {(p) => <input className="input" type="password" autoComplete="off" minLength={minPassphraseLength} value={form.passphrase} onChange={set('passphrase')} {...p} />}
            </Field>
            {mode === 'create' && (
              <Field label={t('passphraseConfirm')} error={mismatch ? t('passphraseMismatch') : undefined}>
                {(p) => <input className="input" type="password" autoComplete="off" value={form.confirm} onChange={set('confirm')} {...p} />}
              </Field>
            )}
          </>
        )}
        <p className="notice sy-warning" role="note">
          {t('warning')}
        </p>
        <Field label={t('deviceName')} error={fieldErrors.deviceName}>
          {(p) => <input className="input" required value={form.deviceName} onChange={set('deviceName')} {...p} />}
        </Field>
        <FormError message={generalError} />
        <div className="sy-actions">
          <Button type="submit" variant="primary" disabled={connect.isPending}>
            {connect.isPending ? t('connect.busy') : t(`connect.${mode}`)}
          </Button>
          {status.state === 'signed_out' && (
            <Button variant="danger" onClick={() => disconnect.mutate({ forget: true })}>
              {t('actions.turnOff')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
