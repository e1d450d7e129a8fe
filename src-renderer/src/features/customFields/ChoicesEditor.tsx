import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../ui/Button';

export interface EditedChoice {
  /** The option's id when it exists already (kept through a rename); none for a new one. */
  id?: string;
  label: string;
  /** A key for React while the label changes. */
  key: string;
}

let nextKey = 0;
export const newChoice = (label = '', id?: string): EditedChoice => ({ id, label, key: `choice-${(nextKey += 1)}` });

/** The options of a choice field: one box each, removed with its button, added at the end. */
export function ChoicesEditor({ choices, onChange, error }: { choices: EditedChoice[]; onChange(choices: EditedChoice[]): void; error?: string }) {
  const { t } = useTranslation('customFields');
  return (
    <fieldset className="cf-choices" aria-invalid={error ? true : undefined}>
      <legend className="field-label">{t('field.choices')}</legend>
      <ol className="cf-choice-list">
        {choices.map((choice, index) => (
          <li key={choice.key} className="cf-choice">
            <input
              className="input input-sm"
              type="text"
              maxLength={80}
              aria-label={t('field.choice', { number: index + 1 })}
              value={choice.label}
              onChange={(event) => onChange(choices.map((other) => (other.key === choice.key ? { ...other, label: event.target.value } : other)))}
            />
            <IconButton
              size="sm"
              icon="close"
              label={t('removeChoice', { label: choice.label || index + 1 })}
              onClick={() => onChange(choices.filter((other) => other.key !== choice.key))}
            />
          </li>
        ))}
      </ol>
      <Button size="sm" icon="plus" onClick={() => onChange([...choices, newChoice()])}>
        {t('addChoice')}
      </Button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
