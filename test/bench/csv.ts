import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import type { CachedDatabase } from './cache';

const stageLabels: Record<string, string> = {
  wishlist: 'Wishlist',
  applied: 'Applied',
  screening: 'Phone screen',
  interviewing: 'Interviewing',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  ghosted: 'No answer',
};

/**
 * The CSV to import, as another tracker would export it: one row per application of the cached database of the
 * same size, with the usual column names, quoted multi-line notes and tags. Built once beside the database.
 */
export function importCsvFor(cached: CachedDatabase): string {
  const file = path.join(cached.dir, 'import.csv');
  if (fs.existsSync(file)) return file;
  const db = new BetterSqlite3(cached.file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT c.name AS Company, a.position AS Position, a.applied_on AS "Applied on", a.stage_category AS Status,
         a.source AS Source, a.employment_type AS "Contract type", a.work_mode AS "Work mode", a.location AS Location,
         a.posting_url AS Link, substr(a.notes, 1, 500) AS Notes,
         (SELECT group_concat(t.name, ', ') FROM application_tags at JOIN tags t ON t.id = at.tag_id WHERE at.application_id = a.id) AS Tags
       FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.deleted_at IS NULL ORDER BY a.seq`,
    )
    .all() as Record<string, string | null>[];
  db.close();
  for (const row of rows) row.Status = stageLabels[row.Status ?? ''] ?? row.Status;
  const building = `${file}.building`;
  fs.writeFileSync(building, Papa.unparse(rows, { newline: '\r\n' }));
  fs.renameSync(building, file);
  return file;
}
