import { useId } from 'react';

/**
 * A segmented control: radio buttons that look like a button group, so arrows move between choices and screen
 * readers announce "1 of 3" as for any radio group.
 */
export function Segmented<V extends string>({
  label,
  value,
  onChange,
  options,
  showLabel = false,
}: {
  label: string;
  /** Show the group's name above it (otherwise it is only announced). */
  showLabel?: boolean;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: string }[];
}) {
  const name = useId();
  return (
    <fieldset className="rec-segmented">
      <legend className={showLabel ? 'rec-segmented-legend' : 'sr-only'}>{label}</legend>
      {options.map((option) => (
        <label key={option.value} className={`rec-segment${option.value === value ? ' rec-segment-on' : ''}`}>
          <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
