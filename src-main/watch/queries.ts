import { z } from 'zod';
import {
  boardKinds,
  checkErrorCodes,
  employmentTypes,
  opportunityStatuses,
  remotePreferences,
  salaryPeriods,
  type BoardWatch,
  type CheckError,
  type Opportunity,
  type OpportunityPage,
  type ParsedInput,
} from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { BoardWatchChecksTable, BoardWatchesTable, OpportunitiesTable } from '../db/schema';

const stringList = z.array(z.string()).catch([]);
const parseList = (text: string): string[] => {
  try {
    return stringList.parse(JSON.parse(text));
  } catch {
    return [];
  }
};
const storedError = z.object({ code: z.enum(checkErrorCodes), status: z.number().int().optional() });
const parseError = (text: string | null): CheckError | null => {
  if (text === null) return null;
  try {
    return storedError.parse(JSON.parse(text));
  } catch {
    return { code: 'bad_response' };
  }
};
/** A stored value within a closed list, or the fallback (a row synced from a newer version). */
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T => (values.includes(value as T) ? (value as T) : fallback);

export interface WatchRow extends BoardWatchesTable {
  checked_at: string | null;
  succeeded_at: string | null;
  error: string | null;
  failures: number | null;
  next_check_at: string | null;
  new_count: number;
  open_count: number;
}

const watchSql = `SELECT w.*, c.checked_at, c.succeeded_at, c.error, c.failures, c.next_check_at,
    (SELECT count(*) FROM opportunities o WHERE o.watch_id = w.id AND o.deleted_at IS NULL AND o.status = 'new' AND o.closed_at IS NULL) AS new_count,
    (SELECT count(*) FROM opportunities o WHERE o.watch_id = w.id AND o.deleted_at IS NULL AND o.closed_at IS NULL) AS open_count
  FROM board_watches w LEFT JOIN board_watch_checks c ON c.watch_id = w.id`;

export function toWatch(row: WatchRow): BoardWatch {
  return {
    id: row.id,
    kind: oneOf(boardKinds, row.kind, 'greenhouse'),
    board: row.board,
    companyName: row.company_name,
    keywords: parseList(row.keywords),
    locations: parseList(row.locations),
    remote: oneOf(remotePreferences, row.remote, 'any'),
    checkedAt: row.checked_at,
    succeededAt: row.succeeded_at,
    error: parseError(row.error),
    failures: row.failures ?? 0,
    nextCheckAt: row.next_check_at,
    newCount: row.new_count,
    openCount: row.open_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function listWatches(db: Database): BoardWatch[] {
  const rows = db.sql(`${watchSql} WHERE w.deleted_at IS NULL ORDER BY w.company_name COLLATE NOCASE, w.id`).all() as WatchRow[];
  return rows.map(toWatch);
}

/** One watch, deleted ones included when `withDeleted` (a restore returns it). */
export function getWatch(db: Database, id: string, withDeleted = false): BoardWatch {
  const row = db.sql(`${watchSql} WHERE w.id = ? ${withDeleted ? '' : 'AND w.deleted_at IS NULL'}`).get(id) as WatchRow | undefined;
  if (!row) throw notFound('Watched board', id);
  return toWatch(row);
}

export function liveWatchRow(db: Database, id: string): BoardWatchesTable | undefined {
  return db.sql(`SELECT * FROM board_watches WHERE id = ? AND deleted_at IS NULL`).get(id) as BoardWatchesTable | undefined;
}

export function checkRow(db: Database, watchId: string): BoardWatchChecksTable | undefined {
  return db.sql(`SELECT * FROM board_watch_checks WHERE watch_id = ?`).get(watchId) as BoardWatchChecksTable | undefined;
}

interface OpportunityRow extends OpportunitiesTable {
  company_name: string;
  kind: string;
}

function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    watchId: row.watch_id,
    boardKind: oneOf(boardKinds, row.kind, 'greenhouse'),
    companyName: row.company_name,
    externalId: row.external_id,
    title: row.title,
    location: row.location,
    remote: row.remote === null ? null : row.remote === 1,
    url: row.url,
    description: row.description,
    department: row.department,
    employmentType: row.employment_type === null ? null : oneOf(employmentTypes, row.employment_type, 'permanent'),
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    salaryCurrency: row.salary_currency,
    salaryPeriod: row.salary_period === null ? null : oneOf(salaryPeriods, row.salary_period, 'year'),
    postedAt: row.posted_at,
    status: oneOf(opportunityStatuses, row.status, 'new'),
    closedAt: row.closed_at,
    applicationId: row.application_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const opportunityFrom = `FROM opportunities o JOIN board_watches w ON w.id = o.watch_id AND w.deleted_at IS NULL WHERE o.deleted_at IS NULL`;

const statusSql: Record<ParsedInput<'opportunities.list'>['status'], string> = {
  inbox: `o.status IN ('new', 'seen') AND o.closed_at IS NULL`,
  new: `o.status = 'new' AND o.closed_at IS NULL`,
  seen: `o.status = 'seen' AND o.closed_at IS NULL`,
  dismissed: `o.status = 'dismissed'`,
  tracked: `o.status = 'tracked'`,
  closed: `o.closed_at IS NOT NULL`,
  all: '1 = 1',
};

export function listOpportunities(db: Database, input: ParsedInput<'opportunities.list'>): OpportunityPage {
  const where = `${opportunityFrom} AND ${statusSql[input.status]} ${input.watchId ? 'AND o.watch_id = ?' : ''}`;
  const params = input.watchId ? [input.watchId] : [];
  const rows = db
    .sql(`SELECT o.*, w.company_name, w.kind ${where} ORDER BY o.created_at DESC, coalesce(o.posted_at, '') DESC, o.id LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as OpportunityRow[];
  const total = db.sql(`SELECT count(*) ${where}`).pluck().get(...params) as number;
  const newCount = db.sql(`SELECT count(*) ${opportunityFrom} AND ${statusSql.new}`).pluck().get() as number;
  return { items: rows.map(toOpportunity), total, limit: input.limit, offset: input.offset, newCount };
}

export function getOpportunity(db: Database, id: string): Opportunity {
  const row = db.sql(`SELECT o.*, w.company_name, w.kind ${opportunityFrom} AND o.id = ?`).get(id) as OpportunityRow | undefined;
  if (!row) throw notFound('Opportunity', id);
  return toOpportunity(row);
}
