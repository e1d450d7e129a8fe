import type { ApplicationFilters } from '../../src-shared/contract';
import { applicationWhere } from '../applications/filters';
import type { ColumnSpec, SqlPart, TableSpec } from './table';
import type { InterviewsTable } from '../db/schema';
import { customValueColumns, customValueColumnsSql, readExportedFields } from '../custom-fields/exports';
import type { FieldShape } from '../custom-fields/values';
import type { ThreadSheet } from './sheet-protocol';
import type { ExportReader } from './reader';
import { readTagNames } from './tag-names';
import { joinList } from './json-list';

/**
 * The applications the filters select, as SQL over `applications a` (with `companies c`): the same WHERE clause as
 * the list and the statistics, so a filtered view, its charts and its export agree.
 */
function filtered(filters: ApplicationFilters) {
  const { clauses, params } = applicationWhere(filters);
  return { where: clauses.join(' AND '), params };
}

/**
 * Whether the filters select fewer applications than "every active one" or "every one": the related sheets
 * (companies, contacts) then keep only what relates to the selected applications. Narrowing is what the filters
 * add to the applications' WHERE clause beyond the archived flag (an empty list or a blank text narrows nothing),
 * or "archived only". "Archived included" widens: it lists every company and contact, as the default export does
 * (it listed only the companies with an application, 14,790 of 25,000 at the bench's 100,000).
 */
export function narrowsSelection(filters: ApplicationFilters): boolean {
  return filters.archived === true || narrowsBeyondArchived(filters);
}

/** Whether a filter other than the archived flag narrows the applications (history-walk.ts reads events by it too). */
export function narrowsBeyondArchived(filters: ApplicationFilters): boolean {
  return applicationWhere({ ...filters, archived: 'all' }).clauses.length > 1;
}

