import { z } from 'zod';
import { applicationFilters } from './applications';
import { calendarDate } from './common';
import type { EmploymentType, SalaryPeriod, StageCategory } from './enums';
import type { AppErrorShape } from '../errors';

/**
 * Channels of the statistics domain. Definitions of every figure: docs/statistics.md.
 *
 * Every channel takes the filters of applications.list (so a filtered list and its charts agree) and an optional
 * date range `from`..`to` on the applied date (applied_on, else the day the application was created).
 */
const statisticsFields = applicationFilters.extend({
  /** First day of the range, inclusive. */
  from: calendarDate.optional(),
  /** Last day of the range, inclusive. */
  to: calendarDate.optional(),
  /** The user's today (weeks, months, overdue tasks); defaults to the main process's local date. */
  today: calendarDate.optional(),
});

const rangeOrdered = (value: { from?: string; to?: string }) => !value.from || !value.to || value.from <= value.to;
const rangeOrderMessage = { message: 'must not be before the start of the range', path: ['to'] };

export const statisticsInput = statisticsFields.strict().refine(rangeOrdered, rangeOrderMessage).default({});
export type StatisticsInput = z.input<typeof statisticsInput>;

export const timelineGranularities = ['auto', 'day', 'week', 'month'] as const;
/** The most periods a timeline holds: a finer step that would give more is made coarser (days → weeks → months). */
export const maxTimelinePeriods = 1000;
export type TimelineGranularity = Exclude<(typeof timelineGranularities)[number], 'auto'>;

/** The timeline (and the dashboard, which contains it) also takes the size of its periods. */
export const timelineInput = statisticsFields
  .extend({ granularity: z.enum(timelineGranularities).default('auto') })
  .strict()
  .refine(rangeOrdered, rangeOrderMessage)
  .default({ granularity: 'auto' });
export type TimelineInput = z.input<typeof timelineInput>;

export const statisticsChannelInputs = {
  'statistics.overview': statisticsInput,
  'statistics.timeline': timelineInput,
  'statistics.breakdowns': statisticsInput,
  'statistics.funnel': statisticsInput,
  'statistics.responseTimes': statisticsInput,
  'statistics.salaries': statisticsInput,
  'statistics.skills': statisticsInput,
  'statistics.activity': statisticsInput,
  'statistics.dashboard': timelineInput,
} as const;

/** A ratio with what it is made of; `value` is 0 (never NaN) when the denominator is 0. */
export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, between 0 and 1. */
  value: number;
}

export interface PeriodComparison {
  current: number;
  previous: number;
  /** First day of the current period (a Monday for weeks, the 1st for months). */
  currentStart: string;
  previousStart: string;
  /**
   * Last day counted in `previous`: as many days into the previous period as today is into the current one (on the
   * 4th, the 1st to the 4th of last month), so that a period under way is compared with the same stretch of the last.
   */
  previousEnd: string;
}

export interface DaysSummary {
  /** How many applications the figures are computed from. */
  count: number;
  median: number;
  mean: number;
}

export interface UpcomingInterview {
  applicationId: string;
  companyName: string;
  position: string;
  scheduledAt: string;
}

export interface StatisticsOverview {
  /** Applications that match the filters and the range. */
  total: number;
  /** Of those, the ones sent (current category other than wishlist). */
  sent: number;
  /** Sent, not closed (neither accepted, rejected, withdrawn nor ghosted). */
  active: number;
  /** By current stage category. */
  byCategory: Record<StageCategory, number>;
  responseRate: Rate;
  interviewRate: Rate;
  offerRate: Rate;
  /** Offers accepted, over offers received. */
  acceptanceRate: Rate;
  daysToFirstResponse: DaysSummary;
  /** Applications sent this ISO week (Monday first) and the one before; ignores the range. */
  week: PeriodComparison;
  /** Applications sent this calendar month and the one before; ignores the range. */
  month: PeriodComparison;
  upcomingInterviews: { count: number; next: UpcomingInterview[] };
  overdueTasks: number;
  weeklyGoal: {
    /** profile.weekly_goal; null when the user set none. */
    goal: number | null;
    thisWeek: number;
    /** thisWeek over goal (can exceed 1); 0 without a goal. */
    progress: number;
    /** Consecutive weeks meeting the goal, ending with the last complete week (or this one once met). */
    streakWeeks: number;
  };
}

export interface StatisticsTimeline {
  granularity: TimelineGranularity;
  /** The first day of each period, oldest first. */
  periods: string[];
  /** Events counted on the day they happened, per period. */
  series: { applications: number[]; responses: number[]; interviews: number[]; offers: number[] };
  /** Running totals of `series` from the start of the range. */
  cumulative: { applications: number[]; responses: number[]; interviews: number[]; offers: number[] };
  from: string | null;
  to: string | null;
}

