import zlib from 'node:zlib';
import { z } from 'zod';
import type { Change, ChangeWriter, SqlValue } from '../changes/writer';
import { syncedTables, type SyncedTable } from '../db/schema';
import { fromBase64Url, open, seal, toBase64Url, type SyncKeys } from './crypto';
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

const hlc = z.string().regex(/^\d{15}-\d{6}-[0-9a-z-]{1,64}$/);
const rowId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const sqlValue = z.union([z.string().max(5_000_000), z.number().finite(), z.null()]);

/**
 * Parses entries from elsewhere: known tables, the synced columns of this database's schema only, SQL values
 * only. What does not parse is refused whole, before anything is applied.
 */
export class EntryParser {
  private readonly columns = new Map<SyncedTable, ReadonlySet<string>>();

  constructor(writer: ChangeWriter) {
    for (const table of syncedTables) this.columns.set(table, new Set(Object.keys(writer.columnDefaults(table))));
  }

  parse(raw: unknown, what: string): Change[] {
    const refuse = (why: string) => new SyncFailure('tampered', `The ${what} holds an entry this device refuses (${why})`);
    if (!Array.isArray(raw)) throw refuse('not a list');
    return raw.map((item, index) => {
      if (!Array.isArray(item) || item.length !== 5) throw refuse(`entry ${index} is not [hlc, table, row, column, value]`);
      const [stamp, table, row, column, value] = item as WireEntry;
      if (!hlc.safeParse(stamp).success) throw refuse(`entry ${index}: bad clock`);
      const columns = this.columns.get(table as SyncedTable);
      if (!columns) throw refuse(`entry ${index}: unknown table`);
      if (!rowId.safeParse(row).success) throw refuse(`entry ${index}: bad row id`);
      if (column === '*') {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse(`entry ${index}: a creation without fields`);
        for (const [name, field] of Object.entries(value)) {
          if (!columns.has(name)) throw refuse(`entry ${index}: unknown column ${table}.${name.slice(0, 64)}`);
          if (!sqlValue.safeParse(field).success) throw refuse(`entry ${index}: ${name} is not an SQL value`);
        }
        return { hlc: stamp, table: table as SyncedTable, rowId: row, column, value: JSON.stringify(value) };
      }
      if (!columns.has(column)) throw refuse(`entry ${index}: unknown column ${String(table)}.${String(column).slice(0, 64)}`);
      if (!sqlValue.safeParse(value).success) throw refuse(`entry ${index}: not an SQL value`);
      return { hlc: stamp, table: table as SyncedTable, rowId: row, column, value: value as SqlValue };
    });
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
