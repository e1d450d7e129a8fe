import crypto from 'node:crypto';
import type { Database } from '../../../src-main/db/connection';
import { indexedWords } from '../../support/indexed-words';

/** Row count and content hash of one table. */
export interface TableFingerprint {
  rows: number;
  hash: string;
}

const stringify = (row: unknown) =>
  JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value));

/**
 * Where the full-text index keeps its segments: their layout changes when the idle merge runs
 * (src-main/changes/text-index-merge.ts), which also rewrites a segment holding many deleted rows, but not what
 * the index holds. The full-text table is fingerprinted by the words it holds for each row instead.
 */
const segmentTables = new Set(['applications_fts_data', 'applications_fts_idx']);

/**
 * Every table of the file (the change log, the clocks, meta and the full-text index's words included), each
 * reduced to its row count and a hash of its rows. Two equal fingerprints mean nothing was written in between.
 * Rows are sorted as text so the hash does not depend on scan order.
 */
export function databaseFingerprint(db: Database): Record<string, TableFingerprint> {
  const tables = db.sqlite
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const fingerprint: Record<string, TableFingerprint> = {};
  for (const table of tables) {
    if (segmentTables.has(table)) continue;
    const read = table === 'applications_fts' ? indexedWords(db.sqlite) : db.sqlite.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all();
    const rows = read.map(stringify).sort();
    const hash = crypto.createHash('sha256');
    for (const row of rows) hash.update(row).update('\n');
    fingerprint[table] = { rows: rows.length, hash: hash.digest('hex') };
  }
  return fingerprint;
}
