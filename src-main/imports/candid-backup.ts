import type { z } from 'zod';
import {
  backupRowProblems,
  jsonBackupFormat,
  jsonBackupSchema,
  jsonBackupTables,
  type BackupSummary,
  type ImportResult,
  type JsonBackup,
} from '../../src-shared/contract';
import { latestSchemaVersion } from '../../migrations';
import type { WriteContext } from '../changes/writer';
import type { AppContext } from '../context';
import type { Database } from '../db/connection';
import { isSyncedTable } from '../db/columns';
import { syncedTables, type SyncedTable } from '../db/schema';
import { backupBeforeImport } from '../backups';
import type { AppError } from '../../src-shared/errors';
import { importError, type ImportFailure } from './errors';
import type { ParsedBackup } from './parse';

/** Tables every database has from its first start (built-in stages, the profile row): they are updated, not added. */
const builtInTables: readonly SyncedTable[] = ['stages', 'profile', 'automation_settings'];
/** Columns the write path computes itself (identity, the local time cache, the derived current stage). */
const computedColumns = new Set(['id', 'seq', 'updated_at', 'stage_id', 'stage_category', 'stage_changed_at']);
/** Names that must stay unique among live rows: a merged backup reuses the existing row of the same name. */
const uniqueByName: readonly SyncedTable[] = ['companies', 'tags'];
/** Columns that refer to rows of those tables, to follow such a reuse. */
const references: Partial<Record<SyncedTable, Record<string, SyncedTable>>> = {
  applications: { company_id: 'companies' },
  contacts: { company_id: 'companies' },
  application_tags: { tag_id: 'tags' },
};

type Row = Record<string, string | number | null>;

export function isCandidBackup(value: Record<string, unknown>): boolean {
  return value.format === jsonBackupFormat;
}

/** The first of a zod issue's own issues that explains it: a union's alternatives are searched for the telling one. */
function tellingIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const nested = issue.errors.flat().map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
  return nested.find((inner) => inner.code !== 'invalid_type' && inner.code !== 'invalid_value') ?? issue;
}

/**
 * Why a backup was refused, as precisely as the first problem allows: which table, which row (from 1), which
 * column and what is wrong with it, so the user reads more than "not a valid backup". Nothing is imported.
 */
function invalidBackup(parsed: ParsedBackup, error: z.ZodError): AppError {
  const issues = error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const first = tellingIssue(error.issues[0]);
  const [section, table, index, column] = first.path;
  const place =
    section === 'tables' && typeof table === 'string' && typeof index === 'number'
      ? { table, row: index + 1, column: first.code === 'unrecognized_keys' ? first.keys[0] : String(column ?? '') }
      : null;
  const problem = (first as { params?: { problem?: string } }).params?.problem;
  const reason: ImportFailure = !place
    ? 'backup_invalid'
    : first.code === 'unrecognized_keys'
      ? 'backup_unknown_column'
      : problem === backupRowProblems.nul
        ? 'backup_nul_character'
        : problem === 'not_web_link'
          ? 'backup_bad_link'
          : first.code === 'too_big' && first.origin === 'string'
            ? 'backup_text_too_long'
            : 'backup_invalid';
  const where = place ? ` (${place.table}, row ${place.row}, ${JSON.stringify(place.column.slice(0, 80))})` : '';
  return importError('VALIDATION', reason, `${parsed.fileName} is not a valid Candid backup${where}: ${issues.join('; ')}. Nothing was imported.`, {
    fileName: parsed.fileName,
    issues,
    ...(place ? { table: place.table, row: place.row, column: place.column.slice(0, 80) } : {}),
    ...(first.code === 'too_big' ? { max: Number(first.maximum) } : {}),
  });
}

