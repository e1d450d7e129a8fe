import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WatchSettings } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/hooks';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/toast';

const fields = ['greenhouseBaseUrl', 'leverBaseUrl', 'ashbyBaseUrl'] as const;

/** Where each board's API answers (a mirror, a test server); kept on this device. Folded by default. */
export function BoardAddresses() {
  const { t } = useTranslation('watch');
  const settings = useChannel('watches.settings', undefined);
  return (
    <details className="op-addresses">
      <summary>{t('settings.title')}</summary>
      <p className="muted">{t('settings.intro')}</p>
      {settings.data && <AddressesForm initial={settings.data} />}
    </details>
  );
}

function AddressesForm({ initial }: { initial: WatchSettings }) {
  const { t } = useTranslation('watch');
  const toast = useToast();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof WatchSettings, string>>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await invoke('watches.updateSettings', draft);
      setErrors({});
      toast.show(t('settings.saved'));
    } catch (error) {
      const issues = (error as { issues?: { path: string }[] }).issues ?? [];
      setErrors(Object.fromEntries(issues.map((issue) => [String(issue.path).split('.')[0], t('settings.invalid')])));
    }
  };

  return (
    <form className="op-form" onSubmit={(event) => void submit(event)} noValidate>
      {fields.map((field) => (
        <Field key={field} label={t(`settings.${field}`)} error={errors[field]}>
          {(control) => (
            <input className="input" {...control} type="url" spellCheck={false} value={draft[field]} onChange={(event) => setDraft({ ...draft, [field]: event.target.value })} />
          )}
        </Field>
      ))}
      <div>
        <Button type="submit">{t('settings.save')}</Button>
      </div>
    </form>
  );
}