export interface ApplicationRow {
  /** The table's rowid: where the export finds each application's tags (tag-names.ts) and stage history (history-walk.ts). */
  seq: number;
  id: string;
  /** Not a column of the sheet: the companies sheet's counts are taken from the applications written (CompanyCounts). */
  company_id: string;
  company_name: string;
  position: string;
  stage_name: string | null;
  stage_category: string;
  stage_changed_at: string;
  applied_on: string | null;
  employment_type: string | null;
  schedule: string | null;
  work_mode: string | null;
  location: string | null;
  source: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: string | null;
  posting_url: string | null;
  favorite: number;
  archived: number;
  priority: number | null;
  excitement: number | null;
  deadline: string | null;
  first_response_on: string | null;
  required_skills: string;
  preferred_skills: string;
  experience_years: number | null;
  resume_version: string | null;
  notes: string | null;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** The columns of the Applications sheet and of the CSV export; `tagNames`: each application's tags (readTagNames). */
const applicationColumns = (tagNames: ReadonlyMap<number, string>): ColumnSpec<ApplicationRow>[] => [
  { key: 'company', kind: 'text', width: 24, get: (row) => row.company_name },
  { key: 'position', kind: 'text', width: 32, get: (row) => row.position },
  { key: 'stage', kind: 'text', width: 18, get: (row, labels) => labels.stage(row.stage_name, row.stage_category) },
  { key: 'stageCategory', kind: 'text', width: 18, get: (row, labels) => labels.stageCategory(row.stage_category) },
  { key: 'stageChangedAt', kind: 'dateTime', width: 17, get: (row) => row.stage_changed_at },
  { key: 'appliedOn', kind: 'date', width: 12, get: (row) => row.applied_on },
  { key: 'employmentType', kind: 'text', width: 16, get: (row, labels) => labels.employmentType(row.employment_type) },
  { key: 'schedule', kind: 'text', width: 12, get: (row, labels) => labels.schedule(row.schedule) },
  { key: 'workMode', kind: 'text', width: 12, get: (row, labels) => labels.workMode(row.work_mode) },
  { key: 'location', kind: 'text', width: 18, get: (row) => row.location },
  { key: 'source', kind: 'text', width: 18, get: (row, labels) => labels.source(row.source) },
  { key: 'salaryMin', kind: 'money', width: 12, get: (row) => row.salary_min },
  { key: 'salaryMax', kind: 'money', width: 12, get: (row) => row.salary_max },
  { key: 'salaryCurrency', kind: 'text', width: 8, get: (row) => row.salary_currency },
  { key: 'salaryPeriod', kind: 'text', width: 12, get: (row, labels) => labels.salaryPeriod(row.salary_period) },
  { key: 'postingUrl', kind: 'url', width: 40, get: (row) => row.posting_url },
  { key: 'tags', kind: 'text', width: 20, get: (row) => tagNames.get(row.seq) ?? null },
  { key: 'favorite', kind: 'boolean', width: 9, get: (row) => row.favorite },
  { key: 'archived', kind: 'boolean', width: 9, get: (row) => row.archived },
  { key: 'priority', kind: 'integer', width: 8, get: (row) => row.priority },
  { key: 'excitement', kind: 'integer', width: 8, get: (row) => row.excitement },
  { key: 'deadline', kind: 'date', width: 12, get: (row) => row.deadline },
  { key: 'firstResponseOn', kind: 'date', width: 12, get: (row) => row.first_response_on },
  { key: 'requiredSkills', kind: 'text', width: 30, get: (row) => joinList(row.required_skills) },
  { key: 'preferredSkills', kind: 'text', width: 30, get: (row) => joinList(row.preferred_skills) },
  { key: 'experienceYears', kind: 'integer', width: 8, get: (row) => row.experience_years },
  { key: 'resumeVersion', kind: 'text', width: 12, get: (row) => row.resume_version },
  { key: 'notes', kind: 'longText', width: 40, get: (row) => row.notes },
  { key: 'description', kind: 'longText', width: 40, get: (row) => row.description },
  { key: 'createdAt', kind: 'dateTime', width: 17, get: (row) => row.created_at },
  { key: 'updatedAt', kind: 'dateTime', width: 17, get: (row) => row.updated_at },
  { key: 'id', kind: 'text', width: 38, get: (row) => row.id },
];

/**
 * The columns of `applications` the exports read, every field of ApplicationRow but the two joined names. Named
 * rather than `a.*`: the table holds columns no export writes, `posting_text` among them (up to 200,000 characters
 * in overflow pages, each read and made a string for every row). `posting_text` is the record's last column, so
 * reading the ones before it never walks its overflow chain. The type below fails to compile when a field of
 * ApplicationRow is missing here.
 */
const applicationColumnNames = [
  'seq', 'id', 'company_id', 'position', 'stage_category', 'stage_changed_at', 'applied_on', 'employment_type', 'schedule', 'work_mode',
  'location', 'source', 'salary_min', 'salary_max', 'salary_currency', 'salary_period', 'posting_url', 'favorite', 'archived',
  'priority', 'excitement', 'deadline', 'first_response_on', 'required_skills', 'preferred_skills', 'experience_years',
  'resume_version', 'notes', 'description', 'created_at', 'updated_at',
] as const satisfies readonly (keyof ApplicationRow)[];

type Joined = 'company_name' | 'stage_name';
/** Never, unless a field of ApplicationRow is neither selected nor joined: then this line does not compile. */
const everyFieldSelected: Exclude<keyof ApplicationRow, (typeof applicationColumnNames)[number] | Joined> extends never ? true : never = true;
void everyFieldSelected;

/** The order of the applications list, newest applied first: walks the index applications_live_order, no sort. */
const applicationOrder = 'a.applied_on DESC, a.seq DESC';

/**
 * The applications, with their tags (`tagNames`, by application rowid) and a column per custom field (`fields`, in
 * their order) after the built-in ones.
 */
export function applicationsTable(filters: ApplicationFilters, tagNames: ReadonlyMap<number, string>, fields: readonly FieldShape[] = []): TableSpec<ApplicationRow> {
  const { where, params } = filtered(filters);
  const custom = customValueColumnsSql(fields);
  return {
    sheet: 'applications',
    columns: [...applicationColumns(tagNames), ...customValueColumns<ApplicationRow>(fields)],
    select: {
      sql: `SELECT ${applicationColumnNames.map((name) => `a.${name}`).join(', ')}, c.name AS company_name, s.name AS stage_name${custom.sql}
        FROM applications a JOIN companies c ON c.id = a.company_id LEFT JOIN stages s ON s.id = a.stage_id
        WHERE ${where} ORDER BY ${applicationOrder}`,
      params: [...custom.params, ...params],
    },
  };
}

/** The applications sheet (and CSV) of an export: its tags and custom fields read first, in the export's state. */
export async function readApplicationsTable(reader: ExportReader, filters: ApplicationFilters): Promise<TableSpec<ApplicationRow>> {
  const fields = await readExportedFields(reader);
  return applicationsTable(filters, await readTagNames(reader), fields);
}

/** An interview as exported: its columns (but the tombstone) and the application it belongs to. */
export type InterviewRow = Omit<InterviewsTable, 'deleted_at'> & { position: string; company_name: string };

/** The interviews sheet's columns, each interview's application's company and position given by `application`. */
export function interviewColumnsOf<Row extends Omit<InterviewRow, 'company_name' | 'position'>>(
  application: (row: Row) => Pick<InterviewRow, 'company_name' | 'position'>,
): ColumnSpec<Row>[] {
  return [
    { key: 'scheduledAt', kind: 'dateTime', width: 17, get: (row) => row.scheduled_at },
    { key: 'durationMinutes', kind: 'integer', width: 10, get: (row) => row.duration_minutes },
    { key: 'company', kind: 'text', width: 24, get: (row) => application(row).company_name },
    { key: 'position', kind: 'text', width: 32, get: (row) => application(row).position },
    { key: 'interviewType', kind: 'text', width: 16, get: (row, labels) => labels.interviewType(row.type) },
    { key: 'interviewFormat', kind: 'text', width: 12, get: (row, labels) => labels.interviewFormat(row.format) },
    { key: 'interviewStatus', kind: 'text', width: 12, get: (row, labels) => labels.interviewStatus(row.status) },
    { key: 'interviewOutcome', kind: 'text', width: 12, get: (row, labels) => labels.interviewOutcome(row.outcome) },
    { key: 'location', kind: 'text', width: 24, get: (row) => row.location },
    { key: 'meetingUrl', kind: 'url', width: 36, get: (row) => row.meeting_url },
    { key: 'interviewers', kind: 'text', width: 28, get: (row) => row.interviewers },
    { key: 'notes', kind: 'longText', width: 40, get: (row) => row.notes },
    { key: 'id', kind: 'text', width: 38, get: (row) => row.id },
    { key: 'applicationId', kind: 'text', width: 38, get: (row) => row.application_id },
  ];
}

export const interviewColumns = interviewColumnsOf<InterviewRow>((row) => row);

/** Interviews of the selected applications, in date order. */
export function interviewsTable(filters: ApplicationFilters): TableSpec<InterviewRow> {
  const { where, params } = filtered(filters);
  return {
    sheet: 'interviews',
    columns: interviewColumns,
    select: {
      sql: `SELECT i.*, a.position, c.name AS company_name
        FROM interviews i JOIN applications a ON a.id = i.application_id JOIN companies c ON c.id = a.company_id
        WHERE i.deleted_at IS NULL AND ${where} ORDER BY i.scheduled_at, i.rowid`,
      params,
    },
  };
}

export interface CompanyRow {
  id: string;
  name: string;
  website: string | null;
  industry: string | null;
  size: string | null;
  location: string | null;
  notes: string | null;
  created_at: string;
  application_count: number;
}

/** The companies sheet's columns, its count of applications given by `count`. */
function companyColumnsCounting<Row extends Omit<CompanyRow, 'application_count'>>(count: (row: Row) => number): ColumnSpec<Row>[] {
  return [
    { key: 'name', kind: 'text', width: 28, get: (row) => row.name },
    { key: 'website', kind: 'url', width: 32, get: (row) => row.website },
    { key: 'industry', kind: 'text', width: 20, get: (row) => row.industry },
    { key: 'size', kind: 'text', width: 10, get: (row) => row.size },
    { key: 'location', kind: 'text', width: 20, get: (row) => row.location },
    { key: 'applications', kind: 'integer', width: 12, get: count },
    { key: 'notes', kind: 'longText', width: 40, get: (row) => row.notes },
    { key: 'createdAt', kind: 'dateTime', width: 17, get: (row) => row.created_at },
    { key: 'id', kind: 'text', width: 38, get: (row) => row.id },
  ];
}

export const companyColumns = companyColumnsCounting<CompanyRow>((row) => row.application_count);

/**
 * How many of the selected applications went to each company, counted from the applications sheet's rows as they
 * are written (history-walk.ts): the same rows the companies sheet's count per company selects, in the same read
 * transaction. That count looked up every application's row for its filters (`deleted_at`, `archived`) through the
 * index on company_id: about 100,000 random page reads at 100,000 applications.
 */
export class CompanyCounts {
  private readonly counts = new Map<string, number>();

