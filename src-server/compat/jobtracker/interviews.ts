import type { AppContext } from '../../../src-main/context';
import type { InterviewFormat, InterviewStatus, InterviewType } from '../../../src-shared/contract';
import { HttpError } from '../fastapi';
import { keptOr, readKept, type Kept } from '../kept';
import { api, notFoundDetail } from './common';
import type { InterviewInput } from './schemas';
import { interviewTypeOf, jobInterviewTypeOf, type JobInterviewType } from './values';

/** The columns an interview is read from, with its application's company and position. */
export interface InterviewRow {
  id: string;
  application_id: string;
  scheduled_at: string;
  type: InterviewType | null;
  format: InterviewFormat | null;
  location: string | null;
  interviewers: string | null;
  status: InterviewStatus;
  notes: string | null;
  created_at: string;
  updated_at: string;
  external_fields: string | null;
  company_name: string;
  position: string;
}

const select = `SELECT i.id, i.application_id, i.scheduled_at, i.type, i.format, i.location, i.interviewers, i.status, i.notes,
  i.created_at, i.updated_at, i.external_fields, c.name AS company_name, a.position
  FROM interviews i JOIN applications a ON a.id = i.application_id JOIN companies c ON c.id = a.company_id
  WHERE i.deleted_at IS NULL AND a.deleted_at IS NULL`;

/** The live interviews of live applications, by date. */
export function interviewRows(context: AppContext): InterviewRow[] {
  return context.db.sql(`${select} ORDER BY i.scheduled_at, i.id`).all() as InterviewRow[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live interview of this account by id, or 404 whatever the id looks like. */
export function interviewRow(context: AppContext, id: string): InterviewRow {
  const row = uuidPattern.test(id) ? (context.db.sql(`${select} AND i.id = ?`).get(id.toLowerCase()) as InterviewRow | undefined) : undefined;
  if (!row) throw new HttpError(404, notFoundDetail.interview);
  return row;
}

/** Each JobTracker field of an interview: Candid's value it maps to and the value derived from it. */
const interviewFields: Record<string, { candid: (row: InterviewRow) => unknown; derive: (row: InterviewRow) => unknown }> = {
  date_entretien: { candid: (row) => row.scheduled_at, derive: (row) => row.scheduled_at },
  type_entretien: { candid: (row) => row.type, derive: (row) => (row.type ? jobInterviewTypeOf[row.type] : 'other') },
  format_entretien: { candid: (row) => row.format, derive: (row) => row.format ?? 'video' },
  lieu_entretien: { candid: (row) => row.location, derive: (row) => row.location },
  interviewer: { candid: (row) => row.interviewers, derive: (row) => row.interviewers },
  commentaire: { candid: (row) => row.notes, derive: (row) => row.notes },
  statut: { candid: (row) => row.status, derive: (row) => row.status },
};

/** The values written that read back otherwise from Candid's fields, kept with what they map to. */
export function keepWrittenInterview(row: InterviewRow, kept: Kept, written: Record<string, unknown>): Kept {
  const next: Kept = { ...kept };
  for (const [field, value] of Object.entries(written)) {
    const spec = interviewFields[field];
    if (!spec || value === undefined) continue;
    delete next[field];
    if (JSON.stringify(spec.derive(row)) !== JSON.stringify(value)) next[field] = { v: value, as: spec.candid(row) };
  }
  return next;
}

/** An interview as JobTracker SaaS answers it. */
export function toJobInterview(row: InterviewRow, userId: string) {
  const kept = readKept(row.external_fields, api);
  const field = (name: string) => {
    const spec = interviewFields[name];
    return keptOr(kept, name, spec.candid(row), spec.derive(row));
  };
  return {
    id: row.id,
    candidature_id: row.application_id,
    date_entretien: field('date_entretien'),
    type_entretien: field('type_entretien'),
    format_entretien: field('format_entretien'),
    lieu_entretien: field('lieu_entretien'),
    interviewer: field('interviewer'),
    commentaire: field('commentaire'),
    statut: field('statut'),
    created_at: row.created_at,
    updated_at: row.updated_at,
    user_id: userId,
    entreprise: row.company_name,
    poste: row.position,
  };
}
export type JobInterview = ReturnType<typeof toJobInterview>;

/** Candid's interview fields from JobTracker's (create, or the fields a PUT gives). */
export function candidInterviewFields(input: Partial<Omit<InterviewInput, 'candidature_id'>>) {
  const fields: Record<string, unknown> = {};
  if (input.date_entretien !== undefined) fields.scheduledAt = input.date_entretien.instant;
  if (input.type_entretien !== undefined) fields.type = interviewTypeOf[input.type_entretien as JobInterviewType];
  if (input.format_entretien !== undefined) fields.format = input.format_entretien;
  if (input.lieu_entretien !== undefined) fields.location = input.lieu_entretien;
  if (input.interviewer !== undefined) fields.interviewers = input.interviewer;
  if (input.commentaire !== undefined) fields.notes = input.commentaire;
  if (input.statut !== undefined && input.statut !== null) fields.status = input.statut;
  return fields;
}
