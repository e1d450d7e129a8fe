import { applicationWhere } from '../../../src-main/applications/filters';
import type { AppContext } from '../../../src-main/context';
import type { ApplicationFilters, EmploymentType, StageCategory } from '../../../src-shared/contract';
import { invoke } from '../invoke';
import { keptOr, readKept, writeKept, type Kept } from '../kept';
import { api, notFoundDetail } from './common';
import {
  categoryOfReponse,
  employmentTypeOf,
  jobTypeOf,
  methodOfSource,
  reponseOfCategory,
  sourceOfMethod,
  type JobType,
  type Method,
  type Reponse,
} from './values';
import type { ApplicationInput } from './schemas';
import { HttpError } from '../fastapi';

/** The columns an application is read from (one query for a page, a statistic or an export). */
export interface ApplicationRow {
  id: string;
  company_name: string;
  position: string;
  employment_type: EmploymentType | null;
  location: string | null;
  source: string | null;
  applied_on: string | null;
  posting_url: string | null;
  description: string | null;
  notes: string | null;
  salary_min: number | null;
  salary_max: number | null;
  required_skills: string;
  favorite: number;
  first_response_on: string | null;
  stage_category: StageCategory;
  created_at: string;
  updated_at: string;
  external_fields: string | null;
}

const columns = `a.id, c.name AS company_name, a.position, a.employment_type, a.location, a.source, a.applied_on, a.posting_url,
  a.description, a.notes, a.salary_min, a.salary_max, a.required_skills, a.favorite, a.first_response_on, a.stage_category,
  a.created_at, a.updated_at, a.external_fields`;

