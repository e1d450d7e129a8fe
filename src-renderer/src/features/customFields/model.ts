import type { CustomField } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import type { Formatters } from '../../ui/format';

const none: CustomField[] = [];

/** The user's custom fields, in their order (empty while loading: one array, so memos keep still). */
export function useCustomFields(): CustomField[] {
  return useChannel('customFields.list', undefined).data ?? none;
}

/** Whether a value is a `YYYY-MM-DD` day that exists (2026-02-30 does not). */
function isRealDay(value: string | number): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** A value as shown: a choice's label, a number and a date in the user's language, text as typed. */
export function valueText(field: CustomField, value: string | number | null | undefined, format: Formatters): string {
  if (value === null || value === undefined) return '';
  switch (field.kind) {
    case 'choice':
      return field.choices.find((choice) => choice.id === value)?.label ?? '';
    case 'number':
      return typeof value === 'number' ? format.number(value) : String(value);
    case 'date':
      // Not a real day (arrived by sync before its field's definition, which alone could refuse it: see
      // src-main/sync/custom-values.ts): shown as written rather than letting Intl throw on an invalid date.
      return isRealDay(value) ? format.date(value) : String(value);
    default:
      return String(value);
  }
}

/**
 * A number typed in a box, as people write it: "1500", "1 500", "12,5", "12.5". Empty is no value (null); anything
 * else that is not a number is NaN, for the caller to refuse.
 */
export function parseNumber(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return Number.NaN;
  return Number(compact.replace(',', '.'));
}

/** The table column id of a custom field. */
export const customColumnId = (fieldId: string) => `custom:${fieldId}`;
