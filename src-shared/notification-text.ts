import type { NotificationItem } from './contract/automation';

/** A translation function: i18next's `t` in the renderer, main's own instance for system notifications. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface NotificationFormat {
  /** An instant in the user's time zone. */
  dateTime(value: string): string;
  /** A calendar date `YYYY-MM-DD`. */
  date(value: string): string;
}

export interface NotificationText {
  title: string;
  body: string;
}

/**
 * What a notification says, in the user's language: the same words in the centre, in the desktop's system
 * notifications and in the browser's (keys of the `automation` namespace, `text.*`).
 */
export function notificationText(item: NotificationItem, t: Translate, format: NotificationFormat): NotificationText {
  const company = item.companyName ?? '';
  const position = item.position ?? '';
  const key = (suffix: string) => `automation:text.${item.kind}.${suffix}`;
  switch (item.kind) {
    case 'interview-soon':
      return {
        title: t(key(`title_${item.lead}`), { company }),
        body: t(key('body'), { position, when: format.dateTime(item.scheduledAt) }),
      };
    case 'task-due': {
      const state = item.overdue ? 'overdue' : 'today';
      return { title: t(key(`title_${state}`)), body: t(key(`body_${state}`), { title: item.title, date: format.date(item.dueOn) }) };
    }
    case 'follow-up':
      return { title: t(key('title'), { company }), body: t(key('body'), { count: item.days, position }) };
    case 'ghosted':
      return { title: t(key('title'), { company }), body: t(key('body'), { count: item.days, position }) };
    case 'deadline':
      return { title: t(key('title'), { count: item.daysLeft, company }), body: t(key('body'), { position, date: format.date(item.deadline) }) };
    case 'goal-at-risk':
      return { title: t(key('title')), body: t(key('body'), { sent: item.sent, goal: item.goal }) };
    case 'weekly-summary':
      return {
        title: t(key('title'), { date: format.date(item.weekStart) }),
        body: t(key('body'), { sent: item.sent, answers: item.answers, count: item.interviewsComing }),
      };
    case 'new-opportunities':
      return { title: t(key('title'), { company: item.company }), body: t(key('body'), { count: item.count, company: item.company }) };
  }
}
