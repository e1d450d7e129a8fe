import { z } from 'zod';
import {
  interviewFormats,
  interviewTypes,
  notificationTarget,
  type NotificationDetails,
  type NotificationItem,
  type NotificationKind,
  type NotificationList,
  type ParsedInput,
} from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import type { NotificationsTable } from '../../db/schema';
import { addDays } from '../../statistics/days';
import { atLocalTime, endOfLocalDay, isQuiet } from '../local-time';
import { readSettingsRow } from '../settings';

/**
 * What each kind stores in `data`, checked when read: a row synced from another device or version that does not
 * fit is left out of the centre rather than breaking it.
 */
const dataSchemas = {
  'interview-soon': z.object({
    lead: z.enum(['day', 'hour']),
    scheduledAt: z.string(),
    interviewType: z.enum(interviewTypes).nullable().catch(null),
    format: z.enum(interviewFormats).nullable().catch(null),
  }),
  'task-due': z.object({ dueOn: z.string(), overdue: z.boolean() }),
  'follow-up': z.object({ round: z.number(), days: z.number() }),
  ghosted: z.object({ days: z.number() }),
  deadline: z.object({ deadline: z.string(), daysLeft: z.number() }),
  'goal-at-risk': z.object({ goal: z.number(), sent: z.number(), weekStart: z.string(), weekEnd: z.string() }),
  'weekly-summary': z.object({
    weekStart: z.string(),
    weekEnd: z.string(),
    sent: z.number(),
    answers: z.number(),
    interviewsComing: z.number(),
    goal: z.number().nullable(),
  }),
  'new-opportunities': z.object({ count: z.number().int().min(1), company: z.string() }),
} satisfies Record<NotificationKind, z.ZodType>;

interface Row extends NotificationsTable {
  company_name: string | null;
  position: string | null;
  application_deleted: string | null;
  stage_category: string | null;
  application_deadline: string | null;
  interview_status: string | null;
  interview_at: string | null;
  interview_deleted: string | null;
  task_title: string | null;
  task_done: string | null;
  task_deleted: string | null;
  event_deleted: string | null;
  event_id: string | null;
}

/** When a notification shows: when it fell due, or when its snooze ends. */
const visibleAtSql = `coalesce(n.snoozed_until, n.due_at)`;

const columnsSql = `n.*, c.name AS company_name, a.position, a.deleted_at AS application_deleted, a.stage_category,
    a.deadline AS application_deadline,
    i.status AS interview_status, i.scheduled_at AS interview_at, i.deleted_at AS interview_deleted,
    t.title AS task_title, t.done_at AS task_done, t.deleted_at AS task_deleted,
    e.id AS event_id, e.deleted_at AS event_deleted`;

/** What each notification is about, for its text and for telling whether it still means anything. */
const joinsSql = `LEFT JOIN applications a ON a.id = n.application_id
  LEFT JOIN companies c ON c.id = a.company_id
  LEFT JOIN interviews i ON n.kind = 'interview-soon' AND i.id = n.subject_id
  LEFT JOIN tasks t ON n.kind IN ('task-due', 'follow-up') AND t.id = n.subject_id
  LEFT JOIN stage_events e ON n.kind = 'ghosted' AND e.id = n.subject_id`;

/**
 * The notification of a row, or null when it no longer means anything: its application or subject was deleted,
 * the interview was moved, cancelled or has begun, the task is done, the ghosting was undone, the posting was
 * applied to or has closed, the week at risk is over.
 */
function toItem(row: Row, now: number): NotificationItem | null {
  if (row.application_id !== null && (row.company_name === null || row.application_deleted !== null)) return null;
  const kind = row.kind as NotificationKind;
  const schema = dataSchemas[kind];
  if (!schema) return null;
  let data: Record<string, unknown>;
  try {
    data = schema.parse(JSON.parse(row.data)) as Record<string, unknown>;
  } catch {
    return null;
  }
  let details: NotificationDetails;
  switch (kind) {
    case 'interview-soon': {
      const d = data as z.infer<(typeof dataSchemas)['interview-soon']>;
      const moved = row.interview_at !== d.scheduledAt || row.interview_status !== 'planned' || row.interview_deleted !== null;
      if (moved || Date.parse(d.scheduledAt) <= now) return null;
      details = { kind, lead: d.lead, scheduledAt: d.scheduledAt, interviewType: d.interviewType, format: d.format };
      break;
    }
    case 'task-due':
    case 'follow-up': {
      if (row.task_title === null || row.task_deleted !== null) return null;
      if (kind === 'task-due') {
        const d = data as z.infer<(typeof dataSchemas)['task-due']>;
        if (row.task_done !== null && row.done_at === null) return null;
        details = { kind, title: row.task_title, dueOn: d.dueOn, overdue: d.overdue };
      } else {
        const d = data as z.infer<(typeof dataSchemas)['follow-up']>;
        if (row.task_done !== null && row.done_at === null) return null;
        // An answer arrived: no need to follow up any more.
        if (row.stage_category !== 'applied' && row.done_at === null) return null;
        details = { kind, title: row.task_title, round: d.round, days: d.days };
      }
      break;
    }
    case 'ghosted': {
      if (row.event_id === null || row.event_deleted !== null) return null;
      details = { kind, days: (data as z.infer<(typeof dataSchemas)['ghosted']>).days };
      break;
    }
    case 'deadline': {
      const d = data as z.infer<(typeof dataSchemas)['deadline']>;
      if (row.stage_category !== 'wishlist' || row.application_deadline !== d.deadline || now >= endOfLocalDay(d.deadline)) return null;
      details = { kind, deadline: d.deadline, daysLeft: d.daysLeft };
      break;
    }
    case 'goal-at-risk': {
      const d = data as z.infer<(typeof dataSchemas)['goal-at-risk']>;
      if (now >= atLocalTime(addDays(d.weekStart, 7), '00:00')) return null;
      details = { kind, goal: d.goal, sent: d.sent, weekStart: d.weekStart, weekEnd: d.weekEnd };
      break;
    }
    case 'weekly-summary': {
      const d = data as z.infer<(typeof dataSchemas)['weekly-summary']>;
      details = { kind, ...d };
      break;
    }
    case 'new-opportunities': {
      const d = data as z.infer<(typeof dataSchemas)['new-opportunities']>;
      details = { kind, count: d.count, company: d.company };
      break;
    }
  }
  const visibleAt = row.snoozed_until ?? row.due_at;
  return {
    ...details,
    id: row.id,
    visibleAt,
    createdAt: row.created_at,
    unread: row.read_at === null || row.read_at < visibleAt,
    readAt: row.read_at,
    doneAt: row.done_at,
    dismissedAt: row.dismissed_at,
    snoozedUntil: row.snoozed_until,
    applicationId: row.application_id,
    companyName: row.company_name,
    position: row.position,
    subjectId: row.subject_id,
    target: notificationTarget(details, row.application_id),
    undoable: kind === 'ghosted' && row.done_at === null,
  };
}

