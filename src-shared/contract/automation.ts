import { z } from 'zod';
import { id, pagination } from './common';
import type { InterviewFormat, InterviewType } from './enums';
import type { Rate, UpcomingInterview } from './statistics';
import { snoozeDurations } from './enums';
import { opportunitiesRoute, weeklySummaryRoute } from './routes';

/**
 * Channels of automation: the rules' settings (Settings ▸ Automation), the notification centre and the weekly
 * summaries. How the rules decide, and when: docs/automation.md.
 */

/** ISO weekday numbers: 1 = Monday … 7 = Sunday (what Intl.Locale's weekInfo uses). */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof weekdays)[number];

/** `HH:MM`, 24-hour, local time. */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

/** Bounds of each rule's number: wide enough for any real use, narrow enough that a typo is caught. */
export const ruleLimits = {
  followUpDays: { min: 1, max: 90 },
  /** 0: no second follow-up. */
  followUpAgainDays: { min: 0, max: 90 },
  ghostDays: { min: 7, max: 365 },
  archiveMonths: { min: 1, max: 36 },
} as const;

const bounded = (limits: { min: number; max: number }) => z.number().int().min(limits.min).max(limits.max);
const switchOnly = z.object({ enabled: z.boolean() }).strict();

export const updateAutomationInput = z
  .object({
    followUp: z
      .object({ enabled: z.boolean(), days: bounded(ruleLimits.followUpDays), againDays: bounded(ruleLimits.followUpAgainDays) })
      .partial()
      .strict(),
    ghost: z.object({ enabled: z.boolean(), days: bounded(ruleLimits.ghostDays) }).partial().strict(),
    archive: z.object({ enabled: z.boolean(), months: bounded(ruleLimits.archiveMonths) }).partial().strict(),
    interviewReminders: switchOnly,
    taskReminders: switchOnly,
    deadlineReminders: switchOnly,
    goalReminders: switchOnly,
    weeklySummary: switchOnly,
    quietHours: z.object({ enabled: z.boolean(), start: timeOfDay, end: timeOfDay }).partial().strict(),
    systemNotifications: z.boolean(),
    /** null: the locale's first day of the week. */
    firstWeekday: z.union(weekdays.map((day) => z.literal(day))).nullable(),
  })
  .partial()
  .strict();
export type UpdateAutomationInput = z.input<typeof updateAutomationInput>;

export interface AutomationSettings {
  followUp: { enabled: boolean; days: number; againDays: number };
  ghost: { enabled: boolean; days: number };
  archive: { enabled: boolean; months: number };
  interviewReminders: { enabled: boolean };
  taskReminders: { enabled: boolean };
  deadlineReminders: { enabled: boolean };
  goalReminders: { enabled: boolean };
  weeklySummary: { enabled: boolean };
  quietHours: { enabled: boolean; start: string; end: string };
  /** Desktop: the system's notifications; browser: the Web Notifications the user allowed. */
  systemNotifications: boolean;
  firstWeekday: Weekday | null;
  /** The first day of the week in use: the setting, else the locale's (the weekly goal, streak and summary follow it). */
  effectiveFirstWeekday: Weekday;
}