export interface BreakdownBucket {
  /** The value (stage id for stages); null for "not specified". */
  key: string | null;
  /** Stages only: the stage's own name (null for a built-in stage, shown by category). */
  name?: string | null;
  /** Stages only. */
  category?: StageCategory;
  count: number;
  sent: number;
  responseRate: Rate;
  interviewRate: Rate;
  offerRate: Rate;
}

export interface Breakdown {
  buckets: BreakdownBucket[];
  /** The values beyond the largest buckets, summed; null when every value has its bucket. */
  others: (Omit<BreakdownBucket, 'key'> & { key: null; values: number }) | null;
}

export const breakdownDimensions = ['stage', 'employmentType', 'workMode', 'source', 'location', 'industry', 'resumeVersion'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];
export type StatisticsBreakdowns = Record<BreakdownDimension, Breakdown>;

export const funnelCategories = ['applied', 'screening', 'interviewing', 'offer', 'accepted'] as const;
export type FunnelCategory = (typeof funnelCategories)[number];

export interface FunnelStep {
  category: FunnelCategory;
  /** Sent applications that reached this category or a later one of the funnel. */
  count: number;
  fromPrevious: Rate;
  fromSent: Rate;
}

export interface Flow {
  from: StageCategory;
  to: StageCategory;
  count: number;
}

export interface StatisticsFunnel {
  steps: FunnelStep[];
  /** Applications whose history contains each category (the current one included). */
  reached: Record<StageCategory, number>;
  /** Edges of the Sankey: each application's categories in funnel order, then its outcome if closed. */
  flows: Flow[];
}

export interface ResponseTimeBucket {
  /** Inclusive bounds in days; `maxDays` null for the last, open bucket. */
  minDays: number;
  maxDays: number | null;
  count: number;
}

export interface CompanyResponseTime extends DaysSummary {
  companyId: string;
  companyName: string;
  /** Sent applications to this company (in the filters and range). */
  applications: number;
}

export interface StatisticsResponseTimes {
  summary: DaysSummary;
  distribution: ResponseTimeBucket[];
  /** Companies with the most answered applications, with how fast they answered. */
  companies: CompanyResponseTime[];
}

export interface SalaryStatistic {
  employmentType: EmploymentType | null;
  currency: string;
  period: SalaryPeriod | null;
  /** Applications with an amount in this group. */
  count: number;
  /** Lowest amount given (the minimum of a range). */
  min: number;
  /** Highest amount given (the maximum of a range). */
  max: number;
  /** Of each application's midpoint ((min + max) / 2, or the one amount given). */
  mean: number;
  median: number;
}

export interface StatisticsSalaries {
  groups: SalaryStatistic[];
  /** Applications with an amount but no currency: left out of the groups, as amounts cannot be compared. */
  withoutCurrency: number;
}

export interface SkillCount {
  skill: string;
  /** Applications that list it. */
  count: number;
  /** Whether the profile lists it (case ignored). */
  inProfile: boolean;
}

export interface StatisticsSkills {
  /** Applications the counts come from. */
  applications: number;
  required: SkillCount[];
  preferred: SkillCount[];
  /** The most requested skills the profile lacks: required count, preferred count. */
  missing: { skill: string; required: number; preferred: number }[];
}

export interface StatisticsActivity {
  /** 53 weeks, starting on a Monday, ending at `to` (the range's end, else today). */
  from: string;
  to: string;
  /** Days with at least one application sent. */
  days: { date: string; count: number }[];
  total: number;
  max: number;
}

export interface StatisticsDashboard {
  overview: StatisticsOverview;
  timeline: StatisticsTimeline;
  breakdowns: StatisticsBreakdowns;
  funnel: StatisticsFunnel;
  responseTimes: StatisticsResponseTimes;
  salaries: StatisticsSalaries;
  skills: StatisticsSkills;
  activity: StatisticsActivity;
}

export const dashboardParts = ['overview', 'timeline', 'breakdowns', 'funnel', 'responseTimes', 'salaries', 'skills', 'activity'] as const;
export type DashboardPart = (typeof dashboardParts)[number];

/**
 * What `statistics.dashboard` answers: every part it could compute, and null for a part that failed, with why in
 * `failed` (present only then). One failing statistic costs its own card, never the dashboard.
 */
export type StatisticsDashboardResult = { [Part in DashboardPart]: StatisticsDashboard[Part] | null } & {
  failed?: Partial<Record<DashboardPart, AppErrorShape>>;
};

export interface StatisticsOutputs {
  'statistics.overview': StatisticsOverview;
  'statistics.timeline': StatisticsTimeline;
  'statistics.breakdowns': StatisticsBreakdowns;
  'statistics.funnel': StatisticsFunnel;
  'statistics.responseTimes': StatisticsResponseTimes;
  'statistics.salaries': StatisticsSalaries;
  'statistics.skills': StatisticsSkills;
  'statistics.activity': StatisticsActivity;
  'statistics.dashboard': StatisticsDashboardResult;
}
