import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationFilters, CustomField, CustomFieldFilter } from '../../../../src-shared/contract';
import { CheckboxGroup, RadioGroup } from '../applications/filters/CheckboxGroup';
import { customFilterOf, withCustomFilter } from './filters';
import { parseNumber, useCustomFields } from './model';
import './customFields.css';

/** The filter panel's part for custom fields: one group per field, the kind of condition its kind allows. */
export function CustomFieldFilters({ filters, onChange }: { filters: ApplicationFilters; onChange(filters: ApplicationFilters): void }) {
  const fields = useCustomFields();
  return (
    <>
      {fields.map((field) => (
        <FieldFilter key={field.id} field={field} filter={customFilterOf(filters, field.id)} onChange={(patch) => onChange(withCustomFilter(filters, field.id, patch))} />
      ))}
    </>
  );
}

function FieldFilter({ field, filter, onChange }: { field: CustomField; filter: CustomFieldFilter; onChange(patch: Partial<CustomFieldFilter>): void }) {
  const { t } = useTranslation('customFields');
  const id = useId();
  const presence = filter.empty === undefined ? 'any' : filter.empty ? 'empty' : 'filled';
  return (
    <div className="filter-custom">
      {field.kind === 'choice' && (
        <CheckboxGroup
          legend={field.name}
          options={field.choices.map((choice) => ({ value: choice.id, label: choice.label }))}
          selected={filter.choices}
          onChange={(choices) => onChange({ choices: choices.length > 0 ? choices : undefined })}
          className="filter-scroll"
        />
      )}
      {field.kind === 'text' && (
        <fieldset className="filter-group">
          <legend>{field.name}</legend>
          <TextBox label={t('filter.contains', { field: field.name })} value={filter.text} onCommit={(text) => onChange({ text: text.trim() || undefined })} />
        </fieldset>
      )}
      {field.kind === 'number' && (
        <fieldset className="filter-group">
          <legend>{field.name}</legend>
          <div className="filter-range">
            <TextBox label={t('filter.min', { field: field.name })} value={filter.min?.toString()} numeric onCommit={(text) => onChange({ min: parseNumber(text) ?? undefined })} />
            <span aria-hidden="true">–</span>
            <TextBox label={t('filter.max', { field: field.name })} value={filter.max?.toString()} numeric onCommit={(text) => onChange({ max: parseNumber(text) ?? undefined })} />
          </div>
        </fieldset>
      )}
      {field.kind === 'date' && (
        <fieldset className="filter-group">
          <legend>{field.name}</legend>
          <div className="filter-range">
            <input type="date" className="input input-sm" aria-label={t('filter.from', { field: field.name })} value={filter.from ?? ''} onChange={(event) => onChange({ from: event.target.value || undefined })} />
            <span aria-hidden="true">–</span>
            <input type="date" className="input input-sm" aria-label={t('filter.to', { field: field.name })} value={filter.to ?? ''} onChange={(event) => onChange({ to: event.target.value || undefined })} />
          </div>
        </fieldset>
      )}
      <RadioGroup
        legend={<span className="sr-only">{`${field.name} · ${t('filter.presence')}`}</span>}
        name={`${id}-presence`}
        value={presence}
        options={[
          { value: 'any', label: t('filter.any') },
          { value: 'filled', label: t('filter.filled') },
          { value: 'empty', label: t('filter.empty') },
        ]}
        onChange={(value) => onChange({ empty: value === 'any' ? undefined : value === 'empty' })}
      />
    </div>
  );
}

/** A box whose text counts once the user leaves it or presses Enter (no list refresh per key). */
function TextBox({ label, value, numeric = false, onCommit }: { label: string; value: string | undefined; numeric?: boolean; onCommit(text: string): void }) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  // Cleared or set from elsewhere (a chip): the box follows.
  if (value !== shown) {
    setShown(value);
    setText(value ?? '');
  }
  const commit = () => {
    const invalid = numeric && Number.isNaN(parseNumber(text));
    if (!invalid && text.trim() !== (value ?? '')) onCommit(text);
  };
  return (
    <input
      className="input input-sm"
      type="text"
      inputMode={numeric ? 'decimal' : undefined}
      aria-label={label}
      aria-invalid={numeric && Number.isNaN(parseNumber(text)) ? true : undefined}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
