import {
  customFieldIdOf,
  customFieldLimits,
  customFieldTarget,
  requiredImportFields,
  type CustomFieldTarget,
  type ImportPreview,
  type ImportReason,
  type ImportTarget,
} from '../../src-shared/contract';
import { nameKey } from '../../src-shared/text';
import { parseChoices } from '../custom-fields/queries';
import type { FieldShape } from '../custom-fields/values';
import type { Database } from '../db/connection';
import { importError } from './errors';
import { valueKey } from './keys';
import { looksLikeDate } from './dates';
import { cellText, type Cell, type GridRow } from './table';
import { isPlaceholder } from './values';
import type { Proposal } from './propose';

/**
 * Custom fields as targets of an import (issue 19, item 5): a column maps onto one by `custom:<field id>`; a column
 * whose header is a field's name is proposed for it (an export of Candid heads its custom columns with their names,
 * so an export comes back whole); each value is read by the field's kind.
 */

/** The user's live custom fields, in their order, by target. */
export function importableCustomFields(db: Database): Map<CustomFieldTarget, FieldShape> {
  const rows = db.sql(`SELECT id, name, kind, choices FROM custom_fields WHERE deleted_at IS NULL ORDER BY position, created_at, id`).all() as {
    id: string;
    name: string;
    kind: FieldShape['kind'];
    choices: string;
  }[];
  return new Map(rows.map((row) => [customFieldTarget(row.id), { id: row.id, name: row.name, kind: row.kind, choices: parseChoices(row.choices) }]));
}

/** What the wizard lists: the fields by name, in their order. */
export function describeCustomFields(fields: ReadonlyMap<CustomFieldTarget, FieldShape>): NonNullable<ImportPreview['customFields']> {
  return [...fields].map(([target, field]) => ({ target, name: field.name, kind: field.kind }));
}

/** A mapping may only name live custom fields: one deleted since the wizard opened is refused, by name of the column. */
export function checkCustomTargets(mapping: readonly (ImportTarget | null)[], fields: ReadonlyMap<CustomFieldTarget, FieldShape>, headers: readonly string[]): void {
  mapping.forEach((target, column) => {
    if (customFieldIdOf(target) !== null && !fields.has(target as CustomFieldTarget)) {
      throw importError('VALIDATION', 'unknown_custom_field', `Column ${headers[column] || column + 1} is mapped to a custom field that no longer exists`, {
        column: headers[column] || String(column + 1),
      });
    }
  });
}

/** Whether a value can be the field's: a number for a number field, a date for a date field, an option of a choice. */
function fits(field: FieldShape, cell: Cell, text: string): boolean {
  switch (field.kind) {
    case 'text':
      return true;
    case 'number':
      return typeof cell === 'number' || parseNumberText(text) !== null;
    case 'date':
      return cell instanceof Date || looksLikeDate(cell);
    case 'choice':
      return choiceOf(field, text) !== null;
  }
}

/** How the values of a column judge a field: the reason they give, or null when most of them are not the field's. */
function judgeValues(field: FieldShape, cells: readonly Cell[]): ImportReason[] | null {
  const texts = cells.map((cell) => [cell, cellText(cell)] as const).filter(([, text]) => text !== '' && !isPlaceholder(text));
  if (texts.length === 0 || field.kind === 'text') return [];
  const fitting = texts.filter(([cell, text]) => fits(field, cell, text)).length / texts.length;
  if (fitting < 0.5) return null;
  const code = field.kind === 'number' ? 'numbers' : field.kind === 'date' ? 'dates' : 'vocabulary';
  return code === 'vocabulary' ? [] : [{ code, share: Math.round(fitting * 100) / 100 }];
}

/**
 * Proposes a custom field for each column whose header is its name (case and accents ignored) and whose values fit
 * its kind (`sample`: the first rows). The user's own field wins over a built-in field the header merely resembles
 * (a "Referrer" field over the contact's name), but never takes the company or the position.
 */
export function proposeCustomFields(
  headers: readonly string[],
  sample: readonly GridRow[],
  proposals: Proposal[],
  fields: ReadonlyMap<CustomFieldTarget, FieldShape>,
): void {
  const byName = new Map([...fields].map(([target, field]) => [nameKey(field.name), { target, field }]));
  const taken = new Set<ImportTarget>();
  headers.forEach((header, column) => {
    const match = header ? byName.get(nameKey(header)) : undefined;
    const current = proposals[column]?.field ?? null;
    if (!match || taken.has(match.target) || (current !== null && requiredImportFields.includes(current))) return;
    const reasons = judgeValues(match.field, sample.map((row) => row.cells[column] ?? null));
    if (reasons === null) return;
    proposals[column] = { field: match.target, reasons: [{ code: 'header' }, ...reasons] };
    taken.add(match.target);
  });
}

/** A number as people type it: "12 500,5", "12,500.5", "-3", "1e3"; null when the text is none. */
export function parseNumberText(text: string): number | null {
  let compact = text.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[+-]?[\d.,]+(e[+-]?\d+)?$/i.test(compact)) return null;
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // The later separator is the decimal one; the other groups thousands.
    compact = lastComma > lastDot ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // One comma followed by three digits groups thousands only when there are several groups ("1,234,567").
    compact = /^[+-]?\d{1,3}(,\d{3}){2,}$/.test(compact) ? compact.replace(/,/g, '') : compact.replace(',', '.');
  }
  const value = Number(compact);
  return Number.isFinite(value) && Math.abs(value) <= customFieldLimits.number ? value : null;
}

/** The option of a choice field a text names, case, accents and punctuation ignored; null when none. */
export function choiceOf(field: FieldShape, text: string): string | null {
  const key = valueKey(text);
  return field.choices.find((choice) => valueKey(choice.label) === key)?.id ?? null;
}
