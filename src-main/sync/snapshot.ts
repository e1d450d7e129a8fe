import fs from 'node:fs';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import zlib from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { putSnapshotResponse, snapshotHeaders } from '../../src-shared/sync-protocol';
import { wholeRow, type Change } from '../changes/writer';
import { newId } from '../changes/ids';
import type { AppContext } from '../context';
import { syncedTables } from '../db/schema';
import type { SyncClient } from './client';
import type { SyncKeys } from './crypto';
import type { EntryParser, WireEntry } from './entries';
import { clockedRowsShape, clockedRowsSql, coveredFields, type CreationColumns } from './creation-entry';
import { SyncFailure } from './failure';
import { fetchSealedObject, putSealedObject } from './sealed-object';
import { openStream, sealStream, type ChunkAad } from './sealed-stream';
import type { SyncStateRow } from './state';

/**
 * Snapshots (docs/sync.md, "Snapshots and compaction"): every row of the synced tables with its per-field clocks,
 * as entries — one `*` entry with the fields written by the row's creation (or its newest one), one field entry
 * per field written since — so that applying one merges by last writer wins. NDJSON after a header line,
 * deflated, sealed in chunks. Tables go in `syncedTables` order, parents before the rows that refer to them.
 */

/** Entries applied per transaction while bootstrapping. */
const applyEntries = 5000;

