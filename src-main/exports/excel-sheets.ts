import type { ApplicationFilters } from '../../src-shared/contract';
import { customValueColumns, customValueColumnsSql } from '../custom-fields/exports';
import type { FieldShape } from '../custom-fields/values';
import type { ExportReader } from './reader';
import { batchSize, nextTurn, type TableSpec } from './table';
import {
  applicationColumns,
  applicationOrder,
  companyColumns,
  filtered,
  tagNamesSql,
  interviewColumns,
  narrowsSelection,
  relatedTables,
  stageEventColumns,
  type ApplicationRow,
  type CompanyRow,
  type InterviewRow,
  type StageEventRow,
} from './tables';

/**
 * The Excel export's sheets, the same rows in the same order as the queries of tables.ts (which the CSV, the
 * calendar and the second sheet thread still use; test/exports/excel-writer.test.ts compares the workbooks cell by
 * cell), for less reading: at 100,000 applications those joined every row to its company and stage through their
 * text keys, looked each application's tags up row by row, and the stage history walked every application again
 * in the order of an index (random page reads of the whole applications table) to reach its events.
 * - Company and stage names are looked up in memory (every company and stage read once: about 3 MB). Tags stay in
 *   the query: a map of each application's tags cost about 35 MB of peak RSS for no measured gain.
 * - The applications sheet remembers the rowids it wrote, in its order (8 bytes each), and how many per company:
 *   the stage history reads those applications a slice at a time, each slice's in rowid order (pages read in file
 *   order), and the companies sheet counts from it.
 */

interface StageName {
  name: string | null;
  category: string;
}

/** Names the sheets show instead of keys, read once. */
interface Lookups {
  /** Every company, deleted ones too: the join this replaces did not look at deleted_at. */
  companyNames: Map<string, string>;
  /** Every stage, as the LEFT JOINs read them. */
  stages: Map<string, StageName>;
}

function readLookups(reader: ExportReader): Lookups {
  const companyNames = new Map<string, string>();
  reader.each({ sql: 'SELECT id, name FROM companies', params: [] }, ([id, name]) => companyNames.set(id as string, name as string));
  const stages = new Map<string, StageName>();
  reader.each({ sql: 'SELECT id, name, category FROM stages', params: [] }, ([id, name, category]) =>
    stages.set(id as string, { name: name as string | null, category: category as string }),
  );
  return { companyNames, stages };
}

/** The applications written, in the sheet's order (their rowids: a few bytes each), and how many per company. */
class WrittenApplications {
  readonly seqs: number[] = [];
  readonly perCompany = new Map<string, number>();

  add(row: StoredApplication): void {
    this.seqs.push(row.seq);
    this.perCompany.set(row.company_id, (this.perCompany.get(row.company_id) ?? 0) + 1);
  }
}

type StoredApplication = ApplicationRow & { seq: number; company_id: string; stage_id: string };

/** Applications whose stage history is read at once: enough to make each query worth it, a few thousand events. */
const historySlice = 2_000;

/**
 * The stage history in the order of stageHistoryTable: application by application in the applications sheet's
 * order, each one's events by (occurred_at, rowid). Each slice reads its applications by rowid in rowid order (each
 * page once), and their events through the index on (application_id, occurred_at).
 */
