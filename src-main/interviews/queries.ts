import type { Interview, InterviewPage, ParsedInput } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { InterviewsTable } from '../db/schema';

type Row = InterviewsTable & { company_name: string; position: string };

export function toInterview(row: Row): Interview {
  return {
    id: row.id,
    applicationId: row.application_id,
    companyName: row.company_name,
    position: row.position,
    scheduledAt: row.scheduled_at,
    durationMinutes: row.duration_minutes,
    type: row.type as Interview['type'],
    format: row.format as Interview['format'],
    location: row.location,
    meetingUrl: row.meeting_url,
    interviewers: row.interviewers,
    status: row.status as Interview['status'],
    outcome: row.outcome as Interview['outcome'],
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const fromSql = `FROM interviews i JOIN applications a ON a.id = i.application_id JOIN companies c ON c.id = a.company_id`;
const columns = `i.*, c.name AS company_name, a.position`;

/** One application's interviews, for its detail: no paging or total (a LIMIT made SQLite sort, ~4x the cost). */
export function interviewsOfApplication(db: Database, applicationId: string): Interview[] {
  const rows = db
    .sql(`SELECT ${columns} ${fromSql} WHERE i.application_id = ? AND i.deleted_at IS NULL ORDER BY i.scheduled_at, i.id`)
    .all(applicationId) as Row[];
  return rows.map(toInterview);
}

/** Interviews of live applications only: deleting an application hides its interviews too. */
export function listInterviewRows(db: Database, input: ParsedInput<'interviews.list'>): InterviewPage {
  const clauses = ['i.deleted_at IS NULL', 'a.deleted_at IS NULL'];
  const params: (string | number)[] = [];
  if (input.from) {
    clauses.push('i.scheduled_at >= ?');
    params.push(input.from);
  }
  if (input.to) {
    clauses.push('i.scheduled_at < ?');
    params.push(input.to);
  }
  if (input.statuses?.length) {
    clauses.push(`i.status IN (${input.statuses.map(() => '?').join(', ')})`);
    params.push(...input.statuses);
  }
  if (input.applicationId) {
    clauses.push('i.application_id = ?');
    params.push(input.applicationId);
  }
  const where = clauses.join(' AND ');
  const direction = input.order === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .sql(`SELECT ${columns} ${fromSql} WHERE ${where} ORDER BY i.scheduled_at ${direction}, i.id LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as Row[];
  const total = (db.sql(`SELECT count(*) AS n ${fromSql} WHERE ${where}`).get(...params) as { n: number }).n;
  return { items: rows.map(toInterview), total, limit: input.limit, offset: input.offset };
}

export function getInterview(db: Database, id: string): Interview {
  const row = db.sql(`SELECT ${columns} ${fromSql} WHERE i.id = ? AND i.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw notFound('Interview', id);
  return toInterview(row);
}

export function upcomingInterviews(db: Database, limit: number, now = new Date().toISOString()): Interview[] {
  return listInterviewRows(db, { from: now, statuses: ['planned'], order: 'asc', limit, offset: 0 }).items;
}
