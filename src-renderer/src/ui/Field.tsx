import { useId, type ReactNode } from 'react';

/** What a control inside a Field must spread on itself so the label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: ReactNode;
  /** A translated message shown under the control and linked to it. */
  error?: string;
  hint?: ReactNode;
  /** A translated caution that does not block saving (shown in place of the hint, linked to the control). */
  warning?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form control with its hint and error: `<Field label=…>{(p) => <input className="input" {...p} />}</Field>`. */
export function Field({ label, error, hint, warning, className, children }: FieldProps) {
  const id = useId();
  const shownWarning = error ? undefined : warning;
  const hintId = hint && !shownWarning ? `${id}-hint` : undefined;
  const warningId = shownWarning ? `${id}-warning` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, warningId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {shownWarning && (
        <span className="field-warning" id={warningId} role="status">
          {shownWarning}
        </span>
      )}
      {hint && !error && !shownWarning && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
