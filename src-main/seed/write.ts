import { createApplicationInput, stageCategories, type StageCategory } from '../../src-shared/contract';
import { createApplication, changeStage } from '../applications/mutations';
import type { WriteContext } from '../changes/writer';
import { findCompanyByName, insertCompany } from '../companies/resolve';
import type { AppContext } from '../context';
import { firstStageOf } from '../stages/lookup';
import type { ApplicationPlan, TaskPlan } from './applications';
import type { Dataset } from './dataset';
import { instantOf, dayOf } from './dates';
import type { StageStep } from './funnel';

export interface SeedProgress {
  phase: 'companies' | 'applications';
  done: number;
  total: number;
}

export interface SeedOptions {
  /** Applications per transaction: large enough to amortise the commit, small enough to report progress. */
  batchSize?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedSummary {
  applications: number;
  companies: number;
  contacts: number;
  stageEvents: number;
  interviews: number;
  tasks: number;
  changeLogEntries: number;
}

/**
 * Writes a dataset through the one write path (`changes.write` with the same domain operations as the
 * handlers), so the change log, current stages and full-text index are exactly what real use produces.
 * Companies whose name already exists are reused, so seeding on top of data (--force) does not conflict.
 */
export function seedDatabase(context: AppContext, dataset: Dataset, options: SeedOptions = {}): SeedSummary {
  const { db, changes } = context;
  const batchSize = options.batchSize ?? 2000;
  const report = options.onProgress ?? (() => {});
  const stageIds = stageIdsByCategory(context);
  const companyCreatedAt = instantOf(dayOf(dataset.options.today) - 3 * 365 - 30, 9 * 60);

  const companyIds: string[] = [];
  const contactIds: string[] = [];
  const companyTotal = dataset.companies.length;
  for (let start = 0; start < companyTotal; start += batchSize * 2) {
    changes.write((write) => {
      const backdated = withCreatedAt(write, companyCreatedAt);
      for (const company of dataset.companies.slice(start, start + batchSize * 2)) {
        const { name, website, industry, size, location, notes } = company;
        companyIds.push(findCompanyByName(db, name)?.id ?? insertCompany(db, backdated, { name, website, industry, size, location, notes }));
      }
    });
    report({ phase: 'companies', done: Math.min(start + batchSize * 2, companyTotal), total: companyTotal });
  }
  changes.write((write) => {
    const backdated = withCreatedAt(write, companyCreatedAt);
    for (const contact of dataset.contacts) {
      const { companyIndex, linkedinUrl, ...fields } = contact;
      contactIds.push(backdated.insert('contacts', { ...fields, linkedin_url: linkedinUrl, company_id: companyIds[companyIndex] }));
    }
    for (const task of dataset.generalTasks) insertTask(backdated, task, null);
  });

  const total = dataset.options.count;
  let done = 0;
  let batch: ApplicationPlan[] = [];
  const flush = () => {
    changes.write((write) => {
      for (const plan of batch) writeApplication(context, write, plan, { stageIds, companyIds, contactIds });
    });
    done += batch.length;
    batch = [];
    report({ phase: 'applications', done, total });
  };
  for (const plan of dataset.applications()) {
    batch.push(plan);
    if (batch.length === batchSize) flush();
  }
  if (batch.length > 0) flush();
  return summarize(context);
}

interface Ids {
  stageIds: Record<StageCategory, string>;
  companyIds: readonly string[];
  contactIds: readonly string[];
}

function writeApplication(context: AppContext, write: WriteContext, plan: ApplicationPlan, ids: Ids): void {
  const { db } = context;
  const [first, ...later] = plan.steps;
  // Parsing with the channel's schema keeps the generator honest: it can only write what a user could.
  const input = createApplicationInput.parse({
    ...plan.fields,
    companyId: ids.companyIds[plan.companyIndex],
    stageId: ids.stageIds[first.category],
    stageAt: first.at,
    contactIds: plan.contactIndexes.map((index) => ids.contactIds[index]),
  });
  const applicationId = createApplication(db, withCreatedAt(write, first.at), input);
  for (const step of later) {
    changeStage(db, withCreatedAt(write, step.at), {
      applicationId,
      stageId: ids.stageIds[step.category],
      occurredAt: step.at,
      note: step.note,
    });
  }
  for (const interview of plan.interviews) {
    const { scheduledAt, durationMinutes, meetingUrl, ...rest } = interview;
    withCreatedAt(write, recordedAt(plan.steps, scheduledAt)).insert('interviews', {
      ...rest,
      application_id: applicationId,
      scheduled_at: scheduledAt,
      duration_minutes: durationMinutes,
      meeting_url: meetingUrl,
    });
  }
  const last = plan.steps[plan.steps.length - 1];
  for (const task of plan.tasks) insertTask(withCreatedAt(write, last.at), task, applicationId);
}

function insertTask(write: WriteContext, task: TaskPlan, applicationId: string | null): void {
  write.insert('tasks', { title: task.title, due_on: task.dueOn, done_at: task.doneAt, application_id: applicationId, notes: task.notes });
}

/** A row about `instant` was recorded at the latest stage change before it (the first one at the latest). */
function recordedAt(steps: readonly StageStep[], instant: string): string {
  let at = steps[0].at;
  for (const step of steps) if (step.at <= instant) at = step.at;
  return at;
}

/**
 * The write context as it was at `instant`: rows it inserts carry that creation time, so a seeded history
 * looks as if it had been typed in as it happened. Everything else (HLC stamps, the change log) is real.
 */
function withCreatedAt(write: WriteContext, instant: string): WriteContext {
  return {
    now: instant,
    insert: (table, fields, id) => write.insert(table, { created_at: instant, ...fields }, id),
    update: (table, id, fields) => write.update(table, id, fields),
    updateMany: (table, ids, fields) => write.updateMany(table, ids, fields),
    updateWhere: (table, rows, fields) => write.updateWhere(table, rows, fields),
    softDelete: (table, id) => write.softDelete(table, id),
    restore: (table, id) => write.restore(table, id),
  };
}

function stageIdsByCategory(context: AppContext): Record<StageCategory, string> {
  const ids = {} as Record<StageCategory, string>;
  for (const category of stageCategories) {
    const stage = firstStageOf(context.db, category);
    if (!stage) throw new Error(`There is no stage of category ${category} to seed into`);
    ids[category] = stage.id;
  }
  return ids;
}

export function summarize(context: AppContext): SeedSummary {
  const count = (sql: string) => context.db.sql(sql).pluck().get() as number;
  return {
    applications: count(`SELECT count(*) FROM applications WHERE deleted_at IS NULL`),
    companies: count(`SELECT count(*) FROM companies WHERE deleted_at IS NULL`),
    contacts: count(`SELECT count(*) FROM contacts WHERE deleted_at IS NULL`),
    stageEvents: count(`SELECT count(*) FROM stage_events WHERE deleted_at IS NULL`),
    interviews: count(`SELECT count(*) FROM interviews WHERE deleted_at IS NULL`),
    tasks: count(`SELECT count(*) FROM tasks WHERE deleted_at IS NULL`),
    changeLogEntries: count(`SELECT count(*) FROM change_log`),
  };
}

/** Whether the database already holds anything a person entered (the built-in stages and profile do not count). */
export function holdsUserData(context: AppContext): boolean {
  return ['applications', 'companies', 'contacts', 'interviews', 'tasks'].some(
    (table) => context.db.sql(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1,
  );
}