async function* stageHistoryBatches(reader: ExportReader, written: WrittenApplications, lookups: Lookups): AsyncGenerator<StageEventRow[]> {
  const sql = `SELECT a.seq, a.id, a.position, a.company_id, e.occurred_at, e.note, e.from_stage_id, e.to_stage_id
    FROM applications a JOIN stage_events e ON e.application_id = a.id AND e.deleted_at IS NULL
    WHERE a.seq IN (SELECT value FROM json_each(?))
    ORDER BY a.seq, e.occurred_at, e.rowid`;
  let batch: StageEventRow[] = [];
  for (let start = 0; start < written.seqs.length; start += historySlice) {
    const seqs = written.seqs.slice(start, start + historySlice);
    const events = reader.all({ sql, params: [JSON.stringify(seqs)] }) as [number, string, string, string, string, string | null, string | null, string | null][];
    // The events come grouped by application: where each one's group starts and ends.
    const groups = new Map<number, [number, number]>();
    for (let index = 0; index < events.length; index += 1) {
      const group = groups.get(events[index][0]);
      if (group) group[1] = index + 1;
      else groups.set(events[index][0], [index, index + 1]);
    }
    for (const seq of seqs) {
      const group = groups.get(seq);
      if (!group) continue;
      for (let index = group[0]; index < group[1]; index += 1) {
        const [, applicationId, position, companyId, occurredAt, note, fromId, toId] = events[index];
        const from = fromId === null ? undefined : lookups.stages.get(fromId);
        const to = toId === null ? undefined : lookups.stages.get(toId);
        batch.push({
          application_id: applicationId,
          occurred_at: occurredAt,
          note,
          company_name: lookups.companyNames.get(companyId)!,
          position,
          from_name: from?.name ?? null,
          from_category: from?.category ?? null,
          to_name: to?.name ?? null,
          to_category: to?.category ?? null,
        });
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
          await nextTurn();
        }
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** The workbook's sheets, in order, read in one pass over the applications (see above). */
export function excelSheets(reader: ExportReader, filters: ApplicationFilters, fields: readonly FieldShape[]) {
  const lookups = readLookups(reader);
  const written = new WrittenApplications();
  const { where, params } = filtered(filters);
  const custom = customValueColumnsSql(fields);
  const narrow = narrowsSelection(filters);

  const applications: TableSpec<ApplicationRow> = {
    sheet: 'applications',
    columns: [...applicationColumns, ...customValueColumns<ApplicationRow>(fields)],
    select: {
      sql: `SELECT a.*, ${tagNamesSql}${custom.sql} FROM applications a WHERE ${where} ORDER BY ${applicationOrder}`,
      params: [...custom.params, ...params],
    },
    derived: {
      company_name: (row: StoredApplication) => lookups.companyNames.get(row.company_id),
      stage_name: (row: StoredApplication) => lookups.stages.get(row.stage_id)?.name ?? null,
    },
    // The join with companies left out an application whose company is missing.
    keep: (row: StoredApplication) => {
      if (!lookups.companyNames.has(row.company_id)) return false;
      written.add(row);
      return true;
    },
  };

  const interviews: TableSpec<InterviewRow> = {
    sheet: 'interviews',
    columns: interviewColumns,
    select: {
      sql: `SELECT i.*, a.position, a.company_id AS application_company_id FROM interviews i JOIN applications a ON a.id = i.application_id
        WHERE i.deleted_at IS NULL AND ${where} ORDER BY i.scheduled_at, i.rowid`,
      params,
    },
    derived: { company_name: (row: InterviewRow & { application_company_id: string }) => lookups.companyNames.get(row.application_company_id) },
    keep: (row: InterviewRow & { application_company_id: string }) => lookups.companyNames.has(row.application_company_id),
  };

  const companies: TableSpec<CompanyRow> = {
    sheet: 'companies',
    columns: companyColumns,
    select: { sql: 'SELECT co.* FROM companies co WHERE co.deleted_at IS NULL ORDER BY co.name_key, co.rowid', params: [] },
    derived: { application_count: (row: CompanyRow) => written.perCompany.get(row.id) ?? 0 },
    keep: narrow ? (row: CompanyRow) => written.perCompany.has(row.id) : undefined,
  };

  const stageHistory: TableSpec<StageEventRow> = {
    sheet: 'stageHistory',
    columns: stageEventColumns,
    select: { sql: '', params: [] },
    batches: (from) => stageHistoryBatches(from, written, lookups),
  };

  return [applications, interviews, companies, relatedTables.contacts(filters), stageHistory] as TableSpec<never>[];
}
