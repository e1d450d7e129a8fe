import { z } from 'zod';
import { nameKey } from '../text';
import { applicationFields } from './applications';
import { calendarDate, currency, id, instant, optionalText, requiredText, skillList } from './common';
import { companyFields } from './companies';
import { contactFields } from './contacts';
import { customFieldKinds, customFieldLimits, customFieldValue } from './customFields';
import { notificationKinds, ruleLimits, weekdays } from './automation';
import { boardKinds, opportunityStatuses, remotePreferences, watchBoard } from './watch';
import { addDocumentInput } from './documents';
import { employmentTypes, salaryPeriods, stageCategories } from './enums';
import { interactionFields } from './interactions';
import { boothFields, fairFields, visitFields, visitStatuses } from './fairs';
import { answerFields, answerTags } from './answers';
import { interviewFields } from './interviews';
import { comparisonFields, offerScore, setOfferInput } from './offers';
import { updateProfileInput } from './profile';
import { createSourceInput } from './sources';
import { createStageInput } from './stages';
import { createTagInput } from './tags';
import { taskFields } from './tasks';

/**
 * The rows of a Candid JSON backup (docs/json-backup.md), checked as strictly as the channels check the same
 * fields: each column takes the schema of the channel field it stores (lengths, enums, http(s) links normalised,
 * dates, ranges), under its SQL name. Stricter than the channels in three ways, because a backup is a file
 * anyone can write: a column Candid does not know is refused (its key would otherwise reach the write path), a
 * NUL character is refused anywhere, and `name_key` is recomputed from the name rather than trusted.
 */

/** Why a backup row was refused, beyond zod's own codes: the importer turns each into a sentence. */
export const backupRowProblems = { nul: 'nul_character' } as const;

const noNul = (row: unknown, context: z.RefinementCtx) => {
  if (typeof row !== 'object' || row === null) return;
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === 'string' && value.includes('\0')) {
      context.addIssue({ code: 'custom', path: [column], message: 'must not contain a NUL character', params: { problem: backupRowProblems.nul } });
    }
  }
};

const times = { created_at: instant, updated_at: instant, deleted_at: instant.nullable() };

/** One row: exactly these columns (id and times added), no NUL anywhere. */
const rowOf = <T extends z.ZodRawShape>(shape: T) => z.unknown().superRefine(noNul).pipe(z.object({ id, ...shape, ...times }).strict());

/** A list of strings stored as JSON text, checked with the channel's list schema and stored as it normalised it. */
const jsonList = (list: z.ZodType<string[], unknown>) =>
  z.string().transform((value, context) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON array of strings' });
      return z.NEVER;
    }
    const result = list.safeParse(parsed);
    if (!result.success) {
      for (const issue of result.error.issues) context.addIssue({ ...issue, code: 'custom', message: `must be a JSON array of strings: ${issue.message}` });
      return z.NEVER;
    }
    return JSON.stringify(result.data);
  });

const flag = z.union([z.literal(0), z.literal(1)]);
/** A choice field's options stored as JSON text: `[{ id, label }]`, as the channels write them. */
const jsonChoices = z.string().transform((value, context) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    context.addIssue({ code: 'custom', message: 'must be a JSON array of choices' });
    return z.NEVER;
  }
  const result = z
    .array(z.object({ id, label: requiredText(80) }).strict())
    .max(customFieldLimits.choices)
    .safeParse(parsed);
  if (!result.success) {
    context.addIssue({ code: 'custom', message: `must be a JSON array of choices: ${result.error.issues[0]?.message ?? ''}` });
    return z.NEVER;
  }
  return JSON.stringify(result.data);
});
/** A JSON object stored as text, up to `max` characters; absent or null where the column is. */
const jsonObject = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => {
      try {
        const parsed: unknown = JSON.parse(value);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
      } catch {
        return false;
      }
    }, 'must be a JSON object')
    .nullish();
/** What compatible APIs wrote beyond Candid's model (schema 150): a JSON object stored as text, absent before. */
const externalFields = jsonObject(100_000);
const ruleNumber = (limits: { min: number; max: number }) => z.number().int().min(limits.min).max(limits.max);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
const nullableId = id.nullable();
/** Names kept unique case- and accent-insensitively: the key is always recomputed from the name. */
const withNameKey = <T extends { name: string }>(row: T) => ({ ...row, name_key: nameKey(row.name) });
const salaryOrdered = (row: { salary_min?: number | null; salary_max?: number | null }) =>
  row.salary_min == null || row.salary_max == null || row.salary_min <= row.salary_max;

/** JSON text checked with a channel's schema and stored as it normalised it. */
const jsonOf = <T extends z.ZodType>(schema: T, what: string) =>
  z.string().transform((value, context) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      context.addIssue({ code: 'custom', message: `must be ${what}` });
      return z.NEVER;
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      context.addIssue({ code: 'custom', message: `must be ${what}: ${result.error.issues[0]?.message ?? ''}` });
      return z.NEVER;
    }
    return JSON.stringify(result.data);
  });
