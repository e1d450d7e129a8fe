import type { Database } from '../../db/connection';
import { notRunSql } from '../scheduler';
import { actionable } from './common';

/**
 * The rules that count from the moment an application entered its current stage (follow-ups, ghosting, archiving):
 * `stage_changed_at`, its anchor. Their plans run at every tick, so they are SQL over an index of (category, anchor)
 * that returns only what is due and not yet run, and the next anchor to come — not every application of the search.
 */

/** An application in the state a rule counts from. */
export interface StageAnchor {
  applicationId: string;
  /** When it entered its current stage (applications.stage_changed_at). */
  anchorAt: string;
  /** When Candid learnt of it (the application's row was created). */
  createdAt: string;
  stageId: string;
}

/** The key of one occurrence of a rule for an application: it names the anchor, so a new stage starts anew. */
export const anchorKey = (anchor: Pick<StageAnchor, 'applicationId' | 'anchorAt'>, suffix = '') => `${anchor.applicationId}@${anchor.anchorAt}${suffix}`;

export interface AnchorRule {
  job: string;
  categories: readonly string[];
  /** Only applications without any answer (first_response_on empty). */
  unanswered?: boolean;
  /** Appended to the key (`#2`: the second follow-up). */
  keySuffix?: string;
  /** When the occurrence of an anchor falls due. */
  dueOf(anchorMs: number): number;
  /** The anchor whose occurrence is due at `dueMs`, give or take `slackMs` (SQL pre-filters with it, JS decides). */
  anchorDueBy(dueMs: number): number;
  /** How far `anchorDueBy` may be off: the SQL ranges are widened by it (a day unless said otherwise). */
  slackMs?: number;
  /** The same shift as an SQLite datetime modifier (`-7 days`, `-6 months`), for the guard on when the row was created. */
  sqlShift: string;
}

const dayMs = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The anchors of one category in a range, not run yet, in anchor order: one category at a time, so that SQLite walks
 * the index (stage_category, archived, stage_changed_at) in order and stops at the LIMIT.
 */
function selectSql(rule: AnchorRule, limit = ''): string {
  return `SELECT a.id AS applicationId, a.stage_changed_at AS anchorAt, a.created_at AS createdAt, a.stage_id AS stageId
    FROM applications a
    WHERE a.deleted_at IS NULL AND a.stage_category = ? AND a.archived = 0
      AND a.stage_changed_at BETWEEN ? AND ?
      ${rule.unanswered ? 'AND a.first_response_on IS NULL' : ''}
      AND a.stage_changed_at >= strftime('%Y-%m-%dT%H:%M:%fZ', a.created_at, '${rule.sqlShift}', '-1 days')
      AND ${notRunSql(rule.job, `a.id || '@' || a.stage_changed_at || '${rule.keySuffix ?? ''}'`)}
    ORDER BY a.stage_changed_at ${limit}`;
}

/** The anchors whose occurrence is due at `now`, not run, and actionable since `since`. */
export function dueAnchors(db: Database, rule: AnchorRule, since: number, now: number): (StageAnchor & { dueAt: number })[] {
  const slack = rule.slackMs ?? dayMs;
  const range = [iso(rule.anchorDueBy(since) - slack), iso(rule.anchorDueBy(now) + slack)];
  const rows = rule.categories.flatMap((category) => db.sql(selectSql(rule)).all(category, ...range) as StageAnchor[]);
  return rows
    .map((row) => ({ ...row, dueAt: rule.dueOf(Date.parse(row.anchorAt)) }))
    .filter((row) => row.dueAt <= now && actionable(row.dueAt, since, row.createdAt));
}

/** When the next occurrence of the rule falls due after `now`, or null. */
export function nextAnchorDue(db: Database, rule: AnchorRule, since: number, now: number): number | null {
  const from = iso(rule.anchorDueBy(now) - (rule.slackMs ?? dayMs));
  let next: number | null = null;
  for (const category of rule.categories) {
    const rows = db.sql(selectSql(rule, 'LIMIT 100')).all(category, from, '9999') as StageAnchor[];
    let found: number | null = null;
    for (const row of rows) {
      const dueAt = rule.dueOf(Date.parse(row.anchorAt));
      if (dueAt > now && actionable(dueAt, since, row.createdAt)) {
        found = dueAt;
        break;
      }
    }
    // A hundred anchors turned down (due now, being run): look again after the last, a spare wake-up, never a missed one.
    if (found === null && rows.length === 100) found = Math.max(now + 1, rule.dueOf(Date.parse(rows[99].anchorAt)));
    if (found !== null && (next === null || found < next)) next = found;
  }
  return next;
}

/** An application's state now, for a run to check that nothing moved since it was planned. */
export interface CurrentState {
  anchorAt: string;
  stageId: string;
  category: string;
  firstResponseOn: string | null;
  archived: number;
  companyName: string;
}

export function currentState(db: Database, applicationId: string): CurrentState | undefined {
  return db
    .sql(
      `SELECT a.stage_changed_at AS anchorAt, a.stage_id AS stageId, a.stage_category AS category, a.first_response_on AS firstResponseOn,
         a.archived, c.name AS companyName
       FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.id = ? AND a.deleted_at IS NULL`,
    )
    .get(applicationId) as CurrentState | undefined;
}

/** A shift of whole days. */
export function daysShift(days: number): Pick<AnchorRule, 'dueOf' | 'anchorDueBy' | 'sqlShift'> {
  const ms = days * dayMs;
  return { dueOf: (anchor) => anchor + ms, anchorDueBy: (due) => due - ms, sqlShift: `-${days} days` };
}