/**
 * One entry per thing reminded of: a later reminder of the same interview, task or posting (the hour-before after
 * the day-before, "overdue" after "due today") takes the place of the earlier one, even while it is snoozed.
 */
const notSupersededSql = `NOT (n.kind IN ('interview-soon', 'task-due', 'deadline') AND EXISTS (SELECT 1 FROM notifications m
  WHERE m.subject_id = n.subject_id AND m.kind = n.kind AND m.deleted_at IS NULL AND m.due_at > n.due_at))`;

/**
 * At most this many rows, the newest, are looked at per list (about 12 ms of CPU at 500 open notifications): a
 * month away from a large search does not make the bell slow to open. The bell shows 99+ long before.
 */
const listWindow = 500;

/**
 * Notifications visible at `now` (open ones: neither done nor dismissed), newest first, stale ones left out; only
 * those that appeared (became visible, or arrived) after `appearedAfter` when given.
 */
export function visibleNotifications(db: Database, now: number, status: 'open' | 'all', appearedAfter?: string): NotificationItem[] {
  const open = status === 'open' ? 'AND n.done_at IS NULL AND n.dismissed_at IS NULL' : '';
  const after = appearedAfter === undefined ? '' : `AND max(n.created_at, ${visibleAtSql}) > ?`;
  const params = appearedAfter === undefined ? [] : [appearedAfter];
  // The newest rows first, then their joins: only the window's rows are looked up.
  const rows = db
    .sql(
      `SELECT ${columnsSql} FROM (SELECT * FROM notifications n
         WHERE n.deleted_at IS NULL AND ${visibleAtSql} <= ? ${open} ${after} AND ${notSupersededSql}
         ORDER BY ${visibleAtSql} DESC, n.id LIMIT ?) n ${joinsSql}
       ORDER BY ${visibleAtSql} DESC, n.id`,
    )
    .all(new Date(now).toISOString(), ...params, listWindow) as Row[];
  return rows.map((row) => toItem(row, now)).filter((item): item is NotificationItem => item !== null);
}

export function listNotifications(db: Database, now: number, input: ParsedInput<'notifications.list'>): NotificationList {
  const items = visibleNotifications(db, now, input.status);
  const settings = readSettingsRow(db);
  return {
    items: items.slice(input.offset, input.offset + input.limit),
    total: items.length,
    unread: items.filter((item) => item.unread && item.doneAt === null && item.dismissedAt === null).length,
    quietNow: isQuiet(now, { enabled: settings.quiet_enabled === 1, start: settings.quiet_start, end: settings.quiet_end }),
    systemNotifications: settings.system_notifications === 1,
  };
}

/** The notifications with these ids (any state), as stored: what `notifications.act` works on. */
export function notificationRows(db: Database, ids: readonly string[]): Row[] {
  return db
    .sql(`SELECT ${columnsSql} FROM notifications n ${joinsSql} WHERE n.id IN (SELECT value FROM json_each(?)) AND n.deleted_at IS NULL`)
    .all(JSON.stringify(ids)) as Row[];
}

/** When the next open notification becomes visible after `now` (a snooze that ends), or null. */
export function nextVisibleAt(db: Database, now: number): number | null {
  const next = db
    .sql(`SELECT min(${visibleAtSql}) FROM notifications n WHERE n.deleted_at IS NULL AND n.done_at IS NULL AND n.dismissed_at IS NULL AND ${visibleAtSql} > ?`)
    .pluck()
    .get(new Date(now).toISOString()) as string | null;
  return next === null ? null : Date.parse(next);
}
