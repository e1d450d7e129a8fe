import type { BoothPriority, Fair, FairBooth, FairDetail, FairVisit, VisitStatus } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { FairBoothsTable, FairsTable } from '../db/schema';

type FairRow = FairsTable & { booth_count: number; planned_count: number; finished_count: number };

const fairColumns = `f.*,
  (SELECT count(*) FROM fair_booths b WHERE b.fair_id = f.id AND b.deleted_at IS NULL) AS booth_count,
  (SELECT count(*) FROM fair_booths b WHERE b.fair_id = f.id AND b.deleted_at IS NULL AND b.planned = 1) AS planned_count,
  (SELECT count(*) FROM fair_booths b WHERE b.fair_id = f.id AND b.deleted_at IS NULL AND b.status IN ('done', 'skipped')) AS finished_count`;

/** Planned booths first, the most wanted first, then by company name: the order of the plan and of the queue. */
const boothOrder = `b.planned DESC, coalesce(b.priority, 4), b.company_name COLLATE NOCASE, b.created_at, b.id`;

/** A linked row while it is live, null otherwise: a deleted application or contact is not offered as a link. */
const boothColumns = `b.*,
  (SELECT id FROM applications WHERE id = b.application_id AND deleted_at IS NULL) AS live_application_id,
  (SELECT id FROM contacts WHERE id = b.contact_id AND deleted_at IS NULL) AS live_contact_id`;

type BoothRow = FairBoothsTable & { live_application_id: string | null; live_contact_id: string | null };

function toFair(row: FairRow): Fair {
  return {
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    place: row.place,
    url: row.url,
    notes: row.notes,
    boothCount: row.booth_count,
    plannedCount: row.planned_count,
    finishedCount: row.finished_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Whole minutes from joining the line to talking, or to leaving the line without talking. */
export function minutesInLine(row: Pick<FairBoothsTable, 'in_line_at' | 'talking_at' | 'finished_at'>): number | null {
  const end = row.talking_at ?? row.finished_at;
  if (!row.in_line_at || !end) return null;
  const minutes = Math.floor((Date.parse(end) - Date.parse(row.in_line_at)) / 60_000);
  return minutes >= 0 ? minutes : null;
}

export function toBooth(row: BoothRow): FairBooth {
  return {
    id: row.id,
    fairId: row.fair_id,
    companyName: row.company_name,
    booth: row.booth,
    recruitsFor: row.recruits_for,
    planned: row.planned === 1,
    priority: row.priority as BoothPriority | null,
    pitch: row.pitch,
    questions: row.questions,
    documents: row.documents,
    status: row.status as VisitStatus,
    inLineAt: row.in_line_at,
    talkingAt: row.talking_at,
    finishedAt: row.finished_at,
    minutesInLine: minutesInLine(row),
    recruiterName: row.recruiter_name,
    recruiterRole: row.recruiter_role,
    recruiterEmail: row.recruiter_email,
    notes: row.notes,
    applicationId: row.live_application_id,
    contactId: row.live_contact_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Live fairs, the latest first. */
export function listFairs(db: Database): Fair[] {
  const rows = db.sql(`SELECT ${fairColumns} FROM fairs f WHERE f.deleted_at IS NULL ORDER BY f.starts_on DESC, f.name COLLATE NOCASE, f.id`).all() as FairRow[];
  return rows.map(toFair);
}

export function getFair(db: Database, id: string): FairDetail {
  const row = db.sql(`SELECT ${fairColumns} FROM fairs f WHERE f.id = ? AND f.deleted_at IS NULL`).get(id) as FairRow | undefined;
  if (!row) throw notFound('Fair', id);
  const booths = db.sql(`SELECT ${boothColumns} FROM fair_booths b WHERE b.fair_id = ? AND b.deleted_at IS NULL ORDER BY ${boothOrder}`).all(id) as BoothRow[];
  return { ...toFair(row), booths: booths.map(toBooth) };
}

/** A live booth of a live fair. */
export function getBooth(db: Database, id: string): FairBooth {
  const row = db
    .sql(`SELECT ${boothColumns} FROM fair_booths b JOIN fairs f ON f.id = b.fair_id AND f.deleted_at IS NULL WHERE b.id = ? AND b.deleted_at IS NULL`)
    .get(id) as BoothRow | undefined;
  if (!row) throw notFound('Booth', id);
  return toBooth(row);
}

/** The raw row of a live booth of a live fair, for the write path. */
export function liveBoothRow(db: Database, id: string): FairBoothsTable {
  const row = db
    .sql(`SELECT b.* FROM fair_booths b JOIN fairs f ON f.id = b.fair_id AND f.deleted_at IS NULL WHERE b.id = ? AND b.deleted_at IS NULL`)
    .get(id) as FairBoothsTable | undefined;
  if (!row) throw notFound('Booth', id);
  return row;
}

/**
 * The visits made at fairs in a period (both days included): booths where the person talked to the company, as a
 * proof-of-search report lists them. The day is the one the talk began (else ended), in UTC like every stored time.
 */
export function listFairVisits(db: Database, from: string, to: string): FairVisit[] {
  return db
    .sql(
      `SELECT b.id AS boothId, f.id AS fairId, f.name AS fairName, f.place, substr(coalesce(b.talking_at, b.finished_at), 1, 10) AS visitedOn,
         b.company_name AS companyName, b.recruits_for AS recruitsFor, b.recruiter_name AS recruiterName, b.status, b.notes,
         (SELECT id FROM applications WHERE id = b.application_id AND deleted_at IS NULL) AS applicationId
       FROM fair_booths b JOIN fairs f ON f.id = b.fair_id AND f.deleted_at IS NULL
       WHERE b.deleted_at IS NULL AND b.status IN ('talking', 'done')
         AND coalesce(b.talking_at, b.finished_at) >= ? AND coalesce(b.talking_at, b.finished_at) < ?
       ORDER BY coalesce(b.talking_at, b.finished_at), b.company_name COLLATE NOCASE, b.id`,
    )
    .all(from, nextDay(to)) as FairVisit[];
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
