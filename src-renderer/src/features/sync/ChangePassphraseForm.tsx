import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncAction } from './useSyncAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { FormError } from '../shared/FormError';
import { errorsByField } from '../shared/fieldErrors';
import { syncErrorMessage } from './problems';

/** A new sync passphrase for the same key (the recovery key stays valid), behind a disclosure. */
export function ChangePassphraseForm() {
  const { t } = useTranslation('sync');
  const toast = useToast();
  const change = useSyncAction('sync.changePassphrase');
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);
  const fieldErrors = errorsByField(t, change.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.next !== form.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { current: form.current, next: form.next },
      {
        onSuccess: () => {
          setForm({ current: '', next: '', confirm: '' });
          toast.show(t('changePassphrase.done'));
        },
      },
    );
  };

  return (
    <details className="sy-subsection">
      <summary>{t('changePassphrase.title')}</summary>
      <form className="sy-form" onSubmit={submit} noValidate>
        <Field label={t('changePassphrase.current')} error={fieldErrors.current}>
          {(p) => <input className="input" type="password" autoComplete="off" value={form.current} onChange={set('current')} {...p} />}
        </Field>
        <Field label={t('changePassphrase.next')} hint={t('passphraseHint')} error={fieldErrors.next}>
          {(p) => <input className="input" type="password" autoComplete="off" value={form.next} onChange={set('next')} {...p} />}
        </Field>
        <Field label={t('changePassphrase.confirm')} error={mismatch ? t('passphraseMismatch') : undefined}>
          {(p) => <input className="input" type="password" autoComplete="off" value={form.confirm} onChange={set('confirm')} {...p} />}
        </Field>
        <FormError message={change.error && Object.keys(fieldErrors).length === 0 ? syncErrorMessage(t, change.error) : null} />
        <div>
          <Button type="submit" disabled={change.isPending}>
            {t('changePassphrase.submit')}
          </Button>
        </div>
      </form>
    </details>
  );
}
