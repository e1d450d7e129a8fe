import type { AutomationSettings, ParsedInput, Weekday } from '../../src-shared/contract';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import type { AutomationSettingsTable } from '../db/schema';
import { automationSettingsRowId } from '../../migrations/0120_automation';
import { userFirstWeekday } from '../statistics/weeks';

export { automationSettingsRowId };

/** The rules that can be switched on and off, by the column that holds since when they are on. */
export const ruleSwitches = {
  followUp: 'follow_up_since',
  ghost: 'ghost_since',
  archive: 'archive_since',
  interviewReminders: 'interview_since',
  taskReminders: 'task_since',
  deadlineReminders: 'deadline_since',
  goalReminders: 'goal_since',
  weeklySummary: 'summary_since',
} as const satisfies Partial<Record<keyof AutomationSettings, keyof AutomationSettingsTable>>;
export type RuleName = keyof typeof ruleSwitches;

export function readSettingsRow(db: Database): AutomationSettingsTable {
  return db.sql(`SELECT * FROM automation_settings WHERE id = ?`).get(automationSettingsRowId) as AutomationSettingsTable;
}

export function toSettings(db: Database, row: AutomationSettingsTable): AutomationSettings {
  const on = (rule: RuleName) => row[ruleSwitches[rule]] !== null;
  return {
    followUp: { enabled: on('followUp'), days: row.follow_up_days, againDays: row.follow_up_again_days },
    ghost: { enabled: on('ghost'), days: row.ghost_days },
    archive: { enabled: on('archive'), months: row.archive_months },
    interviewReminders: { enabled: on('interviewReminders') },
    taskReminders: { enabled: on('taskReminders') },
    deadlineReminders: { enabled: on('deadlineReminders') },
    goalReminders: { enabled: on('goalReminders') },
    weeklySummary: { enabled: on('weeklySummary') },
    quietHours: { enabled: row.quiet_enabled === 1, start: row.quiet_start, end: row.quiet_end },
    systemNotifications: row.system_notifications === 1,
    firstWeekday: row.first_weekday as Weekday | null,
    effectiveFirstWeekday: userFirstWeekday(db),
  };
}

export function readSettings(db: Database): AutomationSettings {
  return toSettings(db, readSettingsRow(db));
}

/**
 * Applies a settings change. Turning a rule on records the moment: it acts on what falls due from then on, so a
 * rule switched on after months does not act on everything that was already overdue at once.
 */
export function updateSettings(db: Database, write: WriteContext, input: ParsedInput<'automation.update'>): void {
  const row = readSettingsRow(db);
  const fields: Record<string, string | number | null> = {};
  for (const [rule, column] of Object.entries(ruleSwitches) as [RuleName, keyof AutomationSettingsTable][]) {
    const enabled = input[rule]?.enabled;
    if (enabled === undefined) continue;
    if (enabled && row[column] === null) fields[column] = write.now;
    if (!enabled) fields[column] = null;
  }
  if (input.followUp?.days !== undefined) fields.follow_up_days = input.followUp.days;
  if (input.followUp?.againDays !== undefined) fields.follow_up_again_days = input.followUp.againDays;
  if (input.ghost?.days !== undefined) fields.ghost_days = input.ghost.days;
  if (input.archive?.months !== undefined) fields.archive_months = input.archive.months;
  if (input.quietHours?.enabled !== undefined) fields.quiet_enabled = input.quietHours.enabled ? 1 : 0;
  if (input.quietHours?.start !== undefined) fields.quiet_start = input.quietHours.start;
  if (input.quietHours?.end !== undefined) fields.quiet_end = input.quietHours.end;
  if (input.systemNotifications !== undefined) fields.system_notifications = input.systemNotifications ? 1 : 0;
  if (input.firstWeekday !== undefined) fields.first_weekday = input.firstWeekday;
  write.update('automation_settings', automationSettingsRowId, fields);
}
