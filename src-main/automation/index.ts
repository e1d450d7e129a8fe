import type { AppContext } from '../context';
import { NotificationDelivery, type DeliverNotifications } from './notifications/delivery';
import { autoArchiveJob } from './rules/archive';
import { automationStartedAt } from './rules/common';
import { deadlineReminderJob } from './rules/deadline-reminders';
import { followUpJob } from './rules/follow-up';
import { autoGhostJob } from './rules/ghost';
import { interviewReminderJob } from './rules/interview-reminders';
import { taskReminderJob } from './rules/task-reminders';
import { goalAtRiskJob, weeklySummaryJob } from './rules/weekly';
import { boardWatchJob, type WatchJobOptions } from '../watch/job';
import { Scheduler, type AnyJobKind, type SchedulerOptions } from './scheduler';

export type { DeliverNotifications };
export { Scheduler, type JobKind, type Occurrence } from './scheduler';

/**
 * The rules of Settings ▸ Automation, in the order they run within a tick: ghosting before the follow-up, so that
 * an application a catch-up ghosts does not also get a follow-up suggested.
 */
export const ruleJobs: readonly AnyJobKind[] = [
  autoGhostJob,
  followUpJob,
  autoArchiveJob,
  interviewReminderJob,
  taskReminderJob,
  deadlineReminderJob,
  goalAtRiskJob,
  weeklySummaryJob,
];

export interface AutomationOptions extends Pick<SchedulerOptions, 'longestSleepMs' | 'afterWriteMs' | 'batchSize' | 'log'> {
  /** Shows notifications outside the window (the desktop shell); the browser shell shows them from the page. */
  deliver?: DeliverNotifications;
  /** The board watcher's limits (tests shorten the timeout). */
  watch?: WatchJobOptions;
}

export interface Automation {
  scheduler: Scheduler;
  /** The first tick: the catch-up of what fell due while the app was closed. */
  started: Promise<void>;
  stop(): void;
}

/** Starts the scheduler with the rules on an app context: at once (catching up), then at each due time. */
export function startAutomation(context: AppContext, options: AutomationOptions = {}): Automation {
  automationStartedAt(context.db, context.clock.now());
  const scheduler = new Scheduler(context, { ...options, followers: [new NotificationDelivery(options.deliver)] });
  for (const job of ruleJobs) scheduler.register(job);
  // Watched company boards (src-main/watch): network checks, after the rules.
  scheduler.register(boardWatchJob(options.watch));
  const started = scheduler.start();
  return { scheduler, started, stop: () => scheduler.stop() };
}