/** A file of the data folder's sync-tmp folder (made if missing). */
export function tempFile(context: AppContext, name: string): string {
  const dir = path.join(context.dataDir, 'sync-tmp');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/**
 * The entries of one row, read as an array (its clocks first) of the table's `columns`, from its clocks: none for a
 * row never written through the change log (built-in rows).
 */
function rowEntries(table: string, columns: CreationColumns, id: number, values: readonly unknown[]): WireEntry[] {
  if (values[0] === null) return [];
  const clocks = JSON.parse(values[0] as string) as Record<string, string>;
  const rowId = values[id] as string;
  const entries: WireEntry[] = [];
  if (clocks[wholeRow] !== undefined) entries.push([clocks[wholeRow], table, rowId, wholeRow, coveredFields(columns, values, clocks)]);
  for (let at = 0; at < columns.names.length; at += 1) {
    const own = clocks[columns.names[at]!];
    if (own !== undefined) entries.push([own, table, rowId, columns.names[at]!, values[columns.indexes[at]!]]);
  }
  return entries;
}

/** Every entry of a snapshot of this database, row after row, tables in `syncedTables` order (see the top). */
export function* snapshotEntries(reader: BetterSqlite3.Database): Generator<WireEntry> {
  for (const table of syncedTables) {
    const statement = reader.prepare(clockedRowsSql(table, 'ORDER BY t.id')).raw(true);
    const { columns, id } = clockedRowsShape(statement, null);
    for (const values of statement.iterate() as IterableIterator<unknown[]>) yield* rowEntries(table, columns, id, values);
  }
}

/** A snapshot this device stored on the server. */
export interface StoredSnapshot {
  id: string;
  covers: number;
}

/**
 * Makes and uploads a snapshot covering the cursor, when this device has pushed everything and pulled up to it.
 * Read on a connection of its own inside one read transaction (WAL), so the app writes on meanwhile and the
 * snapshot is one consistent state; skipped (null) when that state is not "everything pushed".
 */
export async function makeSnapshot(context: AppContext, client: SyncClient, keys: SyncKeys): Promise<StoredSnapshot | null> {
  const reader = new BetterSqlite3(context.db.path, { readonly: true, fileMustExist: true, nativeBinding: context.db.options.nativeBinding });
  const snapshotId = newId();
  const file = tempFile(context, `snapshot-${snapshotId}.out`);
  try {
    reader.exec('BEGIN');
    const current = reader.prepare(`SELECT * FROM sync_state WHERE id = 1`).get() as SyncStateRow | undefined;
    if (!current) return null;
    const unformed = reader.prepare(`SELECT 1 FROM change_log WHERE seq > ? AND origin = 'local' LIMIT 1`).get(current.formed_through);
    if (unformed || reader.prepare(`SELECT 1 FROM sync_outbox LIMIT 1`).get()) return null;
    const covers = current.cursor;
    if (covers === 0) return null;

    async function* lines(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${JSON.stringify({ v: 1, covers })}\n`);
      let text = '';
      let count = 0;
      for (const entry of snapshotEntries(reader)) {
        text += `${JSON.stringify(entry)}\n`;
        count += 1;
        if (text.length > 256 * 1024) {
          yield Buffer.from(text);
          text = '';
        }
        // The iterator holds the reader only; the app's connection is free. Still, let other work run.
        if (count % 5000 === 0) await nextTurn();
      }
      if (text) yield Buffer.from(text);
    }

    await writeSealed(file, keys.snapshot, keys.snapshotAad(snapshotId), lines());
    reader.exec('COMMIT');

    // Null: another device stored one covering as much or more meanwhile, nothing to do.
    if (!(await putSealedObject(client, '/sync/snapshot', { id: snapshotId, covers }, file, putSnapshotResponse))) return null;
    return { id: snapshotId, covers };
  } finally {
    reader.close();
    fs.rmSync(file, { force: true });
  }
}

/** Deflates and seals a stream of plaintext pieces into a new file (mode 0600). */
export async function writeSealed(file: string, key: Uint8Array, aad: ChunkAad, plaintext: AsyncIterable<Buffer>): Promise<void> {
  const deflated = Readable.from(plaintext).pipe(zlib.createDeflateRaw({ level: 6 }));
  const out = fs.createWriteStream(file, { mode: 0o600 });
  for await (const chunk of sealStream(key, aad, deflated)) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export interface DownloadedSnapshot {
  /** The cursor the snapshot covers. */
  covers: number;
  /** Its entries, a few thousand at a time, a row's entries never split (the file is removed at the end). */
  groups: AsyncGenerator<Change[]>;
}

/**
 * Downloads the server's snapshot, checking it whole as it arrives, before anything of it is applied: a connection
 * lost half-way, or a tampered or truncated snapshot, changes nothing. Null when the server has none.
 */
export async function downloadSnapshot(context: AppContext, client: SyncClient, keys: SyncKeys, parser: EntryParser): Promise<DownloadedSnapshot | null> {
  const fetched = await fetchSealedObject(client, '/sync/snapshot', snapshotHeaders, 'The snapshot');
  if (!fetched) return null;
  const { response, id: snapshotId, covers } = fetched;
  const file = tempFile(context, `snapshot-${snapshotId}.in`);
  try {
    const out = fs.createWriteStream(file, { mode: 0o600 });
    async function* toFile(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
      for await (const chunk of source) {
        // A copy to the file: the stream may reuse the chunk's memory once it is handed on, before the write lands.
        if (!out.write(Buffer.from(chunk))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        yield chunk;
      }
    }
    try {
      // Opened as it arrives (the download and the check overlap); opened again below to be applied.
      for await (const _ of openStream(keys.snapshot, keys.snapshotAad(snapshotId), toFile(Readable.fromWeb(response.body as never)), 'snapshot')) void _;
    } finally {
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  return { covers, groups: snapshotGroups(keys, parser, snapshotId, covers, file) };
}

/** The lines of a byte stream (UTF-8), its errors thrown where they are read. */
async function* textLines(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of source) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/** The groups of entries of a downloaded snapshot file (removed at the end), its errors thrown where they are read. */
export async function* snapshotGroups(keys: SyncKeys, parser: EntryParser, snapshotId: string, covers: number, file: string): AsyncGenerator<Change[]> {
  try {
    // pipeline, not pipe: a failure of the opening (a tampered file) must end the loop below with it, not go
    // unheard as an 'error' event (which ends the whole process).
    const inflated = pipeline(
      Readable.from(openStream(keys.snapshot, keys.snapshotAad(snapshotId), fs.createReadStream(file), 'snapshot')),
      zlib.createInflateRaw(),
      () => undefined,
    );
    let header: { v?: unknown; covers?: unknown } | undefined;
    let group: unknown[] = [];
    let lastRow: unknown;
    for await (const line of textLines(inflated)) {
      if (line === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new SyncFailure('tampered', 'The snapshot holds a line that is not JSON');
      }
      if (header === undefined) {
        header = (value ?? {}) as { v?: unknown; covers?: unknown };
        if (header.v !== 1) throw new SyncFailure('incompatible', 'The snapshot is of a format this version does not read');
        if (header.covers !== covers) throw new SyncFailure('tampered', 'The snapshot does not cover what the server says');
        continue;
      }
      // A row's entries stay in one group (one transaction): its creation alone would leave the fields written
      // since at their defaults (an application's company_id '' breaks its foreign key).
      const row = Array.isArray(value) ? value[2] : undefined;
      if (group.length >= applyEntries && row !== lastRow) {
        yield parser.parse(group, 'snapshot');
        group = [];
      }
      group.push(value);
      lastRow = row;
    }
    if (header === undefined) throw new SyncFailure('tampered', 'The snapshot is empty');
    if (group.length > 0) yield parser.parse(group, 'snapshot');
  } finally {
    fs.rmSync(file, { force: true });
  }
}
