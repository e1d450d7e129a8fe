import type { Writable } from 'node:stream';
import { jsonBackupFormat, jsonBackupFormatVersion, jsonBackupTables, type ExportResult } from '../../src-shared/contract';
import type { AppContext } from '../context';
import type { Database } from '../db/connection';
import { syncedTables } from '../db/schema';
import { deliverExport, type Produced } from './output';
import { withSnapshot } from './snapshot';
import { readBatches } from './table';
import { TextWriter } from './text-writer';

/** Local row numbers that mean nothing outside this file. */
const localOnlyColumns: Partial<Record<string, string[]>> = { applications: ['seq'] };

/** Every synced table: the documented ones in import order, then any a later migration added. */
function backupTables(db: Database, schema: string): string[] {
  const present = new Set(db.sql(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table'`).pluck(true).all() as string[]);
  const ordered = [...jsonBackupTables, ...syncedTables.filter((table) => !(jsonBackupTables as readonly string[]).includes(table))];
  return ordered.filter((table) => present.has(table));
}

async function writeTable(db: Database, schema: string, table: string, writer: TextWriter): Promise<number> {
  const dropped = ['_key', ...(localOnlyColumns[table] ?? [])];
  let count = 0;
  const query = {
    keys: { sql: `SELECT rowid FROM ${schema}.${table} ORDER BY rowid`, params: [] },
    rows: { sql: `SELECT rowid AS _key, * FROM ${schema}.${table} WHERE rowid IN (SELECT value FROM json_each(?))`, params: [] },
  };
  for await (const batch of readBatches<Record<string, unknown>>(db, query)) {
    for (const row of batch) {
      for (const column of dropped) delete row[column];
      await writer.write(`${count === 0 ? '\n' : ',\n'}      ${JSON.stringify(row)}`);
      count += 1;
    }
  }
  await writer.write(count === 0 ? ']' : '\n    ]');
  return count;
}

/**
 * The JSON backup (docs/json-backup.md): a header, then every synced table with every row as stored, soft-deleted
 * rows included, read from one consistent snapshot. One row per line keeps it readable and diffable.
 */
export async function writeJsonBackup(context: AppContext, out: Writable, now = new Date()): Promise<Produced> {
  return withSnapshot(context.db, context.dataDir, async (schema) => {
    const writer = new TextWriter(out);
    const schemaVersion = context.db.sql(`PRAGMA ${schema}.user_version`).pluck(true).get() as number;
    const header = {
      format: jsonBackupFormat,
      formatVersion: jsonBackupFormatVersion,
      schemaVersion,
      appVersion: context.version,
      exportedAt: now.toISOString(),
    };
    await writer.write(`${JSON.stringify(header, null, 2).slice(0, -2)},\n  "tables": {`);
    let rows = 0;
    const tables = backupTables(context.db, schema);
    for (const [index, table] of tables.entries()) {
      await writer.write(`${index === 0 ? '' : ','}\n    ${JSON.stringify(table)}: [`);
      rows += await writeTable(context.db, schema, table, writer);
    }
    await writer.write('\n  }\n}\n');
    await writer.end();
    return { rows };
  });
}

/** Everything, as a versioned JSON document an importer can restore without loss. */
export function exportJson(context: AppContext, options: { path?: string } = {}): Promise<ExportResult> {
  return deliverExport(context, 'json', options.path, (out) => writeJsonBackup(context, out));
}
