import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { errorMessage } from '../../ui/issues';
import { errorsByField } from '../shared/fieldErrors';

/**
 * A name and an Add button (a new stage, a new source). The field empties once added; a refusal (empty, already
 * exists…) shows under it, translated. `compact` keeps the label for screen readers only, the placeholder says it.
 */
export function AddNameForm({
  label,
  placeholder,
  compact = false,
  onAdd,
}: {
  label: string;
  placeholder?: string;
  compact?: boolean;
  onAdd: (name: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await onAdd(name);
      setName('');
    } catch (failure) {
      setError(errorsByField(t, failure).name ?? errorMessage(t, failure));
    }
  };

  return (
    <form className="st-add" onSubmit={(event) => void submit(event)} noValidate>
      <Field label={label} error={error} className={compact ? 'st-add-field' : undefined}>
        {(control) => (
          <div className="st-add-row">
            <input
              className={compact ? 'input input-sm' : 'input'}
              {...control}
              type="text"
              value={name}
              maxLength={80}
              placeholder={placeholder}
              onChange={(event) => setName(event.target.value)}
            />
            <Button type="submit" size="sm">
              {t('common:actions.add')}
            </Button>
          </div>
        )}
      </Field>
    </form>
  );
}
