import zlib from 'node:zlib';
import { z } from 'zod';
import type { Change, ChangeWriter, Fields, SqlValue } from '../changes/writer';
import { syncedTables, type SyncedTable } from '../db/schema';
import { fromBase64Url, open, seal, toBase64Url, type SyncKeys } from './crypto';
import type { Database } from '../db/connection';
import { isPlausibleSyncedDate, plausibleCreation, syncedDateColumns, type IgnoredDate } from './dates';
import { CustomValueKinds, fitsKind } from './custom-values';
import { SyncFailure } from './failure';

/**
 * Change-log entries as they travel: `[hlc, table, rowId, column, value]`, where the value of a row creation
 * (column `*`) is the object of its fields rather than their JSON text. A batch seals
 * `{"v":1,"entries":[…]}`, deflated, with the batch key (docs/sync.md, "Batches").
 */
export type WireEntry = [string, string, string, string, unknown];

export function toWire(change: Change): WireEntry {
  const value = change.column === '*' ? JSON.parse(String(change.value)) : change.value;
  return [change.hlc, change.table, change.rowId, change.column, value];
}

const hlcPattern = /^\d{15}-\d{6}-[0-9a-z-]{1,64}$/;
const rowIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const maxText = 5_000_000;

/**
 * The rules an entry must meet, as a schema: the reference EntryParser's hand-written checks must agree with
 * (test/sync/entries.test.ts compares them on random input). Columns are checked against the schema of the
 * database besides.
 */
export const sqlValueSchema = z.union([z.string().max(maxText), z.number().finite(), z.null()]);
export const wireEntrySchema = z.tuple([
  z.string().regex(hlcPattern),
  z.string(),
  z.string().regex(rowIdPattern),
  z.string(),
  z.union([sqlValueSchema, z.record(z.string(), sqlValueSchema)]),
]);

function isSqlValue(value: unknown): value is SqlValue {
  return value === null || (typeof value === 'string' ? value.length <= maxText : typeof value === 'number' && Number.isFinite(value));
}

/**
 * Parses entries from elsewhere: known tables, the synced columns of this database's schema only, SQL values
 * only. What does not parse is refused whole, before anything is applied.
 *
 * Where this runs, the entries were opened from a sealed batch or snapshot: the AEAD has authenticated them as
 * written by a device holding the account's key, and zod has already checked the server's answer around them
 * (src-shared/sync-protocol.ts). The checks here are still every rule of `wireEntrySchema` (plus the columns),
 * written by hand: zod's per-value cost was a sixth of a joining device's work at 100,000 applications.
 */
export class EntryParser {
  private readonly columns = new Map<string, ReadonlySet<string>>();
  /**
   * The implausible dates left out of what `parse` returned since the last `takeIgnored` (src-main/sync/dates.ts):
   * such a field is not applied, the rest is.
   */
  private ignored: IgnoredDate[] = [];
  /** The kinds of custom fields, to check their values (src-main/sync/custom-values.ts); read from `db` when given. */
  private readonly customValues: CustomValueKinds;

  constructor(writer: ChangeWriter, db?: Database) {
    for (const table of syncedTables) this.columns.set(table, new Set(Object.keys(writer.columnDefaults(table))));
    this.customValues = new CustomValueKinds(db);
  }

