import {
  dateImportFields,
  importLimits,
  requiredImportFields,
  valueMappedFields,
  type ColumnDates,
  type DateOrder,
  type ImportColumn,
  type ImportDuplicate,
  type ImportField,
  type ImportProblem,
  type ImportValueChoice,
  type ParsedInput,
  type ValueMappedField,
} from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { convertRow, type ConvertedRow, type RowPlan } from './convert';
import { detectColumnDates } from './dates';
import { findImportDuplicates } from './duplicates';
import { proposeMapping } from './headers';
import { matchKey } from './keys';
import type { ParsedTable } from './parse';
import { ValueResolver } from './resolve';
import { cellText } from './table';

export type ImportInput = ParsedInput<'imports.preview'>;

export interface Analysis {
  parsed: ParsedTable;
  mapping: (ImportField | null)[];
  columns: ImportColumn[];
  dateOrders: Record<string, DateOrder>;
  values: Partial<Record<ValueMappedField, ImportValueChoice[]>>;
  rows: ConvertedRow[];
  /** Problems of the file and of every row, in row order. */
  problems: ImportProblem[];
  duplicates: ImportDuplicate[];
}

function remembered(fn: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) cache.set(text, (result = fn(text)));
    return result;
  };
}

/** The given mapping fitted to the file's width (a stale one from another file must not point past the end). */
function effectiveMapping(parsed: ParsedTable, given: ImportInput['mapping']): (ImportField | null)[] {
  const width = parsed.table.headers.length;
  if (!given) return proposeMapping(parsed.table.headers);
  return Array.from({ length: width }, (_, column) => given[column] ?? null);
}

function columnsByField(mapping: readonly (ImportField | null)[]): Map<ImportField, number[]> {
  const result = new Map<ImportField, number[]>();
  mapping.forEach((field, column) => {
    if (field === null) return;
    const list = result.get(field) ?? [];
    list.push(column);
    result.set(field, list);
  });
  return result;
}

function samplesOf(parsed: ParsedTable, column: number): string[] {
  const samples: string[] = [];
  for (const row of parsed.table.rows) {
    const text = cellText(row.cells[column] ?? null);
    if (text && !samples.includes(text)) samples.push(text.length > 80 ? `${text.slice(0, 77)}…` : text);
    if (samples.length === 3) break;
  }
  return samples;
}

/** Distinct values of each value-mapped column, most frequent first, with what each maps to. */
function valueChoices(parsed: ParsedTable, columnsOf: Map<ImportField, number[]>, plan: RowPlan) {
  const values: Partial<Record<ValueMappedField, ImportValueChoice[]>> = {};
  for (const field of valueMappedFields) {
    const column = columnsOf.get(field)?.[0];
    if (column === undefined) continue;
    const byKey = new Map<string, { value: string; count: number }>();
    for (const row of parsed.table.rows) {
      const value = cellText(row.cells[column] ?? null);
      if (!value) continue;
      const key = plan.keyOf(value);
      const entry = byKey.get(key);
      if (entry) entry.count += 1;
      else byKey.set(key, { value, count: 1 });
    }
    values[field] = [...byKey]
      .map(([key, { value, count }]) => {
        const { target, recognised } = plan.values.resolve(field, key, value);
        return { key, value, count, target, resolved: target !== undefined && recognised };
      })
      // Unknown values first: they are the ones the user must decide.
      .sort((a, b) => Number(a.resolved) - Number(b.resolved) || b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, importLimits.maxDistinctValues);
  }
  return values;
}

function unmappedRequired(columnsOf: Map<ImportField, number[]>): ImportProblem[] {
  return requiredImportFields
    .filter((field) => !columnsOf.has(field))
    .map((field) => ({
      row: null,
      column: null,
      field,
      code: 'unmapped_required' as const,
      severity: 'error' as const,
      value: null,
      message: `No column is mapped to ${field}`,
    }));
}

/**
 * Everything the preview shows and the run writes, computed the same way for both: the mapping, how dates read,
 * what each value maps to, each row converted and validated, and the duplicates.
 */
export function analyse(db: Database, parsed: ParsedTable, input: ImportInput): Analysis {
  const mapping = effectiveMapping(parsed, input.mapping);
  const columnsOf = columnsByField(mapping);
  const resolver = new ValueResolver(db, input.valueMaps ?? {});

  const dates = new Map<number, ColumnDates>();
  const dateOrders: Record<string, DateOrder> = {};
  for (const field of dateImportFields) {
    for (const column of columnsOf.get(field) ?? []) {
      const detected = detectColumnDates(parsed.table.rows.map((row) => row.cells[column] ?? null));
      dates.set(column, detected);
      if (detected.order) dateOrders[String(column)] = detected.order;
    }
  }
  const chosenOrders = input.settings?.dateOrders ?? {};
  const mapped = new Set(mapping.map((field, column) => (field === null ? -1 : column)));
  const plan: RowPlan = {
    headers: parsed.table.headers,
    columnsOf,
    extraNoteColumns: input.options?.unmappedToNotes ? parsed.table.headers.map((_, column) => column).filter((column) => !mapped.has(column)) : [],
    dateOrder: (column) => chosenOrders[String(column)] ?? dateOrders[String(column)] ?? 'dmy',
    values: resolver,
    keyOf: remembered(matchKey),
    defaultCurrency: (db.sql(`SELECT default_currency FROM profile LIMIT 1`).pluck().get() as string | undefined) ?? 'EUR',
  };

  const missing = unmappedRequired(columnsOf);
  const rows = missing.length > 0 ? [] : parsed.table.rows.map((row) => convertRow(row, plan));
  const problems = [...missing, ...parsed.problems, ...rows.flatMap((row) => row.problems)];
  // A row the file itself could not read (unclosed quote) cannot be imported either.
  const malformed = new Set(parsed.problems.map((problem) => problem.row));
  for (const row of rows) if (malformed.has(row.row)) row.input = null;

  const identities = rows.flatMap((row) => (row.identity ? [{ row: row.row, ...row.identity }] : []));
  return {
    parsed,
    mapping,
    columns: parsed.table.headers.map((header, index) => ({
      index,
      header,
      samples: samplesOf(parsed, index),
      dates: dates.get(index) ?? null,
    })),
    dateOrders,
    values: valueChoices(parsed, columnsOf, plan),
    rows,
    problems,
    duplicates: findImportDuplicates(db, identities),
  };
}

