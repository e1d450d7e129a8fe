import type { ReactNode } from 'react';

interface CheckboxGroupProps<V extends string> {
  legend: ReactNode;
  options: readonly { value: V; label: ReactNode }[];
  selected: readonly V[] | undefined;
  onChange(selected: V[]): void;
  className?: string;
}

/** A fieldset of checkboxes choosing several values of one filter. */
export function CheckboxGroup<V extends string>({ legend, options, selected = [], onChange, className }: CheckboxGroupProps<V>) {
  return (
    <fieldset className={['filter-group', className].filter(Boolean).join(' ')}>
      <legend>{legend}</legend>
      <div className="filter-options">
        {options.map((option) => (
          <label className="check" key={option.value}>
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) =>
                onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))
              }
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface RadioGroupProps<V extends string> {
  legend: ReactNode;
  name: string;
  options: readonly { value: V; label: ReactNode }[];
  value: V;
  onChange(value: V): void;
}

/** A fieldset of radio buttons choosing one value. */
export function RadioGroup<V extends string>({ legend, name, options, value, onChange }: RadioGroupProps<V>) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      <div className="filter-options filter-options-row">
        {options.map((option) => (
          <label className="check" key={option.value}>
            <input type="radio" name={name} checked={value === option.value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
