import { responseStageCategories, type ParsedInput, type StageCategory, type StageMoveUndo } from '../../src-shared/contract';
import { AppError, notFound } from '../../src-shared/errors';
import type { Fields, WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import type { ApplicationsTable } from '../db/schema';
import { findCompanyByName, resolveCompany } from '../companies/resolve';
import { requireLive } from '../shared/require';
import { localToday } from '../statistics/days';
import { firstStageOf, liveStage } from '../stages/lookup';
import { addTags, removeTags, setTags } from '../tags/assign';
import { newId } from '../changes/ids';
import { applicationWhere, type SqlWhere } from './filters';
import { applicationColumns } from './rows';

/** A parsed create input; optional-text fields may be left out (seeding and imports build these directly). */
type CreateInput = Partial<ParsedInput<'applications.create'>> & Pick<ParsedInput<'applications.create'>, 'position'>;

/** Midday UTC keeps a date-only event on the same calendar day in every time zone from UTC-11 to UTC+11. */
export function instantOfDate(date: string): string {
  return `${date}T12:00:00.000Z`;
}

export function createApplication(db: Database, write: WriteContext, input: CreateInput): string {
  const id = newId();
  const companyId = resolveCompany(db, write, input, id);
  const stage = input.stageId ? liveStage(db, input.stageId) : firstStageOf(db, 'applied');
  if (!stage) throw new AppError('CONFLICT', 'There is no stage to put the application in');
  for (const contactId of input.contactIds ?? []) requireLive(db, 'contacts', contactId);
  const occurredAt = input.stageAt ?? (input.appliedOn ? instantOfDate(input.appliedOn) : write.now);

  const fields = applicationColumns(input);
  if (
    fields.first_response_on === undefined &&
    responseStageCategories.includes(stage.category as StageCategory)
  ) {
    fields.first_response_on = occurredAt.slice(0, 10);
  }
  // The current stage is derived from the history; filling it in now spares the commit-time recompute a write.
  write.insert(
    'applications',
    { ...fields, company_id: companyId, stage_id: stage.id, stage_category: stage.category, stage_changed_at: occurredAt },
    id,
  );
  write.insert('stage_events', {
    application_id: id,
    from_stage_id: null,
    to_stage_id: stage.id,
    occurred_at: occurredAt,
    note: null,
  });
  if (input.tags?.length) addTags(db, write, id, input.tags);
  for (const contactId of new Set(input.contactIds ?? [])) {
    write.insert('application_contacts', { application_id: id, contact_id: contactId });
  }
  return id;
}

export function liveApplication(db: Database, id: string): ApplicationsTable {
  const row = db.sql(`SELECT * FROM applications WHERE id = ? AND deleted_at IS NULL`).get(id) as ApplicationsTable | undefined;
  if (!row) throw notFound('Application', id);
  return row;
}

export function updateApplication(db: Database, write: WriteContext, input: ParsedInput<'applications.update'>): void {
  const current = liveApplication(db, input.id);
  const { patch } = input;
  const fields = applicationColumns(patch);
  const min = patch.salaryMin !== undefined ? patch.salaryMin : current.salary_min;
  const max = patch.salaryMax !== undefined ? patch.salaryMax : current.salary_max;
  if (min != null && max != null && min > max) {
    throw new AppError('VALIDATION', 'Invalid input: salaryMax: must not be below the minimum salary', {
      issues: [{ path: 'patch.salaryMax', code: 'too_small', message: 'must not be below the minimum salary' }],
    });
  }
  if (patch.companyId !== undefined || patch.companyName !== undefined) {
    fields.company_id = resolveCompany(db, write, { companyId: patch.companyId, companyName: patch.companyName }, input.id);
  }
  write.update('applications', input.id, fields);
  if (patch.tags !== undefined) setTags(db, write, input.id, patch.tags);
}

export interface StageChange {
  applicationId: string;
  stageId: string;
  occurredAt?: string;
  note?: string | null;
}

/**
 * Records a stage event. A backdated event slots into the history: its "from" is the stage the application
 * was in at that moment, and the current stage stays whatever the latest event says.
 * Leaving the wishlist for any other stage means the application was sent then: its applied date becomes the
 * move's day (in this process's zone, the user's). Returns what the move did, which `undoStageMove` takes back.
 */
export function changeStage(db: Database, write: WriteContext, change: StageChange): StageMoveUndo {
  const application = liveApplication(db, change.applicationId);
  const stage = liveStage(db, change.stageId);
  const occurredAt = change.occurredAt ?? write.now;
  const previous = db
    .sql(
      `SELECT e.to_stage_id AS id, s.category FROM stage_events e JOIN stages s ON s.id = e.to_stage_id
       WHERE e.application_id = ? AND e.deleted_at IS NULL AND e.occurred_at <= ?
       ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1`,
    )
    .get(application.id, occurredAt) as { id: string; category: StageCategory } | undefined;
  const eventId = write.insert('stage_events', {
    application_id: application.id,
    from_stage_id: previous?.id ?? null,
    to_stage_id: stage.id,
    occurred_at: occurredAt,
    note: change.note ?? null,
  });
  // The event that came next used to leave `previous`; it now leaves this stage, so that the history stays
  // one chain (flows between stages are read from it).
  const next = db
    .sql(
      `SELECT id FROM stage_events WHERE application_id = ? AND deleted_at IS NULL AND occurred_at > ?
       ORDER BY occurred_at, id LIMIT 1`,
    )
    .pluck()
    .get(application.id, occurredAt) as string | undefined;
  if (next) write.update('stage_events', next, { from_stage_id: stage.id });

  const undo: StageMoveUndo = { id: application.id, eventId };
  // The dates the move sets, in one update of the row (one read of it, one log statement, one clocks write).
  const dates: Fields = {};
  const day = localToday(new Date(occurredAt));
  if (previous?.category === 'wishlist' && stage.category !== 'wishlist' && application.applied_on !== day) {
    dates.applied_on = day;
    undo.appliedOn = { before: application.applied_on, after: day };
  }
  const responseDay = occurredAt.slice(0, 10);
  if (
    responseStageCategories.includes(stage.category as StageCategory) &&
    (application.first_response_on === null || responseDay < application.first_response_on)
  ) {
    dates.first_response_on = responseDay;
    undo.firstResponseOn = { before: application.first_response_on, after: responseDay };
  }
  if (Object.keys(dates).length > 0) write.update('applications', application.id, dates);
  return undo;
}

export function bulkUpdateApplications(
  db: Database,
  write: WriteContext,
  input: ParsedInput<'applications.bulkUpdate'>,
): number {
  const ids = [...new Set(input.ids)];
  for (const id of ids) liveApplication(db, id);
  const { patch } = input;
  if (patch.stageId) liveStage(db, patch.stageId);
  const fields = applicationColumns(patch);
  for (const id of ids) {
    if (Object.keys(fields).length > 0) write.update('applications', id, fields);
    if (patch.stageId) {
      const current = db.sql(`SELECT stage_id FROM applications WHERE id = ?`).pluck().get(id);
      if (current !== patch.stageId) changeStage(db, write, { applicationId: id, stageId: patch.stageId, note: patch.stageNote });
    }
    if (patch.addTags?.length) addTags(db, write, id, patch.addTags);
    if (patch.removeTags?.length) removeTags(db, write, id, patch.removeTags);
  }
  return ids.length;
}

export function setArchived(db: Database, write: WriteContext, ids: readonly string[], archived: boolean): number {
  const unique = [...new Set(ids)];
  const given = JSON.stringify(unique);
  const live = `id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`;
  // The live ones change first; the ids are checked only when fewer changed than were given (some already held the
  // flag, or are missing: then the throw rolls the write back). The Undo of a 73,000-row archive changes them all,
  // and counting them before cost it 0.1-0.15 s.
  const changed = write.updateWhere(
    'applications',
    { alias: 'applications', where: live, params: [given] },
    { archived: archived ? 1 : 0 },
  );
  if (changed.length !== unique.length && (db.sql(`SELECT count(*) FROM applications WHERE ${live}`).pluck().get(given) as number) !== unique.length) {
    const found = new Set(db.sql(`SELECT id FROM applications WHERE ${live}`).pluck().all(given) as string[]);
    throw notFound('Application', unique.find((id) => !found.has(id))!);
  }
  return unique.length;
}

/**
 * Archives (or brings back) every application the filters keep when it runs, but those excepted: the rows are
 * chosen by the statement that changes them, inside the write's transaction, so exactly those the filters match at
 * that moment change. Returns the ids that changed (the Undo brings back those).
 */
export function bulkByFilter(db: Database, write: WriteContext, input: ParsedInput<'applications.bulkByFilter'>): string[] {
  const where = applicationWhere(input.filters);
  const archived = input.action === 'archive' ? 1 : 0;
  return write.updateWhere(
    'applications',
    {
      alias: 'a',
      where: [...where.clauses, 'a.id NOT IN (SELECT value FROM json_each(?))'].join(' AND '),
      params: [...where.params, JSON.stringify(input.except)],
      wholeTable: changesMostOfTheTable(db, where, archived),
    },
    { archived },
  );
}

/**
 * Whether a bulk archive (or its way back) with no filter but the flag changes more than half of the live
 * applications: its UPDATE then finds them by a scan of the table in rowid order instead of through the list's index
 * (applied date first), whose entries read their rows from pages all over the table (SQLite writes them in rowid
 * order either way). The 72,909 rows of a "select all" at 100,000, the UPDATE alone in a rolled-back transaction,
 * three pairs under load 6 to 9: 2.94 / 3.12 / 2.76 s of CPU -> 2.51 / 2.40 / 2.62. For fewer rows the index wins
 * (27,091 rows: even; a scan costs 0.3 s when nothing matches), so the live rows are counted first from a narrow
 * covering index (a few ms).
 */
function changesMostOfTheTable(db: Database, where: SqlWhere, archived: 0 | 1): boolean {
  if (!where.clauses.every((clause) => clause === 'a.deleted_at IS NULL' || clause === 'a.archived = ?')) return false;
  const [changing, live] = db
    .sql(`SELECT count(*) FILTER (WHERE archived IS NOT ?), count(*) FROM applications WHERE deleted_at IS NULL`)
    .raw()
    .get(archived) as [number, number];
  return changing * 2 > live;
}

export function deleteApplications(db: Database, write: WriteContext, ids: readonly string[]): number {
  const unique = [...new Set(ids)];
  for (const id of unique) liveApplication(db, id);
  for (const id of unique) write.softDelete('applications', id);
  for (const companyId of companiesLeftEmpty(db, unique)) write.softDelete('companies', companyId);
  return unique.length;
}

/**
 * The companies of these (just deleted) applications that were created by an application's form (`created_with`,
 * migration 0160) and are left with nothing: no live application or contact, and nothing the user wrote about them
 * since. A company with 0 applications would otherwise linger in the list; restoring an application brings its
 * company back with it (restoreApplications).
 */
function companiesLeftEmpty(db: Database, applicationIds: readonly string[]): string[] {
  return db
    .sql(
      `SELECT DISTINCT c.id FROM applications a JOIN companies c ON c.id = a.company_id
       WHERE a.id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL AND c.created_with IS NOT NULL
         AND c.website IS NULL AND c.industry IS NULL AND c.size IS NULL AND c.location IS NULL AND c.notes IS NULL
         AND NOT EXISTS (SELECT 1 FROM applications o WHERE o.company_id = c.id AND o.deleted_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.company_id = c.id AND k.deleted_at IS NULL)`,
    )
    .pluck()
    .all(JSON.stringify(applicationIds)) as string[];
}

export function restoreApplications(db: Database, write: WriteContext, ids: readonly string[]): number {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    const row = db
      .sql(
        `SELECT a.company_id, a.deleted_at, c.name, c.deleted_at AS company_deleted_at
         FROM applications a LEFT JOIN companies c ON c.id = a.company_id WHERE a.id = ?`,
      )
      .get(id) as { company_id: string; deleted_at: string | null; name: string; company_deleted_at: string | null } | undefined;
    if (!row) throw notFound('Application', id);
    if (row.deleted_at === null || row.company_deleted_at === null) continue;
    // An application cannot come back under a deleted company: bring the company back with it, or, when
    // another company has taken its name since, come back under that one (names are unique).
    const namesake = findCompanyByName(db, row.name);
    if (namesake) write.update('applications', id, { company_id: namesake.id });
    else write.restore('companies', row.company_id);
  }
  let restored = 0;
  for (const id of unique) if (write.restore('applications', id)) restored += 1;
  return restored;
}
