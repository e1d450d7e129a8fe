import type { NextStep, ParsedInput, Task, TaskPage } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { TasksTable } from '../db/schema';

type Row = TasksTable & { application_label: string | null };

export function toTask(row: Row): Task {
  return {
    id: row.id,
    title: row.title,
    dueOn: row.due_on,
    doneAt: row.done_at,
    applicationId: row.application_id,
    applicationLabel: row.application_label,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const fromSql = `FROM tasks t LEFT JOIN applications a ON a.id = t.application_id LEFT JOIN companies c ON c.id = a.company_id`;
const columns = `t.*, CASE WHEN a.id IS NULL THEN NULL ELSE c.name || ' — ' || a.position END AS application_label`;

/** One application's tasks, for its detail, in the list's order: open first, by due date. */
export function tasksOfApplication(db: Database, applicationId: string): Task[] {
  const rows = db
    .sql(
      `SELECT ${columns} ${fromSql} WHERE t.application_id = ? AND t.deleted_at IS NULL
       ORDER BY t.done_at IS NOT NULL, t.due_on NULLS LAST, t.created_at, t.id`,
    )
    .all(applicationId) as Row[];
  return rows.map(toTask);
}

/** Tasks whose application was deleted are hidden with it; tasks without an application always show. */
export function listTaskRows(db: Database, input: ParsedInput<'tasks.list'>): TaskPage {
  const clauses = ['t.deleted_at IS NULL', '(t.application_id IS NULL OR a.deleted_at IS NULL)'];
  const params: (string | number)[] = [];
  if (input.status === 'open') clauses.push('t.done_at IS NULL');
  if (input.status === 'done') clauses.push('t.done_at IS NOT NULL');
  if (input.dueOnOrBefore) {
    clauses.push('t.due_on <= ?');
    params.push(input.dueOnOrBefore);
  }
  if (input.applicationId) {
    clauses.push('t.application_id = ?');
    params.push(input.applicationId);
  }
  const where = clauses.join(' AND ');
  const rows = db
    .sql(`SELECT ${columns} ${fromSql} WHERE ${where} ORDER BY t.done_at IS NOT NULL, t.due_on NULLS LAST, t.created_at, t.id LIMIT ? OFFSET ?`)
    .all(...params, input.limit, input.offset) as Row[];
  const total = (db.sql(`SELECT count(*) AS n ${fromSql} WHERE ${where}`).get(...params) as { n: number }).n;
  return { items: rows.map(toTask), total, limit: input.limit, offset: input.offset };
}

export function getTask(db: Database, id: string): Task {
  const row = db.sql(`SELECT ${columns} ${fromSql} WHERE t.id = ? AND t.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw notFound('Task', id);
  return toTask(row);
}

/**
 * The next step of each application: its open task due first (undated ones after dated ones, then the oldest).
 * One statement for a page of applications, through the index on tasks (application_id).
 */
export function nextStepsByApplication(db: Database, applicationIds: readonly string[]): Map<string, NextStep> {
  const result = new Map<string, NextStep>();
  if (applicationIds.length === 0) return result;
  const rows = db
    .sql(
      `SELECT application_id, id, title, due_on FROM (
         SELECT t.application_id, t.id, t.title, t.due_on,
           row_number() OVER (PARTITION BY t.application_id ORDER BY t.due_on IS NULL, t.due_on, t.created_at, t.id) AS nth
         FROM tasks t
         WHERE t.application_id IN (SELECT value FROM json_each(?)) AND t.deleted_at IS NULL AND t.done_at IS NULL)
       WHERE nth = 1`,
    )
    .all(JSON.stringify(applicationIds)) as { application_id: string; id: string; title: string; due_on: string | null }[];
  for (const row of rows) result.set(row.application_id, { taskId: row.id, title: row.title, dueOn: row.due_on });
  return result;
}
