import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import type { FieldControlProps } from './Field';

interface ChipsInputProps extends Partial<FieldControlProps> {
  values: string[];
  onChange(values: string[]): void;
  placeholder?: string;
  /** Suggestions offered by the browser while typing (a <datalist>). */
  suggestions?: string[];
  onBlur?(): void;
}

/**
 * A list of short texts (tags, skills) typed as chips: Enter or comma adds, Backspace in an empty box removes
 * the last, each chip has a remove button. Duplicates (case-insensitive) are ignored.
 */
export function ChipsInput({ values, onChange, placeholder, suggestions, onBlur, ...control }: ChipsInputProps) {
  const { t } = useTranslation('common');
  const [text, setText] = useState('');
  const listId = control.id ? `${control.id}-suggestions` : undefined;

  const add = (raw: string) => {
    const additions = raw
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    const next = [...values];
    for (const value of additions) {
      if (!next.some((existing) => existing.toLocaleLowerCase() === value.toLocaleLowerCase())) next.push(value);
    }
    if (next.length !== values.length) onChange(next);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',') && text.trim()) {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };

  return (
    <div className="chips-input" data-invalid={control['aria-invalid'] || undefined}>
      {values.map((value) => (
        <span className="chip" key={value}>
          <span>{value}</span>
          <button
            type="button"
            aria-label={t('chips.remove', { value })}
            title={t('chips.remove', { value })}
            onClick={() => onChange(values.filter((existing) => existing !== value))}
          >
            <Icon name="close" size={12} />
          </button>
        </span>
      ))}
      <input
        {...control}
        className="chips-input-text"
        value={text}
        list={suggestions ? listId : undefined}
        placeholder={values.length === 0 ? placeholder : undefined}
        onChange={(event) => {
          const value = event.target.value;
          if (value.endsWith(',')) add(value);
          else setText(value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (text.trim()) add(text);
          onBlur?.();
        }}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </div>
  );
}
