import { z } from 'zod';
import { email as candidEmail, syncLimits } from '../../../src-shared/sync-protocol';
import { parseDate, type ParsedDate } from '../dates';
import { interviewFormats, interviewStatuses, interviewTypes, jobTypes, methods, reponses } from './values';

/**
 * JobTracker SaaS's request models (pydantic in the original): unknown fields are ignored, a date-time is ISO
 * 8601 with or without a zone (or a Unix time), and in a PUT a null means "not given", as there.
 */
export const jobDate = z.union([z.string(), z.number()]).transform((value, ctx): ParsedDate => {
  const parsed = parseDate(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: 'Input should be a valid datetime' });
    return z.NEVER;
  }
  return parsed;
});

const text = (max: number) => z.string().max(max, `String should have at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'String should have at least 1 character');

const applicationShape = {
  entreprise: required(200),
  poste: required(200),
  type_poste: z.enum(jobTypes),
  lieu: text(100).nullish(),
  moyen: z.enum(methods).nullish(),
  // Left out, it is the time of the request (the creation route fills it in).
  date_candidature: jobDate.optional(),
  lien: text(500).nullish(),
  commentaire: text(2000).nullish(),
  description_poste: text(5000).nullish(),
  contact_email: text(200).nullish(),
  contact_name: text(100).nullish(),
  salaire_min: z.int().nullish(),
  salaire_max: z.int().nullish(),
  days_before_reminder: z.int().nullish(),
  competences: z.array(z.string()).nullish(),
  experience_requise: text(100).nullish(),
  cv_id: z.string().nullish(),
  source: z.string().max(50).nullish(),
  // Newer clients send these at creation too.
  reponse: z.enum(reponses).nullish(),
  date_reponse: jobDate.nullish(),
  is_favorite: z.boolean().nullish(),
};

export const applicationCreate = z.object({ ...applicationShape, type_poste: applicationShape.type_poste.default('cdi') });
export type ApplicationInput = z.output<typeof applicationCreate>;

/** A PUT is partial, and a null is dropped (JobTracker cannot clear a field by sending null). */
const dropNulls = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null)) : value;
export const applicationUpdate = z.preprocess(dropNulls, z.object(applicationShape).partial());

export const bulkUpdate = z.object({ application_ids: z.array(z.string()).max(10_000), reponse: z.enum(reponses) });

const interviewShape = {
  candidature_id: z.string(),
  date_entretien: jobDate,
  type_entretien: z.enum(interviewTypes),
  format_entretien: z.enum(interviewFormats),
  lieu_entretien: text(500).nullish(),
  interviewer: text(200).nullish(),
  commentaire: text(2000).nullish(),
  statut: z.enum(interviewStatuses).nullish(),
};
export const interviewCreate = z.object(interviewShape);
export type InterviewInput = z.output<typeof interviewCreate>;
export const interviewUpdate = z.preprocess(dropNulls, z.object(interviewShape).omit({ candidature_id: true }).partial());

/** pydantic's EmailStr: refused with 422 when malformed. */
const email = z.string().pipe(candidEmail);
export const registerRequest = z.object({
  email,
  password: z.string().min(syncLimits.passwordMinLength).max(syncLimits.passwordMaxLength),
  full_name: z.string().min(1).max(200),
});
export const loginRequest = z.object({ email, password: z.string().min(1).max(syncLimits.passwordMaxLength) });
export const profileUpdate = z.object({
  full_name: z.string().max(200).nullish(),
  google_ai_key: z.string().max(500).nullish(),
  openai_key: z.string().max(500).nullish(),
  groq_key: z.string().max(500).nullish(),
});
export const apiKeysUpdate = profileUpdate.omit({ full_name: true });

/** Query values as FastAPI reads them. */
const flag = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  if (['true', '1', 'yes', 'on', 't', 'y'].includes(lower)) return true;
  if (['false', '0', 'no', 'off', 'f', 'n'].includes(lower)) return false;
  return value;
}, z.boolean());
const integer = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const listQuery = z.object({
  page: integer(1, 1_000_000, 1),
  per_page: integer(1, 100, 20),
  sort_by: z.string().max(50).default('date_candidature'),
  sort_order: z.string().max(10).default('desc'),
  search: z.string().max(200).optional(),
  status: z.enum(reponses).optional(),
  type_poste: z.enum(jobTypes).optional(),
  job_type: z.enum(jobTypes).optional(),
  moyen: z.enum(methods).optional(),
  method: z.enum(methods).optional(),
  is_favorite: flag.optional(),
  date_from: z.string().max(40).optional(),
  date_to: z.string().max(40).optional(),
  needs_followup: flag.optional(),
});
export const interviewsQuery = z.object({
  status: z.enum(interviewStatuses).optional(),
  interview_type: z.enum(interviewTypes).optional(),
  interview_format: z.enum(interviewFormats).optional(),
  candidature_id: z.string().max(100).optional(),
});
export const upcomingQuery = z.object({ limit: integer(1, 20, 5) });
export const periodQuery = z.object({ date_from: z.string().max(40).optional(), date_to: z.string().max(40).optional() });
export const idParam = z.object({ id: z.string().max(200) });