function parseBackup(parsed: ParsedBackup): JsonBackup {
  // A newer Candid's backup may have columns and tables this one does not know: say that, not "invalid".
  const raw = parsed.value as { schemaVersion?: unknown; tables?: unknown };
  const unknown = typeof raw.tables === 'object' && raw.tables !== null ? Object.keys(raw.tables).filter((table) => !isSyncedTable(table)) : [];
  if ((typeof raw.schemaVersion === 'number' && raw.schemaVersion > latestSchemaVersion) || unknown.length > 0) {
    throw importError('VALIDATION', 'backup_too_new', `${parsed.fileName} was written by a newer version of Candid; update Candid to import it`, {
      fileName: parsed.fileName,
      schemaVersion: raw.schemaVersion,
      supportedVersion: latestSchemaVersion,
      tables: unknown.slice(0, 20).map((table) => table.slice(0, 80)),
    });
  }
  const result = jsonBackupSchema.safeParse(parsed.value);
  if (!result.success) throw invalidBackup(parsed, result.error);
  return result.data;
}

/** Empty: nothing but the rows every new database starts with (built-in stages, the profile). */
export function databaseIsEmpty(db: Database): boolean {
  return syncedTables.every((table) => builtInTables.includes(table) || db.sql(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined);
}

function rowsOf(backup: JsonBackup, table: SyncedTable): Row[] {
  return ((backup.tables as Record<string, Row[] | undefined>)[table] ?? []) as Row[];
}

export function summariseBackup(db: Database, parsed: ParsedBackup): BackupSummary {
  const backup = parseBackup(parsed);
  return {
    tables: Object.fromEntries(jsonBackupTables.map((table) => [table, rowsOf(backup, table).length])),
    exportedAt: backup.exportedAt,
    databaseEmpty: databaseIsEmpty(db),
  };
}

function fieldsOf(row: Row, table: SyncedTable, reused: Map<string, string>): Row {
  const fields: Row = {};
  for (const [column, value] of Object.entries(row)) if (!computedColumns.has(column)) fields[column] = value;
  for (const [column] of Object.entries(references[table] ?? {})) {
    const value = fields[column];
    if (typeof value === 'string' && reused.has(value)) fields[column] = reused.get(value)!;
  }
  return fields;
}

/** Writes the backup's rows through the write path; returns rows written per table. */
function writeBackup(db: Database, write: WriteContext, backup: JsonBackup, replace: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  // Merging: backup id -> id of the live row with the same name that is kept instead.
  const reused = new Map<string, string>();
  for (const table of jsonBackupTables) {
    let written = 0;
    for (const row of rowsOf(backup, table)) {
      const id = String(row.id);
      const fields = fieldsOf(row, table, reused);
      if (db.sql(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined) {
        // Into an empty database, the built-in rows take the backup's names and order; a merge keeps what is here.
        if (replace && builtInTables.includes(table) && write.update(table, id, fields)) written += 1;
        continue;
      }
      if (!replace && uniqueByName.includes(table) && row.deleted_at === null) {
        const existing = db.sql(`SELECT id FROM ${table} WHERE name_key = ? AND deleted_at IS NULL`).pluck().get(row.name_key) as string | undefined;
        if (existing) {
          reused.set(id, existing);
          continue;
        }
      }
      write.insert(table, fields, id);
      written += 1;
    }
    counts[table] = written;
  }
  return counts;
}

/**
 * Restores a Candid JSON backup (docs/json-backup.md) through the write path: into an empty database every row
 * comes back as it was (ids, times, deleted rows; `updated_at` becomes the time of the import); into a database
 * with data only when merging, where rows already present are kept and a company or tag of the same name is reused.
 */
export async function importCandidBackup(context: AppContext, parsed: ParsedBackup, merge: boolean): Promise<ImportResult> {
  const backup = parseBackup(parsed);
  const replace = databaseIsEmpty(context.db);
  if (!replace && !merge) {
    throw importError('CONFLICT', 'backup_not_empty', 'The database already has data: a backup is imported into an empty database, or merged', {
      fileName: parsed.fileName,
    });
  }
  const snapshot = await backupBeforeImport(context);
  const tables = context.changes.write((write) => writeBackup(context.db, write, backup, replace));
  return {
    format: 'candid-backup',
    created: tables.applications ?? 0,
    skippedInvalid: 0,
    skippedDuplicates: rowsOf(backup, 'applications').length - (tables.applications ?? 0),
    companiesCreated: tables.companies ?? 0,
    stageEvents: tables.stage_events ?? 0,
    backup: { path: snapshot.path, createdAt: snapshot.createdAt },
    tables,
  };
}
