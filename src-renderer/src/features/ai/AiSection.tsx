import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AiSettings } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { errorMessage } from '../../ui/issues';
import { useToast } from '../../ui/toast';
import { FormError } from '../shared/FormError';
import { useRecordForm } from '../shared/useRecordForm';
import { SettingsSection } from '../settings/SettingsSection';
import { useAiSettings } from './useAiSettings';
import './ai.css';

const formOf = (settings: AiSettings) => ({
  enabled: settings.enabled,
  baseUrl: settings.baseUrl,
  model: settings.model,
  timeoutSeconds: String(settings.timeoutSeconds),
  apiKey: '',
});

/**
 * Settings ▸ AI: off by default; endpoint, model, time limit, and the key as a write-only field (the renderer is
 * only ever told whether a key is stored).
 */
function AiForm({ settings, onSaved }: { settings: AiSettings; onSaved: (settings: AiSettings) => void }) {
  const { t } = useTranslation('ai');
  const toast = useToast();
  const form = useRecordForm(formOf(settings));
  const [replacingKey, setReplacingKey] = useState(false);
  // The renderer never has the key, so a removal cannot be undone: it is confirmed instead.
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const keyInputShown = !settings.hasKey || replacingKey;

  const save = (event: FormEvent) =>
    form.submit(
      event,
      async (values) => {
        const apiKey = keyInputShown && values.apiKey.trim() !== '' ? values.apiKey : undefined;
        const timeoutSeconds = values.timeoutSeconds.trim() === '' ? Number.NaN : Number(values.timeoutSeconds);
        const saved = await invoke('ai.update', { enabled: values.enabled, baseUrl: values.baseUrl.trim(), model: values.model, timeoutSeconds, ...(apiKey ? { apiKey } : {}) });
        onSaved(saved);
        form.reset(formOf(saved));
        setReplacingKey(false);
      },
      () => toast.show(t('settings.saved')),
    );
  const removeKey = async () => {
    try {
      onSaved(await invoke('ai.update', { apiKey: null }));
      setReplacingKey(false);
      setConfirmingRemoval(false);
      form.set('apiKey', '');
      toast.show(t('settings.keyRemoved'));
    } catch (error) {
      toast.show(errorMessage(t, error));
    }
  };

  return (
    <form className="rec-form" onSubmit={save} noValidate aria-label={t('settings.title')}>
      <label className="check rec-span-2">
        <input type="checkbox" checked={form.values.enabled} onChange={(event) => form.set('enabled', event.target.checked)} />
        {t('settings.enabled')}
      </label>
      <Field label={t('settings.baseUrl')} error={form.errors.baseUrl && t('settings.baseUrlInvalid')} hint={t('settings.baseUrlHint')} className="rec-span-2">
        {(control) => <input className="input" {...control} type="url" spellCheck={false} autoComplete="off" {...form.text('baseUrl')} />}
      </Field>
      <Field label={t('settings.model')} error={form.errors.model} hint={t('settings.modelHint')}>
        {(control) => <input className="input" {...control} type="text" spellCheck={false} autoComplete="off" {...form.text('model')} />}
      </Field>
      <Field label={t('settings.timeout')} error={form.errors.timeoutSeconds} hint={t('settings.timeoutHint')}>
        {(control) => <input className="input" {...control} type="number" min={1} max={600} inputMode="numeric" {...form.text('timeoutSeconds')} />}
      </Field>
      <div className="rec-span-2 ai-key">
        {settings.hasKey && confirmingRemoval && (
          <div className="ai-key-stored" role="group" aria-label={t('settings.removeKey')}>
            <span>{t('settings.removeKeyConfirm')}</span>
            <Button size="sm" variant="danger" autoFocus onClick={() => void removeKey()}>
              {t('settings.removeKey')}
            </Button>
            <Button size="sm" onClick={() => setConfirmingRemoval(false)}>
              {t('settings.keepKey')}
            </Button>
          </div>
        )}
        {settings.hasKey && !confirmingRemoval && (
          <div className="ai-key-stored">
            <span>{t('settings.keyStored')}</span>
            <Button size="sm" onClick={() => setReplacingKey((current) => !current)} aria-expanded={replacingKey}>
              {replacingKey ? t('settings.keepKey') : t('settings.replaceKey')}
            </Button>
            <Button size="sm" variant="danger" onClick={() => setConfirmingRemoval(true)}>
              {t('settings.removeKey')}
            </Button>
          </div>
        )}
        {keyInputShown && (
          <Field label={settings.hasKey ? t('settings.newKey') : t('settings.key')} error={form.errors.apiKey} hint={t('settings.keyHint')}>
            {(control) => <input className="input" {...control} type="password" autoComplete="new-password" spellCheck={false} {...form.text('apiKey')} />}
          </Field>
        )}
      </div>
      <p className="muted rec-span-2 ai-what-is-sent">{t('settings.whatIsSent')}</p>
      <div className="rec-span-2">
        <FormError message={form.formError} />
      </div>
      <div className="rec-form-actions rec-span-2">
        <Button type="submit" variant="primary" disabled={form.pending}>
          {t('settings.save')}
        </Button>
      </div>
    </form>
  );
}

export function AiSection() {
  const { t } = useTranslation('ai');
  const { settings, saved } = useAiSettings();
  return (
    <SettingsSection id="ai" title={t('settings.title')} description={t('settings.description')}>
      {settings && !settings.enabled && <p className="muted ai-off-hint">{t('settings.offHint')}</p>}
      {settings && <AiForm settings={settings} onSaved={saved} />}
    </SettingsSection>
  );
}
