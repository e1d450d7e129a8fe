import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { imageHeaders, putImageResponse } from '../../src-shared/sync-protocol';
import { derivedDataPending } from '../changes/bulk-rows';
import { reindexApplications } from '../changes/derive';
import { newId } from '../changes/ids';
import type { AppContext } from '../context';
import type { Database } from '../db/connection';
import { syncedTables } from '../db/schema';
import type { SyncClient } from './client';
import type { SyncKeys } from './crypto';
import { SyncFailure } from './failure';
import { fetchSealedObject, putSealedObject } from './sealed-object';
import { openStream } from './sealed-stream';
import { tempFile, writeSealed, type StoredSnapshot } from './snapshot';
import type { SyncState, SyncStateRow } from './state';
import { fitsKind } from './custom-values';
import { syncedDateColumns } from './dates';
import { earliestPlausibleYear, latestPlausibleYear } from '../../src-shared/contract/dates';
import type { CustomFieldKind } from '../../src-shared/contract';

/**
 * Database images (docs/sync.md, "Database images"): next to a snapshot, the device that made it uploads a fresh
 * SQLite file holding the synced tables, their field clocks and the statistics derived from them (never settings,
 * tokens, paired browsers, the change log or anything else of the device's own), deflated and sealed in chunks like
 * a snapshot. A device with nothing of its own loads it in one transaction of INSERT … SELECT instead of applying
 * the snapshot's entries one by one, then pulls the entries after it as usual.
 *
 * Plaintext: one header line (JSON, `imageHeader`), then the bytes of the SQLite file.
 */

/** The tables an image carries besides the synced ones: their clocks, and derived data that is a pure function of them. */
export const imageExtraTables = ['row_clocks', 'statistics_facts', 'statistics_cells', 'statistics_skill_months', 'statistics_month_cells'] as const;
/** Longest header line read before the file's bytes (it is a few dozen bytes). */
const headerMaxBytes = 4096;

const imageHeader = z.object({
  v: z.literal(1),
  /** The schema version (PRAGMA user_version) of the database the image was made from. */
  schema: z.int(),
  /** The cursor the image covers: the same as its snapshot's. */
  covers: z.int().min(0),
  /** The newest clock of the device that made it: a device loading it must tick after it. */
  hlc: z.string().min(1),
});
export type ImageHeader = z.infer<typeof imageHeader>;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Makes and uploads the image of a snapshot this device just stored, from one read transaction of its own
 * connection (the app writes on meanwhile). Skipped (false) when the database no longer stands where the snapshot
 * did: the next snapshot will carry one.
 */
