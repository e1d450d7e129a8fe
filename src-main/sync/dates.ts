import { z } from 'zod';
import { isPlausibleDay } from '../../src-shared/contract/dates';
import { syncedColumns } from '../db/columns';
import type { SyncedTable } from '../db/schema';
import { decodeHlc } from '../changes/hlc';
import type { Database } from '../db/connection';
import { forgetMeta, readMetaJson, writeMeta } from '../db/meta';
import type { CustomFieldKind, IgnoredSyncDate } from '../../src-shared/contract';

/**
 * Dates that arrive by sync outside the plausible bounds (src-shared/contract/dates.ts, #19): another device — an
 * older version, a script past its checks — wrote 9999-12-31. Refusing the batch would leave sync stuck forever
 * (every later entry sits behind it), and applying it would let the dashboard span eight thousand years. So the
 * field is not applied (the local value stays), the rest of the entry and of the batch is, and the problem is kept
 * for Settings ▸ Sync to show.
 */

/** The date and time columns of each synced table, by the names the migrations give them. */
const datePattern = /(_on|_at|_since|_until)$|^deadline$|^week_start$/;
export const syncedDateColumns: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(syncedColumns).map(([table, columns]) => [table, new Set<string>(columns.filter((column) => datePattern.test(column)))]),
);

/** Times every row carries: a creation whose own is implausible gets the time of its entry's clock instead. */
const rowTimes = new Set(['created_at', 'updated_at']);

/** Null, or a text in a plausible year. */
export function isPlausibleSyncedDate(value: unknown): boolean {
  return value === null || (typeof value === 'string' && isPlausibleDay(value));
}

export interface IgnoredDate {
  table: SyncedTable;
  rowId: string;
  column: string;
  /** The value as it arrived, cut to 40 characters. */
  value: string;
  /** The entry's clock: when the other device wrote it. */
  hlc: string;
}

/** What a creation's fields become: without the implausible dates, row times taken from the entry's clock. */
export function plausibleCreation(
  table: SyncedTable,
  rowId: string,
  hlc: string,
  fields: Record<string, unknown>,
  ignored: IgnoredDate[],
): Record<string, unknown> {
  const dates = syncedDateColumns.get(table);
  let kept: Record<string, unknown> | null = null;
  if (!dates) return fields;
  for (const column of dates) {
    if (!Object.hasOwn(fields, column) || isPlausibleSyncedDate(fields[column])) continue;
    kept ??= { ...fields };
    ignored.push({ table, rowId, column, value: String(fields[column]).slice(0, 40), hlc });
    if (rowTimes.has(column)) kept[column] = new Date(decodeHlc(hlc).wall).toISOString();
    else delete kept[column];
  }
  return kept ?? fields;
}

const storeKey = 'sync_ignored_dates';
const storedSchema = z.array(
  z.object({
    table: z.string().refine((table): table is SyncedTable => syncedDateColumns.has(table)),
    rowId: z.string(),
    column: z.string(),
    value: z.string(),
    hlc: z.string().regex(/^\d{15}-\d{6}-[0-9a-z-]{1,64}$/),
  }),
);
/** The most recent problems kept: enough to find each, not a log that grows forever. */
export const ignoredDatesKept = 50;

/** A custom field's value left out for not fitting its field's kind (src-main/sync/custom-values.ts). */
function isCustomValue(item: { table: string; column: string }): boolean {
  return item.table === 'application_field_values' && item.column === 'value';
}

/** The field a custom value belongs to, for a person: its name and kind; undefined when the field is gone. */
function customFieldOf(db: Database, rowId: string): IgnoredSyncDate['customField'] {
  const field = db
    .sql(`SELECT f.name, f.kind FROM application_field_values v JOIN custom_fields f ON f.id = v.field_id WHERE v.id = ?`)
    .get(rowId) as { name: string; kind: CustomFieldKind } | undefined;
  return field ? { name: field.name, kind: field.kind } : undefined;
}

export function readIgnoredDates(db: Database): IgnoredDate[] {
  const stored = readMetaJson(db, storeKey, storedSchema) ?? [];
  return stored.filter((item) => syncedDateColumns.get(item.table)?.has(item.column) || isCustomValue(item));
}

/** Adds problems (the same entry seen again, a batch pulled twice, is kept once), the newest last. */
export function recordIgnoredDates(db: Database, problems: readonly IgnoredDate[]): void {
  if (problems.length === 0) return;
  const key = (item: IgnoredDate) => `${item.hlc}\u0000${item.table}\u0000${item.rowId}\u0000${item.column}`;
  const all = new Map(readIgnoredDates(db).map((item) => [key(item), item]));
  for (const item of problems) all.set(key(item), item);
  const kept = [...all.values()].slice(-ignoredDatesKept);
  writeMeta(db, storeKey, JSON.stringify(kept));
}

/** The row's name for a person: its own name or title, or its application's company. */
function subjectOf(db: Database, table: SyncedTable, rowId: string): string | null {
  const columns: readonly string[] = syncedColumns[table];
  const query = (sql: string, id: string) => (db.sql(sql).pluck().get(id) as string | null | undefined) ?? null;
  const companyOf = (applicationId: string) =>
    query(`SELECT c.name FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.id = ?`, applicationId);
  if (table === 'applications') return companyOf(rowId);
  const own = columns.includes('name') ? 'name' : columns.includes('title') ? 'title' : null;
  if (own) return query(`SELECT ${own} FROM ${table} WHERE id = ?`, rowId);
  if (columns.includes('application_id')) {
    const application = query(`SELECT application_id FROM ${table} WHERE id = ?`, rowId);
    return application ? companyOf(application) : null;
  }
  return null;
}

/** The ignored dates for the sync status, newest first. */
export function describeIgnoredDates(db: Database): IgnoredSyncDate[] {
  return readIgnoredDates(db)
    .reverse()
    .map((item) => ({
      table: item.table,
      column: item.column,
      subject: subjectOf(db, item.table, item.rowId),
      value: item.value,
      writtenAt: new Date(decodeHlc(item.hlc).wall).toISOString(),
      ...(isCustomValue(item) ? { customField: customFieldOf(db, item.rowId) } : {}),
    }));
}

export function forgetIgnoredDates(db: Database): void {
  forgetMeta(db, storeKey);
}
