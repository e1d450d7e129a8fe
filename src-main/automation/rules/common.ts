import type { AppContext } from '../../context';
import type { WriteContext, Fields } from '../../changes/writer';
import type { Database } from '../../db/connection';
import type { SyncedTable } from '../../db/schema';
import type { NotificationKind } from '../../../src-shared/contract';
import { readSettingsRow, ruleSwitches, type RuleName } from '../settings';
import type { JobPlan, Occurrence } from '../scheduler';

/** The meta key holding when automation first ran on this device (local, never synced). */
export const startedKey = 'automation_started_at';

/** When automation first ran on this device; set by the first call. */
export function automationStartedAt(db: Database, now: number): number {
  const stored = db.sql(`SELECT value FROM meta WHERE key = ?`).pluck().get(startedKey) as string | undefined;
  if (stored) return Date.parse(stored);
  db.sql(`INSERT INTO meta (key, value) VALUES (?, ?)`).run(startedKey, new Date(now).toISOString());
  return now;
}

/**
 * From when a rule acts, or null when it is off: the later of the moment it was turned on and the moment automation
 * first ran on this device. What fell due before that is left alone: switching a rule on, installing this version or
 * joining a new device to a search does not act on months of overdue things at once.
 */
export function ruleActiveSince(context: AppContext, rule: RuleName, now: number): number | null {
  const since = readSettingsRow(context.db)[ruleSwitches[rule]];
  if (since === null) return null;
  return Math.max(Date.parse(since), automationStartedAt(context.db, now));
}

/**
 * Whether an occurrence is one a rule should act on: due by now, not before the rule was active, and not before
 * Candid knew of what it is about (`knownAt`: when the row or the event it follows was written). The last guard
 * keeps an import of last year's applications from asking for a hundred follow-ups at once: Candid acts on what
 * falls due while it watches.
 */
export function actionable(dueAt: number, since: number, knownAt: string): boolean {
  return dueAt >= since && dueAt >= Date.parse(knownAt);
}

/** Collects what is due and when the next thing falls due, as rules go through their candidates. */
export class PlanBuilder<O extends Occurrence> {
  readonly due: O[] = [];
  nextAt: number | null = null;

  constructor(readonly now: number) {}

  /** An occurrence still to come (or due now). */
  consider(occurrence: O): void {
    if (occurrence.dueAt <= this.now) this.due.push(occurrence);
    else this.later(occurrence.dueAt);
  }

  /**
   * The occurrences of one subject (the day-before and hour-before reminders of an interview): only the latest one
   * that is due matters; it runs, and the earlier ones are recorded as superseded. `ran` tells which already ran.
   */
  considerLatest(candidates: readonly O[], ran: (key: string) => boolean): void {
    const due = candidates.filter((candidate) => candidate.dueAt <= this.now).sort((a, b) => a.dueAt - b.dueAt);
    const latest = due.at(-1);
    if (latest && !ran(latest.key)) {
      const earlier = due.slice(0, -1).filter((candidate) => !ran(candidate.key)).map((candidate) => candidate.key);
      this.due.push(earlier.length > 0 ? { ...latest, supersedes: earlier } : latest);
    }
    for (const candidate of candidates) this.later(candidate.dueAt);
  }

  later(at: number | null): void {
    if (at !== null && at > this.now && (this.nextAt === null || at < this.nextAt)) this.nextAt = at;
  }

  get plan(): JobPlan<O> {
    return { due: this.due, nextAt: this.nextAt };
  }
}

/**
 * A rule's plan: nothing while it is off; else `collect` goes through its candidates, from the moment the rule acts
 * (`since`, see ruleActiveSince).
 */
export function rulePlan<O extends Occurrence>(
  rule: RuleName,
  collect: (context: AppContext, builder: PlanBuilder<O>, since: number) => void,
): (context: AppContext, now: number) => JobPlan<O> {
  return (context, now) => {
    const builder = new PlanBuilder<O>(now);
    const since = ruleActiveSince(context, rule, now);
    if (since !== null) collect(context, builder, since);
    return builder.plan;
  };
}

/** The keys of `job` the ledger holds among `keys`. */
export function ranKeys(db: Database, job: string, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const rows = db
    .sql(`SELECT key FROM automation_runs WHERE job = ? AND key IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(job, JSON.stringify(keys)) as string[];
  return new Set(rows);
}

/** Inserts a row with a deterministic id unless a row with that id exists (synced from a device that ran it first). */
export function insertOnce(db: Database, write: WriteContext, table: SyncedTable, id: string, fields: Fields): boolean {
  if (db.sql(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) return false;
  write.insert(table, fields, id);
  return true;
}

export interface NewNotification {
  id: string;
  kind: NotificationKind;
  applicationId: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  dueAt: number;
}

export function insertNotification(db: Database, write: WriteContext, notification: NewNotification): boolean {
  return insertOnce(db, write, 'notifications', notification.id, {
    kind: notification.kind,
    application_id: notification.applicationId,
    subject_id: notification.subjectId,
    data: JSON.stringify(notification.data),
    due_at: new Date(notification.dueAt).toISOString(),
  });
}