export async function makeImage(context: AppContext, client: SyncClient, keys: SyncKeys, snapshot: StoredSnapshot): Promise<boolean> {
  const imageId = newId();
  const databaseFile = tempFile(context, `image-${imageId}.sqlite`);
  const sealedFile = tempFile(context, `image-${imageId}.out`);
  try {
    // In the jobs' worker: copying the tables is seconds of work at 100,000 applications, not for main's thread.
    const header = await context.jobs.run('sync.writeImage', { file: databaseFile, covers: snapshot.covers });
    if (!header) return false;
    async function* plaintext(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${JSON.stringify(header)}\n`);
      for await (const chunk of fs.createReadStream(databaseFile, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
    }
    await writeSealed(sealedFile, keys.image, keys.imageAad(imageId), plaintext());
    fs.rmSync(databaseFile, { force: true });
    // False: a newer snapshot replaced this one meanwhile, and its device brings its own image.
    return await putSealedObject(client, '/sync/image', { id: imageId, snapshot: snapshot.id }, sealedFile, putImageResponse);
  } finally {
    fs.rmSync(databaseFile, { force: true });
    fs.rmSync(sealedFile, { force: true });
  }
}

/**
 * Writes the image's database: the app's database attached, its tables copied in one read transaction
 * (WAL: one consistent state). Null when that state is not the snapshot's: not everything pushed, or another cursor.
 */
export function writeImageDatabase(context: AppContext, file: string, covers: number): ImageHeader | null {
  const image = new BetterSqlite3(file, { nativeBinding: context.db.options.nativeBinding });
  try {
    image.pragma('journal_mode = OFF');
    image.pragma('synchronous = OFF');
    // Only read (SQLite here takes no URI filenames, so no `mode=ro`).
    image.prepare(`ATTACH ? AS source`).run(context.db.path);
    image.exec('BEGIN');
    const state = image.prepare(`SELECT * FROM source.sync_state WHERE id = 1`).get() as SyncStateRow | undefined;
    if (!state || state.cursor !== covers) return null;
    if (image.prepare(`SELECT 1 FROM source.change_log WHERE seq > ? AND origin = 'local' LIMIT 1`).get(state.formed_through)) return null;
    if (image.prepare(`SELECT 1 FROM source.sync_outbox LIMIT 1`).get()) return null;
    const hlc = image.prepare(`SELECT value FROM source.meta WHERE key = 'hlc_last'`).pluck().get() as string | undefined;
    if (!hlc) return null;
    const schema = copyImageTables(image);
    image.exec('COMMIT');
    image.exec('DETACH source');
    return { v: 1, schema, covers, hlc };
  } finally {
    image.close();
  }
}

/**
 * Copies the tables an image carries from the database attached as `source` into the connection's main one
 * (empty), inside the caller's transaction; returns the source's schema version.
 */
export function copyImageTables(image: BetterSqlite3.Database): number {
  for (const table of [...syncedTables, ...imageExtraTables]) {
    if (!tableExists(image, 'source', table)) continue;
    image.exec(`CREATE TABLE main.${quoted(table)} AS SELECT * FROM source.${quoted(table)}`);
  }
  return image.prepare(`PRAGMA source.user_version`).pluck().get() as number;
}

function tableExists(db: BetterSqlite3.Database, schema: string, table: string): boolean {
  return db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

/** Whether this device has nothing of its own: no row written through its change log, no bulk bootstrap under way. */
export function hasNothingOfItsOwn(db: Database): boolean {
  if (derivedDataPending(db)) return false;
  return db.sql(`SELECT 1 FROM row_clocks LIMIT 1`).get() === undefined && db.sql(`SELECT 1 FROM applications LIMIT 1`).get() === undefined;
}

export interface DownloadedImage {
  header: ImageHeader;
  /** The image's SQLite file (the caller removes it). */
  file: string;
}

/**
 * Downloads the current snapshot's image, opening, checking and inflating it as it arrives into a temp file; the
 * file is used only once the whole stream passed its check. Null when the server has none, or when it was made at
 * a schema this version does not load (the entries then serve). A tampered, truncated or wrong-key image throws
 * `tampered` and leaves nothing behind.
 */
export async function downloadImage(context: AppContext, client: SyncClient, keys: SyncKeys): Promise<DownloadedImage | null> {
  const fetched = await fetchSealedObject(client, '/sync/image', imageHeaders, 'The database image');
  if (!fetched) return null;
  const { response, id: imageId, covers } = fetched;
  const file = tempFile(context, `image-${imageId}.in.sqlite`);
  try {
    const header = await openImageStream(keys, imageId, Readable.fromWeb(response.body as never), file);
    if (header.covers !== covers) throw new SyncFailure('tampered', 'The database image does not cover what the server says');
    if (header.schema !== (context.db.sqlite.pragma('user_version', { simple: true }) as number)) {
      fs.rmSync(file, { force: true });
      return null;
    }
    return { header, file };
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/** Opens and inflates a sealed image stream: returns its header, writes the database's bytes to `file`. */
export async function openImageStream(keys: SyncKeys, imageId: string, sealed: AsyncIterable<Uint8Array>, file: string): Promise<ImageHeader> {
  const tampered = (why: string) => new SyncFailure('tampered', `The database image failed its integrity check (${why})`);
  const out = fs.createWriteStream(file, { mode: 0o600 });
  let header: ImageHeader | undefined;
  let pending = Buffer.alloc(0);
  try {
    // pipeline: a failure of the opening (a tampered stream) ends the loop below with it.
    const inflated = pipeline(Readable.from(openStream(keys.image, keys.imageAad(imageId), sealed, 'database image')), zlib.createInflateRaw(), () => undefined);
    for await (const piece of inflated as AsyncIterable<Buffer>) {
      let bytes = piece;
      if (!header) {
        pending = Buffer.concat([pending, piece]);
        const end = pending.indexOf(0x0a);
        if (end < 0) {
          if (pending.length > headerMaxBytes) throw tampered('no header');
          continue;
        }
        header = parseHeader(pending.subarray(0, end).toString('utf8'), tampered);
        bytes = pending.subarray(end + 1);
      }
      if (!out.write(bytes)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  } catch (error) {
    if (error instanceof SyncFailure) throw error;
    // zlib's own errors: what opened is not what was sealed.
    throw tampered(error instanceof Error ? error.message : String(error));
  } finally {
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  if (!header) throw tampered('no header');
  return header;
}

function parseHeader(text: string, tampered: (why: string) => SyncFailure): ImageHeader {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw tampered('its header is not JSON');
  }
  if ((value as { v?: unknown } | null)?.v !== 1) throw new SyncFailure('incompatible', 'The database image is of a format this version does not read');
  const parsed = imageHeader.safeParse(value);
  if (!parsed.success) throw tampered('bad header');
  return parsed.data;
}

/** The columns of a table in one schema of a connection, in order. */
function columnsOf(db: Database, schema: string, table: string): string[] {
  return db.sql(`SELECT name FROM pragma_table_info(?, ?)`).pluck().all(table, schema) as string[];
}

/**
 * Loads a downloaded image into this device (in the jobs' worker: at 100,000 applications it is 10 s of work, which
 * main's thread, answering the interface, must not do), in one transaction: every synced table's rows (upserted over the
 * built-in rows every device has), their clocks and the statistics, copied with INSERT … SELECT; the current stage
 * comes with the applications' rows; the full-text index is built again from the rows in one statement. The
 * clock moves past the image's, and the cursor to what it covers. False (nothing written) when this device wrote
 * something of its own meanwhile.
 */
/** What became of an image: loaded; not, this device wrote something of its own meanwhile; not, its entries must
 * serve (it holds a value the entry path leaves out, see `leftOutByEntries`). */
export type ImageLoad = 'loaded' | 'ownData' | 'needsEntries';

export function loadImage(context: AppContext, state: SyncState, image: DownloadedImage): ImageLoad {
  const { db, changes } = context;
  // One transaction: once it starts, it ends whole or not at all (no cancel halfway).
  context.job?.progress('applying');
  context.job?.commitPoint();
  db.sql(`ATTACH ? AS image`).run(image.file);
  try {
    const loaded = db.transaction((): ImageLoad => {
      if (!hasNothingOfItsOwn(db)) return 'ownData';
      if (leftOutByEntries(db)) return 'needsEntries';
      // Parents come first in syncedTables, but a row may point at a later row of its own table.
      db.sqlite.pragma('defer_foreign_keys = ON');
      for (const table of syncedTables) copyRows(db, table, true);
      for (const table of imageExtraTables) copyRows(db, table, false);
      const applications = new Set(db.sql(`SELECT id FROM main.applications`).pluck().all() as string[]);
      db.sql(`DELETE FROM main.applications_fts`).run();
      reindexApplications(db, applications, applications);
      changes.clock.observe(image.header.hlc);
      db.sql(`INSERT INTO meta (key, value) VALUES ('hlc_last', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(changes.clock.tick());
      state.update({ cursor: image.header.covers });
      return 'loaded';
    });
    if (loaded === 'loaded') changes.announce([...syncedTables], 'remote');
    return loaded;
  } finally {
    db.sql(`DETACH image`).run();
  }
}

