import { importLimits } from '../../src-shared/contract';
import { importError } from './errors';
import type { Cell, GridRow } from './table';

export type JsonContent = { kind: 'rows'; headers: string[]; grid: GridRow[] } | { kind: 'object'; value: Record<string, unknown> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // A list of words (tags, skills) reads as one text; anything else keeps its JSON so nothing is lost.
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join(', ');
  return JSON.stringify(value);
}

/** The array of records in a JSON document: the document itself, or its first property holding one. */
function recordsOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value)) {
    for (const inner of Object.values(value)) if (Array.isArray(inner) && inner.length > 0 && isPlainObject(inner[0])) return inner;
  }
  return null;
}

/**
 * The fields of a record, one level of nesting flattened ("contact": {"name", "email"} gives "contact.name" and
 * "contact.email"), as trackers' APIs nest a contact or a company in an application.
 */
function fieldsOf(record: Record<string, unknown>): [string, unknown][] {
  const fields: [string, unknown][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (isPlainObject(value) && Object.values(value).every((inner) => !isPlainObject(inner))) {
      for (const [inner, innerValue] of Object.entries(value)) fields.push([`${key}.${inner}`, innerValue]);
    } else fields.push([key, value]);
  }
  return fields;
}

/**
 * Parses JSON text. An array of objects (what older trackers export, e.g. {entreprise, poste, date_candidature…})
 * becomes rows whose columns are the keys in order of first appearance; other objects are returned whole so the
 * caller can recognise a Candid backup.
 */
export function readJson(text: string, fileName: string, isBackup: (value: Record<string, unknown>) => boolean): JsonContent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw importError('VALIDATION', 'bad_json', `${fileName} is not valid JSON: ${error instanceof Error ? error.message.slice(0, 160) : ''}`, {
      fileName,
    });
  }
  if (isPlainObject(value) && isBackup(value)) return { kind: 'object', value };
  const records = recordsOf(value);
  if (!records) {
    throw importError('VALIDATION', 'json_shape', `${fileName} holds no list of applications (expected an array of objects)`, { fileName });
  }
  if (records.length > importLimits.maxRows) {
    throw importError('TOO_LARGE', 'too_many_rows', `${fileName} has more than ${importLimits.maxRows} rows; split it to import it`, {
      fileName,
      limit: importLimits.maxRows,
    });
  }
  const headers: string[] = [];
  const indexOf = new Map<string, number>();
  const grid: GridRow[] = [];
  for (const [index, record] of records.entries()) {
    if (!isPlainObject(record)) {
      throw importError('VALIDATION', 'json_shape', `Item ${index + 1} of ${fileName} is not an object`, { fileName, row: index + 1 });
    }
    const cells: Cell[] = [];
    for (const [key, field] of fieldsOf(record)) {
      let column = indexOf.get(key);
      if (column === undefined) {
        if (headers.length >= importLimits.maxColumns) continue;
        column = headers.push(key) - 1;
        indexOf.set(key, column);
      }
      cells[column] = toCell(field);
    }
    grid.push({ row: index + 1, cells: Array.from(cells, (cell) => cell ?? null) });
  }
  return { kind: 'rows', headers, grid };
}