export const notificationKinds = [
  'interview-soon',
  'task-due',
  'follow-up',
  'ghosted',
  'deadline',
  'goal-at-risk',
  'weekly-summary',
  'new-opportunities',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export { snoozeDurations } from './enums';
export type SnoozeDuration = (typeof snoozeDurations)[number];

export const listNotificationsInput = z
  .object({
    /** open: what the centre shows (visible now, neither done nor dismissed); all: every one visible now, for a history. */
    status: z.enum(['open', 'all']).default('open'),
    ...pagination,
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
  .default({ status: 'open', limit: 100, offset: 0 });

const notificationIds = z.array(id).min(1).max(1000);

/**
 * - read / unread: the bell's count;
 * - done: handled (a task reminder or follow-up marks its task done too);
 * - dismiss: hidden without being done; snooze: hidden until `duration` from now, then back and unread;
 * - restore: undoes done, dismiss or snooze (a task it marked done is reopened);
 * - undo: takes back what the rule did (an automatic ghosting: the application returns to its previous stage).
 */
export const notificationActions = ['read', 'unread', 'done', 'dismiss', 'snooze', 'restore', 'undo'] as const;
export type NotificationAction = (typeof notificationActions)[number];

export const actOnNotificationsInput = z.union([
  z.object({ action: z.literal('snooze'), ids: notificationIds, duration: z.enum(snoozeDurations) }).strict(),
  z.object({ action: z.enum(notificationActions.filter((action) => action !== 'snooze') as [Exclude<NotificationAction, 'snooze'>, ...Exclude<NotificationAction, 'snooze'>[]]), ids: notificationIds }).strict(),
]);
export type ActOnNotificationsInput = z.input<typeof actOnNotificationsInput>;

export const listSummariesInput = z
  .object({ ...pagination, limit: z.number().int().min(1).max(520).default(52) })
  .strict()
  .default({ limit: 52, offset: 0 });

export const undoAutomationInput = z.object({ stageEventId: id }).strict();

const none = z.undefined().or(z.object({}).strict()).optional();

export const automationChannelInputs = {
  'automation.settings': none,
  'automation.update': updateAutomationInput,
  'automation.summaries': listSummariesInput,
  'automation.undo': undoAutomationInput,
  'notifications.list': listNotificationsInput,
  'notifications.act': actOnNotificationsInput,
} as const;

/** What each kind of notification says, beyond the application it is about. */
export type NotificationDetails =
  | { kind: 'interview-soon'; lead: 'day' | 'hour'; scheduledAt: string; interviewType: InterviewType | null; format: InterviewFormat | null }
  | { kind: 'task-due'; title: string; dueOn: string; overdue: boolean }
  | { kind: 'follow-up'; title: string; round: number; days: number }
  | { kind: 'ghosted'; days: number }
  | { kind: 'deadline'; deadline: string; daysLeft: number }
  | { kind: 'goal-at-risk'; goal: number; sent: number; weekStart: string; weekEnd: string }
  | { kind: 'weekly-summary'; weekStart: string; weekEnd: string; sent: number; answers: number; interviewsComing: number; goal: number | null }
  | { kind: 'new-opportunities'; count: number; company: string };

export type NotificationItem = NotificationDetails & {
  id: string;
  /** When it appeared in the centre: when it fell due, or when its snooze ended. */
  visibleAt: string;
  createdAt: string;
  unread: boolean;
  readAt: string | null;
  doneAt: string | null;
  dismissedAt: string | null;
  snoozedUntil: string | null;
  applicationId: string | null;
  companyName: string | null;
  position: string | null;
  /** The interview, task, stage event or summary it is about. */
  subjectId: string | null;
  /** The screen it opens (a route of the renderer). */
  target: string;
  /** `undo` can take back what the rule did. */
  undoable: boolean;
};

export interface NotificationList {
  items: NotificationItem[];
  /** Open notifications not read since they appeared (the bell's number). */
  unread: number;
  total: number;
  /** Now is within quiet hours: nothing pops up (the centre still fills). */
  quietNow: boolean;
  /** Whether the user wants pop-ups (Settings ▸ Automation). */
  systemNotifications: boolean;
}

export interface ActResult {
  /** Notifications changed. */
  count: number;
}

export interface WeekComparison {
  current: number;
  previous: number;
}

export interface WeeklySummary {
  id: string;
  /** First and last day of the week it covers. */
  weekStart: string;
  weekEnd: string;
  createdAt: string;
  /** Applications sent, first answers, interviews and first offers, on their day: this week and the one before. */
  sent: WeekComparison;
  answers: WeekComparison;
  interviews: WeekComparison;
  offers: WeekComparison;
  /** Of every application sent up to the end of the week, answered (interviewed) by then; and a week earlier. */
  responseRate: { current: Rate; previous: Rate };
  interviewRate: { current: Rate; previous: Rate };
  /** The weekly goal as the dashboard computes it on the last day of the week. */
  goal: { goal: number | null; sent: number; met: boolean; progress: number; streakWeeks: number };
  /** Planned interviews in the seven days after the week. */
  interviewsComing: { count: number; next: UpcomingInterview[] };
}

export interface AutomationOutputs {
  'automation.settings': AutomationSettings;
  'automation.update': AutomationSettings;
  'automation.summaries': { items: WeeklySummary[]; total: number; limit: number; offset: number };
  'automation.undo': { applicationId: string };
  'notifications.list': NotificationList;
  'notifications.act': ActResult;
}

export { opportunitiesRoute, weeklySummaryRoute } from './routes';

export function notificationTarget(details: NotificationDetails, applicationId: string | null): string {
  switch (details.kind) {
    case 'task-due':
      return applicationId ? `/applications/${applicationId}` : '/tasks';
    case 'goal-at-risk':
      return '/dashboard';
    case 'weekly-summary':
      return `${weeklySummaryRoute}/${details.weekStart}`;
    case 'new-opportunities':
      return opportunitiesRoute;
    default:
      return applicationId ? `/applications/${applicationId}` : '/dashboard';
  }
}