/** Live applications (archived ones included: JobTracker has no archive) matching Candid's own filters. */
export function applicationRows(context: AppContext, filters: ApplicationFilters = {}): ApplicationRow[] {
  const where = applicationWhere({ ...filters, archived: 'all' });
  return context.db
    .sql(`SELECT ${columns} FROM applications a JOIN companies c ON c.id = a.company_id WHERE ${where.clauses.join(' AND ')} ORDER BY a.seq`)
    .all(...where.params) as ApplicationRow[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live application of this account by id, or 404 whatever the id looks like (JobTracker's ids are any text). */
export function applicationRow(context: AppContext, id: string): ApplicationRow {
  const row = uuidPattern.test(id)
    ? (context.db
        .sql(`SELECT ${columns} FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.id = ? AND a.deleted_at IS NULL`)
        .get(id.toLowerCase()) as ApplicationRow | undefined)
    : undefined;
  if (!row) throw new HttpError(404, notFoundDetail.application);
  return row;
}

const midnight = (day: string) => `${day}T00:00:00`;

/**
 * Each JobTracker field: Candid's value it is mapped to (`candid`, what a kept value is checked against) and the
 * JobTracker value derived from it. Fields without `candid` have no counterpart in Candid: they are kept as written.
 */
interface FieldSpec {
  candid?: (row: ApplicationRow) => unknown;
  derive?: (row: ApplicationRow) => unknown;
  /** The value of a field never written. */
  absent?: unknown;
}

const skills = (row: ApplicationRow) => JSON.parse(row.required_skills) as string[];

export const applicationFields: Record<string, FieldSpec> = {
  entreprise: { candid: (row) => row.company_name, derive: (row) => row.company_name },
  poste: { candid: (row) => row.position, derive: (row) => row.position },
  type_poste: {
    candid: (row) => row.employment_type,
    derive: (row) => (row.employment_type ? jobTypeOf[row.employment_type] : null),
  },
  lieu: { candid: (row) => row.location, derive: (row) => row.location },
  moyen: { candid: (row) => row.source, derive: (row) => methodOfSource(row.source) },
  date_candidature: {
    candid: (row) => row.applied_on,
    derive: (row) => (row.applied_on ? midnight(row.applied_on) : row.created_at),
  },
  lien: { candid: (row) => row.posting_url, derive: (row) => row.posting_url },
  commentaire: { candid: (row) => row.notes, derive: (row) => row.notes },
  reponse: { candid: (row) => row.stage_category, derive: (row) => reponseOfCategory[row.stage_category] },
  date_reponse: {
    candid: (row) => row.first_response_on,
    derive: (row) => (row.first_response_on ? midnight(row.first_response_on) : null),
  },
  is_favorite: { candid: (row) => row.favorite, derive: (row) => row.favorite === 1 },
  description_poste: { candid: (row) => row.description, derive: (row) => row.description },
  salaire_min: { candid: (row) => row.salary_min, derive: (row) => row.salary_min },
  salaire_max: { candid: (row) => row.salary_max, derive: (row) => row.salary_max },
  competences: { candid: (row) => row.required_skills, derive: skills },
  contact_email: { absent: null },
  contact_name: { absent: null },
  days_before_reminder: { absent: 7 },
  experience_requise: { absent: null },
  cv_id: { absent: null },
  source: { absent: 'webapp' },
};

/** One JobTracker field of a row: the kept value while Candid's still agrees, else derived from Candid's. */
export function fieldOf(row: ApplicationRow, kept: Kept, field: string): unknown {
  const spec = applicationFields[field];
  const derived = spec.derive ? spec.derive(row) : spec.absent;
  return keptOr(kept, field, spec.candid ? spec.candid(row) : undefined, derived);
}

/** The values written by a request that read back otherwise from Candid's fields are kept (with what they map to). */
export function keepWritten(row: ApplicationRow, kept: Kept, written: Record<string, unknown>): Kept {
  const next: Kept = { ...kept };
  for (const [field, value] of Object.entries(written)) {
    if (value === undefined) continue;
    const spec = applicationFields[field];
    delete next[field];
    const derived = spec.derive ? spec.derive(row) : spec.absent;
    if (JSON.stringify(derived) === JSON.stringify(value)) continue;
    next[field] = spec.candid ? { v: value, as: spec.candid(row) } : { v: value };
  }
  return next;
}

export interface ApplicationExtras {
  interviewsCount: number;
  nextInterview: string | null;
}

/** Interview counts and the next planned one, for a set of applications. */
export function interviewExtras(context: AppContext, ids: readonly string[], nowIso: string): Map<string, ApplicationExtras> {
  const rows = context.db
    .sql(
      `SELECT application_id AS id, count(*) AS count,
         min(CASE WHEN status = 'planned' AND scheduled_at >= ? THEN scheduled_at END) AS next
       FROM interviews WHERE deleted_at IS NULL AND application_id IN (SELECT value FROM json_each(?)) GROUP BY application_id`,
    )
    .all(nowIso, JSON.stringify(ids)) as { id: string; count: number; next: string | null }[];
  return new Map(rows.map((row) => [row.id, { interviewsCount: row.count, nextInterview: row.next }]));
}

/** The stage history as JobTracker's status changes. */
function history(context: AppContext, id: string) {
  const events = context.db
    .sql(
      `SELECT e.occurred_at, f.category AS from_category, t.category AS to_category FROM stage_events e
       LEFT JOIN stages f ON f.id = e.from_stage_id JOIN stages t ON t.id = e.to_stage_id
       WHERE e.application_id = ? AND e.deleted_at IS NULL ORDER BY e.occurred_at, e.id`,
    )
    .all(id) as { occurred_at: string; from_category: StageCategory | null; to_category: StageCategory }[];
  return events
    .filter((event) => event.from_category !== null && reponseOfCategory[event.from_category] !== reponseOfCategory[event.to_category])
    .map((event) => {
      const oldValue = reponseOfCategory[event.from_category!];
      const newValue = reponseOfCategory[event.to_category];
      return { event_type: 'status_change', timestamp: event.occurred_at, old_value: oldValue, new_value: newValue, details: `Statut changé de ${oldValue} à ${newValue}` };
    });
}

/** A row as JobTracker SaaS answers an application. */
export function toJobApplication(
  context: AppContext,
  row: ApplicationRow,
  userId: string,
  extras: ApplicationExtras | undefined,
  options: { nowMs: number; history?: boolean },
) {
  const kept = readKept(row.external_fields, api);
  const field = (name: string) => fieldOf(row, kept, name);
  const reponse = field('reponse') as Reponse;
  const applied = field('date_candidature') as string;
  const reminderDays = (field('days_before_reminder') as number | null) ?? 7;
  const daysSince = (options.nowMs - Date.parse(applied.length === 19 ? `${applied}Z` : applied)) / 86_400_000;
  return {
    id: row.id,
    entreprise: field('entreprise'),
    poste: field('poste'),
    type_poste: field('type_poste'),
    lieu: field('lieu'),
    moyen: field('moyen'),
    date_candidature: applied,
    lien: field('lien'),
    commentaire: field('commentaire'),
    reponse,
    date_reponse: field('date_reponse'),
    is_favorite: field('is_favorite'),
    description_poste: field('description_poste'),
    contact_email: field('contact_email'),
    contact_name: field('contact_name'),
    salaire_min: field('salaire_min'),
    salaire_max: field('salaire_max'),
    days_before_reminder: field('days_before_reminder'),
    competences: field('competences'),
    experience_requise: field('experience_requise'),
    cv_id: field('cv_id'),
    source: field('source'),
    created_at: row.created_at,
    updated_at: row.updated_at,
    user_id: userId,
    history: options.history ? history(context, row.id) : [],
    match_score: null,
    match_details: null,
    last_reminder_sent: null,
    followup_count: 0,
    interviews_count: extras?.interviewsCount ?? 0,
    next_interview: extras?.nextInterview ?? null,
    needs_followup: reponse === 'pending' && Number.isFinite(daysSince) && daysSince >= reminderDays,
  };
}
export type JobApplication = ReturnType<typeof toJobApplication>;

/** The first stage (in the person's order) of a category. */
function stageOf(context: AppContext, category: StageCategory): string {
  const stage = invoke(context, 'stages.list', undefined).find((candidate) => candidate.category === category);
  if (!stage) throw new HttpError(409, `No stage of category ${category} to move the application to`);
  return stage.id;
}

/**
 * Moves the application to the stage category `reponse` stands for (with a history event), unless its current
 * category already reads as that reponse (an offer stays an offer when "positive" is written again).
 */
export function setReponse(context: AppContext, row: ApplicationRow, reponse: Reponse): boolean {
  if (reponseOfCategory[row.stage_category] === reponse && reponse !== 'contacted') return false;
  const target = categoryOfReponse[reponse];
  if (row.stage_category === target) return false;
  invoke(context, 'applications.setStage', { id: row.id, stageId: stageOf(context, target), note: `JobTracker: ${reponse}` });
  return true;
}

/** What Candid's fields take from a JobTracker application (create, or the fields a PUT gives). */
export function candidFields(input: Partial<ApplicationInput>) {
  const fields: Record<string, unknown> = {};
  if (input.entreprise !== undefined) fields.companyName = input.entreprise;
  if (input.poste !== undefined) fields.position = input.poste;
  if (input.type_poste !== undefined) fields.employmentType = employmentTypeOf[input.type_poste as JobType];
  if (input.lieu !== undefined) fields.location = input.lieu;
  if (input.moyen !== undefined) fields.source = input.moyen === null ? null : sourceOfMethod[input.moyen as Method];
  if (input.date_candidature !== undefined) fields.appliedOn = input.date_candidature.day;
  // Candid keeps web links only; anything else stays in the kept values.
  if (input.lien !== undefined) fields.postingUrl = input.lien && /^https?:\/\/\S+$/i.test(input.lien.trim()) ? input.lien : null;
  if (input.commentaire !== undefined) fields.notes = input.commentaire;
  if (input.date_reponse !== undefined) fields.firstResponseOn = input.date_reponse?.day ?? null;
  if (input.is_favorite !== undefined) fields.favorite = input.is_favorite;
  if (input.description_poste !== undefined) fields.description = input.description_poste;
  const ordered = input.salaire_min == null || input.salaire_max == null || input.salaire_min <= input.salaire_max;
  if (input.salaire_min !== undefined && ordered) fields.salaryMin = input.salaire_min === null ? null : Math.max(0, input.salaire_min);
  if (input.salaire_max !== undefined && ordered) fields.salaryMax = input.salaire_max === null ? null : Math.max(0, input.salaire_max);
  if (input.competences !== undefined) fields.requiredSkills = (input.competences ?? []).map((skill) => skill.trim().slice(0, 80)).filter(Boolean).slice(0, 100);
  return fields;
}

/** The JobTracker values a request wrote, as they should read back (dates as written). */
export function writtenValues(input: Partial<ApplicationInput>): Record<string, unknown> {
  const written: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(key in applicationFields) || value === undefined) continue;
    written[key] = typeof value === 'object' && value !== null && 'text' in value ? (value as { text: string }).text : value;
  }
  return written;
}

/** Stores the kept values of `id` (through the write path), in the write that is open. */
export function storeKept(context: AppContext, table: 'applications' | 'interviews', id: string, current: string | null, kept: Kept): void {
  const next = writeKept(current, api, kept);
  if (next !== current) context.changes.write((write) => write.update(table, id, { external_fields: next }));
}
