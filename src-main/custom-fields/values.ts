import { v5 as uuidv5 } from 'uuid';
import { calendarDate, customFieldLimits, type CustomFieldChoice, type CustomFieldKind, type CustomFieldValue } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';

/** The namespace of value row ids (a fixed random UUID: only its stability matters). */
const valueIdNamespace = '6f1f3c2e-8a4b-4d0e-9b7a-2c5d1e8f4a90';

/**
 * The id of the row holding one application's value of one field: the same on every device, so that values set
 * on two devices are one row that sync merges (last writer wins), never two rows for one cell.
 */
export function valueRowId(applicationId: string, fieldId: string): string {
  return uuidv5(`${applicationId}/${fieldId}`, valueIdNamespace);
}

export interface FieldShape {
  id: string;
  name: string;
  kind: CustomFieldKind;
  choices: CustomFieldChoice[];
}

function refuse(message: string, path = 'value'): AppError {
  return new AppError('VALIDATION', `Invalid input: ${path}: ${message}`, { issues: [{ path, code: 'invalid_value', message }] });
}

/**
 * The SQL value to store for a field, checked against its kind: text trimmed (empty means none), a finite number,
 * a real calendar date, the id of one of the field's options. Null clears. Anything else is refused, naming `path`.
 */
export function checkValue(field: FieldShape, value: CustomFieldValue, path = 'value'): string | number | null {
  if (value === null) return null;
  switch (field.kind) {
    case 'text': {
      if (typeof value !== 'string') throw refuse('must be text', path);
      const text = value.trim();
      if (text.length > customFieldLimits.text) throw refuse(`must be at most ${customFieldLimits.text} characters`, path);
      return text === '' ? null : text;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw refuse('must be a number', path);
      if (Math.abs(value) > customFieldLimits.number) throw refuse(`must be at most ${customFieldLimits.number}`, path);
      return value;
    case 'date':
      if (typeof value !== 'string' || !calendarDate.safeParse(value).success) throw refuse('must be a real calendar date', path);
      return value;
    case 'choice':
      if (typeof value !== 'string' || !field.choices.some((choice) => choice.id === value)) throw refuse(`must be one of the choices of ${field.name}`, path);
      return value;
  }
}