  parse(raw: unknown, what: string): Change[] {
    const refuse = (why: string) => new SyncFailure('tampered', `The ${what} holds an entry this device refuses (${why})`);
    if (!Array.isArray(raw)) throw refuse('not a list');
    const changes: Change[] = new Array(raw.length);
    let skipped = 0;
    for (let index = 0; index < raw.length; index += 1) {
      const item: unknown = raw[index];
      if (!Array.isArray(item) || item.length !== 5) throw refuse(`entry ${index} is not [hlc, table, row, column, value]`);
      const [stamp, table, row, column, value] = item as unknown[];
      if (typeof stamp !== 'string' || !hlcPattern.test(stamp)) throw refuse(`entry ${index}: bad clock`);
      const columns = typeof table === 'string' ? this.columns.get(table) : undefined;
      if (!columns) throw refuse(`entry ${index}: unknown table`);
      if (typeof row !== 'string' || !rowIdPattern.test(row)) throw refuse(`entry ${index}: bad row id`);
      if (column === '*') {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse(`entry ${index}: a creation without fields`);
        const fields = value as Record<string, unknown>;
        for (const name in fields) {
          if (!Object.hasOwn(fields, name)) continue;
          if (!columns.has(name)) throw refuse(`entry ${index}: unknown column ${String(table)}.${name.slice(0, 64)}`);
          if (!isSqlValue(fields[name])) throw refuse(`entry ${index}: ${name} is not an SQL value`);
        }
        this.customValues.learn(table as string, row, fields);
        let plausible = plausibleCreation(table as SyncedTable, row, stamp, fields, this.ignored);
        if (table === 'application_field_values' && Object.hasOwn(fields, 'value') && !this.fitsField(fields.field_id, fields.value)) {
          this.ignoreCustomValue(row, stamp, fields.value);
          plausible = { ...plausible };
          delete plausible.value;
        }
        changes[index - skipped] = { hlc: stamp, table: table as SyncedTable, rowId: row, column, value: JSON.stringify(plausible), fields: plausible as Fields };
        continue;
      }
      if (typeof column !== 'string' || !columns.has(column)) throw refuse(`entry ${index}: unknown column ${String(table)}.${String(column).slice(0, 64)}`);
      if (!isSqlValue(value)) throw refuse(`entry ${index}: not an SQL value`);
      if (syncedDateColumns.get(table as string)?.has(column) && !isPlausibleSyncedDate(value)) {
        this.ignored.push({ table: table as SyncedTable, rowId: row, column, value: String(value).slice(0, 40), hlc: stamp });
        skipped += 1;
        continue;
      }
      if (table === 'application_field_values' && column === 'value' && !fitsKind(this.customValues.kindOfRow(row), value)) {
        this.ignoreCustomValue(row, stamp, value);
        skipped += 1;
        continue;
      }
      changes[index - skipped] = { hlc: stamp, table: table as SyncedTable, rowId: row, column, value };
    }
    if (skipped > 0) changes.length = raw.length - skipped;
    return changes;
  }

  /**
   * The implausible dates left out since the last call (then forgotten here). Called once what was parsed is
   * applied: the value rows noted while parsing are then in the database, so the parser forgets them too.
   */
  takeIgnored(): IgnoredDate[] {
    const taken = this.ignored;
    this.ignored = [];
    this.customValues.forgetRows();
    return taken;
  }

  private fitsField(fieldId: unknown, value: unknown): boolean {
    return typeof fieldId !== 'string' || fitsKind(this.customValues.kindOfField(fieldId), value);
  }

  /** A custom field's value that does not fit its kind: left out like an implausible date, listed the same way. */
  private ignoreCustomValue(rowId: string, hlc: string, value: unknown): void {
    this.ignored.push({ table: 'application_field_values', rowId, column: 'value', value: String(value).slice(0, 40), hlc });
  }
}

export function sealBatch(keys: SyncKeys, batchId: string, entries: readonly WireEntry[]): string {
  const plaintext = zlib.deflateRawSync(Buffer.from(JSON.stringify({ v: 1, entries })));
  return toBase64Url(seal(keys.batch, plaintext, keys.batchAad(batchId)));
}

/** Opens and parses a pulled batch; refuses it whole (`tampered`) when anything about it is wrong. */
export function openBatch(keys: SyncKeys, parser: EntryParser, batchId: string, payload: string): Change[] {
  const tampered = new SyncFailure('tampered', `Batch ${batchId} failed its integrity check`);
  const plaintext = open(keys.batch, fromBase64Url(payload), keys.batchAad(batchId), tampered);
  let body: unknown;
  try {
    body = JSON.parse(zlib.inflateRawSync(plaintext, { maxOutputLength: 256 * 1024 * 1024 }).toString('utf8'));
  } catch {
    throw new SyncFailure('tampered', `Batch ${batchId} does not hold entries`);
  }
  if (typeof body !== 'object' || body === null || (body as { v?: unknown }).v !== 1) {
    throw new SyncFailure('incompatible', `Batch ${batchId} is of a format this version does not read`);
  }
  return parser.parse((body as { entries?: unknown }).entries, `batch ${batchId}`);
}