  add(applications: readonly Pick<ApplicationRow, 'company_id'>[]): void {
    for (const { company_id } of applications) this.counts.set(company_id, (this.counts.get(company_id) ?? 0) + 1);
  }

  of(companyId: string): number {
    return this.counts.get(companyId) ?? 0;
  }
}

/**
 * Companies of the selected applications (every company when no filter narrows the view), with how many of the
 * selected applications went to each: counted by SQL, or taken from `counted` once the applications sheet is
 * written (CompanyCounts), which then also tells which companies had selected applications: the selection's
 * subquery read every selected application again (an archived-included export narrows).
 */
export function companiesTable(filters: ApplicationFilters, counted?: CompanyCounts): TableSpec<CompanyRow> {
  const { where, params } = filtered(filters);
  const narrow = narrowsSelection(filters);
  if (counted) {
    return {
      sheet: 'companies',
      columns: companyColumnsCounting<CompanyRow>((row) => counted.of(row.id)),
      select: { sql: `SELECT co.* FROM companies co WHERE co.deleted_at IS NULL ORDER BY co.name_key, co.rowid`, params: [] },
      keep: narrow ? (row) => counted.of(row.id) > 0 : undefined,
    };
  }
  return {
    sheet: 'companies',
    columns: companyColumns,
    select: {
      sql: `SELECT co.*, (SELECT count(*) FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.company_id = co.id AND ${where}) AS application_count
        FROM companies co WHERE co.deleted_at IS NULL
        ${narrow ? `AND co.id IN (SELECT a.company_id FROM applications a JOIN companies c ON c.id = a.company_id WHERE ${where})` : ''}
        ORDER BY co.name_key, co.rowid`,
      params: [...params, ...(narrow ? params : [])],
    },
  };
}

export interface ContactRow {
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  notes: string | null;
  /** Not a column of the sheet: which contacts a narrowed export keeps (ContactedApplications). */
  company_id: string | null;
  company_name: string | null;
  positions: string | null;
}

/** The contacts sheet's columns, each contact's applications ("Company – Position, …") given by `positions`. */
export function contactColumnsOf<Row extends Omit<ContactRow, 'positions'>>(positions: (row: Row) => string | null): ColumnSpec<Row>[] {
  return [
    { key: 'name', kind: 'text', width: 24, get: (row) => row.name },
    { key: 'role', kind: 'text', width: 20, get: (row) => row.role },
    { key: 'company', kind: 'text', width: 24, get: (row) => row.company_name },
    { key: 'email', kind: 'text', width: 28, get: (row) => row.email },
    { key: 'phone', kind: 'text', width: 16, get: (row) => row.phone },
    { key: 'linkedinUrl', kind: 'url', width: 32, get: (row) => row.linkedin_url },
    { key: 'applications', kind: 'text', width: 32, get: positions },
    { key: 'notes', kind: 'longText', width: 40, get: (row) => row.notes },
    { key: 'id', kind: 'text', width: 38, get: (row) => row.id },
  ];
}

export const contactColumns = contactColumnsOf<ContactRow>((row) => row.positions);

/**
 * The contacts the sheet lists, in its order: those linked to the selected applications or working at their
 * companies (every contact when unfiltered). `positions` is an extra column of the SELECT (with its parameters), or
 * nothing when the positions are made elsewhere (contacted-applications.ts).
 */
function contactsSelect(filters: ApplicationFilters, positions?: SqlPart): SqlPart {
  const { where, params } = filtered(filters);
  const narrow = narrowsSelection(filters);
  return {
    sql: `SELECT ct.*, co.name AS company_name${positions ? `, ${positions.sql} AS positions` : ''}
        FROM contacts ct LEFT JOIN companies co ON co.id = ct.company_id AND co.deleted_at IS NULL
        WHERE ct.deleted_at IS NULL
        ${
          narrow
            ? `AND (ct.id IN (SELECT ac.contact_id FROM application_contacts ac JOIN applications a ON a.id = ac.application_id
                  JOIN companies c ON c.id = a.company_id WHERE ac.deleted_at IS NULL AND ${where})
                OR ct.company_id IN (SELECT a.company_id FROM applications a JOIN companies c ON c.id = a.company_id WHERE ${where}))`
            : ''
        }
        ORDER BY ct.name COLLATE NOCASE, ct.rowid`,
    params: [...(positions?.params ?? []), ...(narrow ? [...params, ...params] : [])],
  };
}

/**
 * Every live contact, each without its applications, in the sheet's order: ContactedApplications adds them, and
 * keeps those a narrowing filter selects.
 */
export const everyContactSelect: SqlPart = contactsSelect({});

/**
 * Contacts linked to the selected applications or working at their companies (every contact when unfiltered), each
 * with the selected applications it is linked to, newest applied first; those applied the same day (or both
 * without a date) in the order their links were made (`ac.rowid`), the order SQLite's sort gave them before it was
 * written down here.
 */
export function contactsTable(filters: ApplicationFilters): TableSpec<ContactRow> {
  const { where, params } = filtered(filters);
  return {
    sheet: 'contacts',
    columns: contactColumns,
    select: contactsSelect(filters, {
      sql: `(SELECT group_concat(label, ', ') FROM (SELECT c.name || ' – ' || a.position AS label
            FROM application_contacts ac JOIN applications a ON a.id = ac.application_id JOIN companies c ON c.id = a.company_id
            WHERE ac.contact_id = ct.id AND ac.deleted_at IS NULL AND ${where} ORDER BY a.applied_on DESC, ac.rowid))`,
      params,
    }),
  };
}

export interface StageEventRow {
  application_id: string;
  /** Its stored text, or (held-histories.ts) the milliseconds since 1970 that text is read into. */
  occurred_at: string | number;
  note: string | null;
  company_name: string;
  position: string;
  from_name: string | null;
  from_category: string | null;
  to_name: string | null;
  to_category: string | null;
}

/** A stage's name and category, as a history row shows it. */
export interface HistoryStage {
  name: string | null;
  category: string;
}

/** One event of `application`'s history as its sheet row, its stages looked up by whichever walk read it. */
export function stageEventRow(
  application: Pick<ApplicationRow, 'id' | 'company_name' | 'position'>,
  event: { occurred_at: string | number; note: string | null },
  from: HistoryStage | undefined,
  to: HistoryStage | undefined,
): StageEventRow {
  return {
    application_id: application.id,
    occurred_at: event.occurred_at,
    note: event.note,
    company_name: application.company_name,
    position: application.position,
    from_name: from?.name ?? null,
    from_category: from?.category ?? null,
    to_name: to?.name ?? null,
    to_category: to?.category ?? null,
  };
}

export const stageEventColumns: ColumnSpec<StageEventRow>[] = [
  { key: 'company', kind: 'text', width: 24, get: (row) => row.company_name },
  { key: 'position', kind: 'text', width: 32, get: (row) => row.position },
  { key: 'occurredAt', kind: 'dateTime', width: 17, get: (row) => row.occurred_at },
  { key: 'fromStage', kind: 'text', width: 18, get: (row, labels) => labels.stage(row.from_name, row.from_category) },
  { key: 'toStage', kind: 'text', width: 18, get: (row, labels) => labels.stage(row.to_name, row.to_category) },
  { key: 'stageCategory', kind: 'text', width: 18, get: (row, labels) => labels.stageCategory(row.to_category) },
  { key: 'note', kind: 'longText', width: 40, get: (row) => row.note },
  { key: 'applicationId', kind: 'text', width: 38, get: (row) => row.application_id },
];

/**
 * The stage history of the selected applications, application by application in the order of their sheet, each
 * one's events oldest first: walks the applications in their index order and each one's events through the index
 * on stage_events (application_id, occurred_at), rather than sorting every event of the database.
 */
export function stageHistoryTable(filters: ApplicationFilters): TableSpec<StageEventRow> {
  const { where, params } = filtered(filters);
  return {
    sheet: 'stageHistory',
    columns: stageEventColumns,
    select: {
      sql: `SELECT e.application_id, e.occurred_at, e.note, a.position, c.name AS company_name,
          fs.name AS from_name, fs.category AS from_category, ts.name AS to_name, ts.category AS to_category
        FROM applications a JOIN companies c ON c.id = a.company_id
        JOIN stage_events e ON e.application_id = a.id AND e.deleted_at IS NULL
        LEFT JOIN stages fs ON fs.id = e.from_stage_id LEFT JOIN stages ts ON ts.id = e.to_stage_id
        WHERE ${where} ORDER BY ${applicationOrder}, e.occurred_at, e.rowid`,
      params,
    },
  };
}

/** A stage event as read for a batch of applications (stageEventsOfApplications). */
export interface BatchStageEventRow {
  /** Its application's place in the batch. */
  application_index: number;
  application_id: string;
  occurred_at: string;
  note: string | null;
  from_stage_id: string | null;
  to_stage_id: string | null;
}

/**
 * The live stage events of a batch of applications (their ids as a JSON array, the one parameter), application by
 * application in the batch's order and each one's events oldest first: the order of stageHistoryTable, for the
 * applications' sheet order. Each application's events are found through the events' index on the application;
 * the stages' names are looked up in memory (readStageNames).
 */
export const stageEventsOfApplications = `SELECT j.key AS application_index, e.application_id, e.occurred_at, e.note,
    e.from_stage_id, e.to_stage_id
  FROM json_each(?) j JOIN stage_events e ON e.application_id = j.value AND e.deleted_at IS NULL
  ORDER BY j.key, e.occurred_at, e.rowid`;

/** Every stage, deleted ones too (an event keeps the stage it went through), by id: a few rows. */
export function readStageNames(reader: ExportReader): ReadonlyMap<string, HistoryStage> {
  const rows = reader.repeated<HistoryStage & { id: string }>('SELECT id, name, category FROM stages')();
  return new Map(rows.map((row) => [row.id, { name: row.name, category: row.category }]));
}

/** The sheets after the applications, by name: the same tables whichever thread writes them (sheet-thread.ts). */
export const relatedTables: Record<ThreadSheet, (filters: ApplicationFilters) => TableSpec<never>> = {
  interviews: (filters) => interviewsTable(filters) as TableSpec<never>,
  companies: (filters) => companiesTable(filters) as TableSpec<never>,
  contacts: (filters) => contactsTable(filters) as TableSpec<never>,
  stageHistory: (filters) => stageHistoryTable(filters) as TableSpec<never>,
};
