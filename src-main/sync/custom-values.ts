import { calendarDate, type CustomFieldKind } from '../../src-shared/contract';
import type { Database } from '../db/connection';

/**
 * Custom field values arriving by sync (#19): `application_field_values.value` is ANY, its kind is in another row
 * (custom_fields.kind, set when the field is created and never changed). A date value is checked as every other
 * synced date is (src-main/sync/dates.ts): a real, plausible day, or it is left out and listed; a number value must
 * be a finite number. Text and choice values are not checked here: a choice's option may arrive after the value, and
 * the read side already shows an unknown option as none.
 *
 * The kind is known when the field is in this database or its creation came through this parser before the value
 * (the same batch, an earlier batch of the same run, the snapshot a device joins from: definitions are created
 * before values are set, so they come first in the log). When the definition arrives after its value (a value's
 * field unknown here), the value cannot be judged and is accepted: the read side bears it instead — the table
 * shows a date that is not a real day as written, range filters match only values of the field's kind, sorts order
 * values as written, exports write them (test/sync/implausible-dates.test.ts reads such values back through all).
 */
export class CustomValueKinds {
  /** Kinds of fields seen so far: learnt from creations that went through the parser, or read from the database. */
  private readonly kinds = new Map<string, CustomFieldKind>();
  /** The field of each value row created in the entries being parsed (forgotten by `forgetRows`). */
  private readonly rowFields = new Map<string, string>();

  constructor(private readonly db: Database | undefined) {}

  /** Notes a custom field's creation, or a value row's, as it passes through the parser. */
  learn(table: string, rowId: string, fields: Record<string, unknown>): void {
    if (table === 'custom_fields' && typeof fields.kind === 'string') this.kinds.set(rowId, fields.kind as CustomFieldKind);
    else if (table === 'application_field_values' && typeof fields.field_id === 'string') this.rowFields.set(rowId, fields.field_id);
  }

  forgetRows(): void {
    this.rowFields.clear();
  }

  /** The kind of a field; null when it is not known here (yet). */
  kindOfField(fieldId: string): CustomFieldKind | null {
    const known = this.kinds.get(fieldId);
    if (known || !this.db) return known ?? null;
    const kind = this.db.sql(`SELECT kind FROM custom_fields WHERE id = ?`).pluck().get(fieldId) as CustomFieldKind | undefined;
    if (kind) this.kinds.set(fieldId, kind);
    return kind ?? null;
  }

  /** The kind of the field a value row belongs to, for a change of its `value` alone. */
  kindOfRow(rowId: string): CustomFieldKind | null {
    let fieldId = this.rowFields.get(rowId);
    if (fieldId === undefined && this.db) fieldId = this.db.sql(`SELECT field_id FROM application_field_values WHERE id = ?`).pluck().get(rowId) as string | undefined;
    return fieldId === undefined ? null : this.kindOfField(fieldId);
  }
}

/** Whether a value may be stored in a field of this kind; an unknown kind (null) cannot be judged, so it may. */
export function fitsKind(kind: CustomFieldKind | null, value: unknown): boolean {
  if (value === null) return true;
  if (kind === 'date') return calendarDate.safeParse(value).success;
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  return true;
}
