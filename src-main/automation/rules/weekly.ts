import { computeOverview } from '../../statistics/compute';
import { addDays } from '../../statistics/days';
import { userFirstWeekday, weekStartOn } from '../../statistics/weeks';
import { atLocalTime, localDay, morning } from '../local-time';
import { occurrenceId, type JobKind, type Occurrence } from '../scheduler';
import { computeWeeklySummary } from '../summary';
import { insertNotification, insertOnce, ranKeys, rulePlan } from './common';
import type { AppContext } from '../../context';
import type { RuleName } from '../settings';

interface WeekOccurrence extends Occurrence {
  /** The first day of the week it is about. */
  weekStart: string;
}

/**
 * One occurrence a week, at a set day and hour of the user's week (which starts on their first weekday): `offsetDays`
 * after the start of the week holding the day, about the week `aboutWeek` weeks away from it. Only the latest one
 * counts: after weeks with the app closed, one summary of the last week, not one per week missed.
 */
function weeklyPlan(job: string, rule: RuleName, offsetDays: number, aboutWeek: number, until?: (weekStart: string) => number) {
  return rulePlan<WeekOccurrence>(rule, (context, builder, since) => {
    const now = builder.now;
    const thisWeek = weekStartOn(localDay(now), userFirstWeekday(context.db));
    const occurrence = (week: string): WeekOccurrence => {
      const weekStart = addDays(week, 7 * aboutWeek);
      return { key: weekStart, weekStart, dueAt: atLocalTime(addDays(week, offsetDays), morning) };
    };
    const current = occurrence(thisWeek);
    const stillUseful = until === undefined || now < until(current.weekStart);
    if (current.dueAt <= now && current.dueAt >= since && stillUseful && !ranKeys(context.db, job, [current.key]).has(current.key)) {
      builder.consider(current);
    }
    builder.later(current.dueAt);
    builder.later(occurrence(addDays(thisWeek, 7)).dueAt);
  });
}

/** Whether the search had begun by the end of a week: an application sent or recorded by then. */
const searchBegunBy = (context: AppContext, lastDay: string) =>
  context.db
    .sql(`SELECT 1 FROM applications WHERE deleted_at IS NULL AND (applied_on <= ? OR substr(created_at, 1, 10) <= ?) LIMIT 1`)
    .get(lastDay, lastDay) !== undefined;

const summaryJob = 'weekly-summary';

/** On the first morning of each week, the summary of the week before: kept as history, announced by a notification. */
export const weeklySummaryJob: JobKind<WeekOccurrence> = {
  name: summaryJob,
  plan: weeklyPlan(summaryJob, 'weeklySummary', 0, -1),
  run(context, week, write) {
    // A week before the search began has nothing to sum up.
    if (!searchBegunBy(context, addDays(week.weekStart, 6))) return 'skipped';
    const { db } = context;
    const figures = computeWeeklySummary(db, week.weekStart);
    const summaryId = occurrenceId(summaryJob, week.key, 'summary');
    insertOnce(db, write, 'weekly_summaries', summaryId, { week_start: week.weekStart, data: JSON.stringify(figures) });
    insertNotification(db, write, {
      id: occurrenceId(summaryJob, week.key, 'notification'),
      kind: 'weekly-summary',
      applicationId: null,
      subjectId: summaryId,
      data: {
        weekStart: figures.weekStart,
        weekEnd: figures.weekEnd,
        sent: figures.sent.current,
        answers: figures.answers.current,
        interviewsComing: figures.interviewsComing.count,
        goal: figures.goal.goal,
      },
      dueAt: week.dueAt,
    });
    return 'ran';
  },
};

const goalJob = 'goal-at-risk';
/** The check happens on the morning of the fourth day of the week, three days in. */
const goalCheckDay = 3;

/**
 * Mid-week, warns when fewer applications went out than the goal's pace (three sevenths of it after three days).
 * Counted as the dashboard counts the weekly goal.
 */
export const goalAtRiskJob: JobKind<WeekOccurrence> = {
  name: goalJob,
  plan: weeklyPlan(goalJob, 'goalReminders', goalCheckDay, 0, (weekStart) => atLocalTime(addDays(weekStart, 7), '00:00')),
  run(context, week, write) {
    const { weeklyGoal } = computeOverview(context.db, { archived: 'all', today: addDays(week.weekStart, goalCheckDay) });
    const goal = weeklyGoal.goal ?? 0;
    if (goal <= 0 || weeklyGoal.thisWeek >= (goal * goalCheckDay) / 7) return 'skipped';
    insertNotification(context.db, write, {
      id: occurrenceId(goalJob, week.key, 'notification'),
      kind: 'goal-at-risk',
      applicationId: null,
      subjectId: null,
      data: { goal, sent: weeklyGoal.thisWeek, weekStart: week.weekStart, weekEnd: addDays(week.weekStart, 6) },
      dueAt: week.dueAt,
    });
    return 'ran';
  },
};
