import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldKinds, type CustomField, type CustomFieldKind } from '../../../../src-shared/contract';
import { invoke } from '../../api/client';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { errorMessage } from '../../ui/issues';
import { errorsByField } from '../shared/fieldErrors';
import { FormError } from '../shared/FormError';
import { ChoicesEditor, newChoice, type EditedChoice } from './ChoicesEditor';

/**
 * Creates a custom field (name, type, a choice field's options) or edits one (its name and options: a field's type
 * cannot change, its values would lose their meaning).
 */
export function CustomFieldForm({ field, onDone, onCancel }: { field?: CustomField; onDone(): void; onCancel?: () => void }) {
  const { t } = useTranslation(['customFields', 'common']);
  const [name, setName] = useState(field?.name ?? '');
  const [kind, setKind] = useState<CustomFieldKind>(field?.kind ?? 'text');
  const [choices, setChoices] = useState<EditedChoice[]>(() =>
    field ? field.choices.map((choice) => newChoice(choice.label, choice.id)) : [newChoice(), newChoice()],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Options left empty are not options (the form starts with two blank boxes).
  const filled = choices.filter((choice) => choice.label.trim() !== '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setErrors({});
    setFormError(null);
    try {
      if (field) {
        await invoke('customFields.update', {
          id: field.id,
          patch: { name, ...(field.kind === 'choice' ? { choices: filled.map(({ id, label }) => (id ? { id, label } : { label })) } : {}) },
        });
      } else {
        await invoke('customFields.create', { name, kind, ...(kind === 'choice' ? { choices: filled.map((choice) => choice.label) } : {}) });
        setName('');
        setKind('text');
        setChoices([newChoice(), newChoice()]);
      }
      onDone();
    } catch (error) {
      const fields = Object.fromEntries(Object.entries(errorsByField(t, error)).map(([key, message]) => [key.split('.')[0], message]));
      setErrors(fields);
      if (!fields.name && !fields.choices && !fields.kind) setFormError(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="cf-form" onSubmit={(event) => void save(event)} noValidate aria-label={field ? t('editTitle', { name: field.name }) : t('new')}>
      <div className="cf-form-row">
        <Field label={t('field.name')} error={errors.name}>
          {(control) => <input className="input" {...control} type="text" maxLength={60} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        {!field && (
          <Field label={t('kind.label')} error={errors.kind}>
            {(control) => (
              <select className="select" {...control} value={kind} onChange={(event) => setKind(event.target.value as CustomFieldKind)}>
                {customFieldKinds.map((value) => (
                  <option key={value} value={value}>
                    {t(`kind.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {(field?.kind ?? kind) === 'choice' && <ChoicesEditor choices={choices} onChange={setChoices} error={errors.choices} />}
      <FormError message={formError} />
      <div className="rec-form-actions">
        {onCancel && <Button onClick={onCancel}>{t('common:actions.cancel')}</Button>}
        <Button type="submit" variant="primary" disabled={pending}>
          {field ? t('save') : t('add')}
        </Button>
      </div>
    </form>
  );
}