/**
 * Whether the attached image holds a value the entry path would leave out (and list in Settings ▸ Sync): a synced
 * date that is not a plausible day (src-main/sync/dates.ts), a custom field's value not of its field's kind
 * (custom-values.ts). Another version of Candid, or a database written past the checks, may hold one; an image is
 * copied as it is, so such a device joins by the snapshot's entries instead, which leave them out one by one.
 */
function leftOutByEntries(db: Database): boolean {
  // isPlausibleSyncedDate in SQL: null, or text that starts with a year within the bounds and a dash.
  const bounds = [earliestPlausibleYear, latestPlausibleYear()];
  for (const [table, columns] of syncedDateColumns) {
    if (columns.size === 0 || columnsOf(db, 'image', table).length === 0) continue;
    const implausible = [...columns].map((name) => {
      const column = quoted(name);
      return `(${column} IS NOT NULL AND NOT (typeof(${column}) = 'text' AND ${column} GLOB '[0-9][0-9][0-9][0-9]-*' AND CAST(substr(${column}, 1, 4) AS INTEGER) BETWEEN ? AND ?))`;
    });
    const parameters = [...columns].flatMap(() => bounds);
    if (db.sql(`SELECT 1 FROM image.${quoted(table)} WHERE ${implausible.join(' OR ')} LIMIT 1`).get(...parameters)) return true;
  }
  if (columnsOf(db, 'image', 'application_field_values').length === 0) return false;
  const values = db
    .sql(
      `SELECT f.kind, v.value FROM image.application_field_values v JOIN image.custom_fields f ON f.id = v.field_id
       WHERE f.kind IN ('date', 'number') AND v.value IS NOT NULL`,
    )
    .raw();
  for (const [kind, value] of values.iterate() as Iterable<[CustomFieldKind, unknown]>) {
    if (!fitsKind(kind, value)) return true;
  }
  return false;
}

/**
 * Copies one table of the image into this database's. A synced table keeps the rows every device is born with
 * (the built-in stages, the profile) and takes the image's version of them; derived tables are replaced whole.
 */
function copyRows(db: Database, table: string, synced: boolean): void {
  const columns = columnsOf(db, 'main', table);
  if (columns.length === 0) return;
  const present = new Set(columnsOf(db, 'image', table));
  if (present.size === 0) throw new SyncFailure('tampered', `The database image lacks the table ${table}`);
  const missing = columns.filter((column) => !present.has(column));
  if (missing.length > 0) throw new SyncFailure('tampered', `The database image lacks ${table}.${missing[0]}`);
  const list = columns.map(quoted).join(', ');
  if (!synced) {
    db.sql(`DELETE FROM main.${quoted(table)}`).run();
    db.sql(`INSERT INTO main.${quoted(table)} (${list}) SELECT ${list} FROM image.${quoted(table)}`).run();
    return;
  }
  // The device's own row numbers stay for the rows it has (`seq` is local, see docs/sync.md).
  const updated = columns.filter((column) => column !== 'id' && column !== 'seq').map((column) => `${quoted(column)} = excluded.${quoted(column)}`);
  db.sql(
    `INSERT INTO main.${quoted(table)} (${list}) SELECT ${list} FROM image.${quoted(table)} WHERE true
     ON CONFLICT (id) DO UPDATE SET ${updated.join(', ')}`,
  ).run();
}