/** Money as stored: integer hundredths, with its currency and period (all three or none). */
const storedMoney = { amount: z.number().int().min(0).max(100_000_000_000).nullish(), currency: currency.nullish(), period: z.enum(salaryPeriods).nullish() };

const a = applicationFields;
/** A watch's keywords or locations. */
const watchTerms = z.array(z.string().trim().min(1).max(100)).max(30);

export const jsonBackupRowSchemas = {
  stages: rowOf({
    name: createStageInput.shape.name.nullable(),
    category: z.enum(stageCategories),
    position: z.number().int().min(0).max(100_000),
  }),
  sources: rowOf({ name: createSourceInput.shape.name }),
  tags: rowOf({ name: createTagInput.shape.name, name_key: z.string().optional(), color: createTagInput.shape.color }).transform(withNameKey),
  companies: rowOf({
    name: companyFields.name,
    name_key: z.string().optional(),
    website: companyFields.website,
    industry: companyFields.industry,
    size: companyFields.size,
    location: companyFields.location,
    notes: companyFields.notes,
    /** Added in schema 70: the application this company was typed in with (absent from older backups). */
    created_with: nullableId.optional(),
  }).transform(withNameKey),
  contacts: rowOf({
    name: contactFields.name,
    role: contactFields.role,
    email: contactFields.email,
    phone: contactFields.phone,
    linkedin_url: contactFields.linkedinUrl,
    company_id: nullableId.optional(),
    notes: contactFields.notes,
    /** Added in schema 80 (absent from older backups). */
    next_follow_up_on: calendarDate.nullish(),
  }),
  applications: rowOf({
    company_id: id,
    position: a.position,
    employment_type: a.employmentType,
    schedule: a.schedule,
    work_mode: a.workMode,
    location: a.location,
    source: a.source,
    applied_on: a.appliedOn,
    posting_url: a.postingUrl,
    description: a.description,
    salary_min: a.salaryMin,
    salary_max: a.salaryMax,
    salary_currency: a.salaryCurrency,
    salary_period: a.salaryPeriod,
    required_skills: jsonList(skillList),
    preferred_skills: jsonList(skillList),
    experience_years: a.experienceYears,
    resume_version: a.resumeVersion,
    notes: a.notes,
    favorite: flag,
    priority: a.priority,
    excitement: a.excitement,
    deadline: a.deadline,
    archived: flag,
    first_response_on: a.firstResponseOn,
    /** Derived from the stage history; informative, recomputed on import. */
    stage_id: id.optional(),
    stage_category: z.enum(stageCategories).optional(),
    stage_changed_at: instant.optional(),
    external_fields: externalFields,
    /** Added in schema 190: the posting frozen when it was captured (absent from older backups). */
    posting_text: optionalText(200_000).optional(),
    posting_source_url: a.postingUrl.optional(),
    posting_captured_at: instant.nullish(),
  }).refine(salaryOrdered, { message: 'must not be below the minimum salary', path: ['salary_max'] }),
  stage_events: rowOf({
    application_id: id,
    from_stage_id: nullableId,
    to_stage_id: id,
    occurred_at: instant,
    note: optionalText(5000),
    /** Added in schema 180; absent from older backups (then 0). */
    date_unknown: flag.optional(),
    /** Set on events a rule wrote (schema 120, a small JSON object); absent from older backups. */
    automation: jsonObject(2000),
  }),
  application_tags: rowOf({ application_id: id, tag_id: id }),
  application_contacts: rowOf({ application_id: id, contact_id: id }),
  interviews: rowOf({
    application_id: id,
    scheduled_at: interviewFields.scheduledAt,
    duration_minutes: interviewFields.durationMinutes,
    type: interviewFields.type,
    format: interviewFields.format,
    location: interviewFields.location,
    meeting_url: interviewFields.meetingUrl,
    interviewers: interviewFields.interviewers,
    status: interviewFields.status,
    outcome: interviewFields.outcome,
    notes: interviewFields.notes,
    external_fields: externalFields,
  }),
  tasks: rowOf({
    title: taskFields.title,
    due_on: calendarDate.nullish(),
    done_at: instant.nullish(),
    application_id: nullableId.optional(),
    notes: taskFields.notes,
  }),
  profile: rowOf({
    name: updateProfileInput.shape.name,
    skills: jsonList(skillList),
    weekly_goal: updateProfileInput.shape.weeklyGoal,
    locale: updateProfileInput.shape.locale,
    theme: updateProfileInput.shape.theme,
    default_currency: updateProfileInput.shape.defaultCurrency,
  }),
  documents: rowOf({
    name: requiredText(255),
    kind: addDocumentInput.shape.kind,
    mime_type: z.string().max(255).nullish(),
    size_bytes: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hexadecimal'),
    notes: addDocumentInput.shape.notes,
  }),
  application_documents: rowOf({ application_id: id, document_id: id }),
  contact_interactions: rowOf({
    contact_id: id,
    occurred_on: interactionFields.occurredOn,
    channel: interactionFields.channel,
    note: interactionFields.note,
    application_id: nullableId.optional(),
  }),
  custom_fields: rowOf({
    name: requiredText(60),
    kind: z.enum(customFieldKinds),
    choices: jsonChoices,
    position: z.number().int().min(0).max(100_000),
  }),
  application_field_values: rowOf({ application_id: id, field_id: id, value: customFieldValue }),
  automation_settings: rowOf({
    follow_up_since: instant.nullable(),
    follow_up_days: ruleNumber(ruleLimits.followUpDays),
    follow_up_again_days: ruleNumber(ruleLimits.followUpAgainDays),
    ghost_since: instant.nullable(),
    ghost_days: ruleNumber(ruleLimits.ghostDays),
    archive_since: instant.nullable(),
    archive_months: ruleNumber(ruleLimits.archiveMonths),
    interview_since: instant.nullable(),
    task_since: instant.nullable(),
    deadline_since: instant.nullable(),
    goal_since: instant.nullable(),
    summary_since: instant.nullable(),
    quiet_enabled: flag,
    quiet_start: timeOfDay,
    quiet_end: timeOfDay,
    system_notifications: flag,
    first_weekday: z.union(weekdays.map((day) => z.literal(day))).nullable(),
  }),
  automation_runs: rowOf({ job: requiredText(100), key: z.string().max(1000), due_at: instant, outcome: requiredText(40) }),
  notifications: rowOf({
    kind: z.enum(notificationKinds),
    application_id: nullableId,
    subject_id: z.string().max(200).nullable(),
    data: jsonObject(20_000).unwrap().unwrap(),
    due_at: instant,
    read_at: instant.nullable(),
    done_at: instant.nullable(),
    dismissed_at: instant.nullable(),
    snoozed_until: instant.nullable(),
  }),
  weekly_summaries: rowOf({ week_start: calendarDate, data: jsonObject(100_000).unwrap().unwrap() }),
  fairs: rowOf({
    name: fairFields.name,
    starts_on: fairFields.startsOn,
    ends_on: fairFields.endsOn,
    place: fairFields.place,
    url: fairFields.url,
    notes: fairFields.notes,
  }),
  fair_booths: rowOf({
    fair_id: id,
    company_name: boothFields.companyName,
    booth: boothFields.booth,
    recruits_for: boothFields.recruitsFor,
    planned: flag,
    priority: boothFields.priority,
    pitch: boothFields.pitch,
    questions: boothFields.questions,
    documents: boothFields.documents,
    status: z.enum(visitStatuses),
    in_line_at: instant.nullable(),
    talking_at: instant.nullable(),
    finished_at: instant.nullable(),
    recruiter_name: visitFields.recruiterName,
    recruiter_role: visitFields.recruiterRole,
    recruiter_email: visitFields.recruiterEmail,
    notes: visitFields.notes,
    application_id: nullableId,
    contact_id: nullableId,
  }),
  screening_answers: rowOf({ question: answerFields.question, category: answerFields.category, tags: jsonList(answerTags) }),
  screening_answer_versions: rowOf({ answer_id: id, body: answerFields.body }),
  application_answers: rowOf({ application_id: id, answer_id: id, version_id: id, question: z.string().max(500).nullable() }),
  offer_comparisons: rowOf({
    name: comparisonFields.name,
    currency: comparisonFields.currency,
    hours_per_week: comparisonFields.hoursPerWeek,
    days_per_week: comparisonFields.daysPerWeek,
    weeks_per_year: comparisonFields.weeksPerYear,
    criteria: jsonOf(comparisonFields.criteria, 'a JSON array of criteria'),
    rates: jsonOf(comparisonFields.rates, 'a JSON object of exchange rates'),
  }),
  offer_entries: rowOf({
    comparison_id: id,
    application_id: id,
    salary_amount: storedMoney.amount,
    salary_currency: storedMoney.currency,
    salary_period: storedMoney.period,
    total_pay_amount: storedMoney.amount,
    total_pay_currency: storedMoney.currency,
    total_pay_period: storedMoney.period,
    scores: jsonOf(z.record(z.string().max(40), offerScore), 'a JSON object of scores'),
    note: setOfferInput.shape.note,
  }),
  board_watches: rowOf({
    kind: z.enum(boardKinds),
    board: watchBoard,
    company_name: requiredText(200),
    keywords: jsonList(watchTerms),
    locations: jsonList(watchTerms),
    remote: z.enum(remotePreferences),
  }),
  opportunities: rowOf({
    watch_id: id,
    external_id: requiredText(200),
    title: requiredText(500),
    location: optionalText(500),
    remote: flag.nullable(),
    url: a.postingUrl,
    description: optionalText(200_000),
    department: optionalText(200),
    employment_type: z.enum(employmentTypes).nullable(),
    salary_min: a.salaryMin,
    salary_max: a.salaryMax,
    salary_currency: currency.nullable(),
    salary_period: z.enum(salaryPeriods).nullable(),
    posted_at: instant.nullable(),
    status: z.enum(opportunityStatuses),
    closed_at: instant.nullable(),
    application_id: nullableId,
  }),
};
