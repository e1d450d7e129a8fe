import type { Writable } from 'node:stream';
import type { ApplicationFilters, Breakdown, ExportLanguage, ExportResult, Rate, StatisticsDashboard } from '../../src-shared/contract';
import { breakdownDimensions, stageCategories } from '../../src-shared/contract';
import type { AppContext } from '../context';
import { computeDashboard } from '../statistics/compute';
import { cellContext, excelCell, type CellContext } from './cells';
import { fillTemplate as fill } from './labels';
import { deliverExport, type Produced } from './output';
import type { ColumnKind, RawValue } from './table';
import { createWorkbookWriter, type WorkbookWriter } from './workbook';

export interface ExportStatisticsOptions {
  filters?: ApplicationFilters;
  path?: string;
  language?: ExportLanguage;
  timeZone?: string;
}

type Texts = CellContext['labels']['files']['exports']['statistics'];
type ColumnName = keyof Texts['columns'];
type SheetName = keyof Texts['sheets'];

/** One sheet of figures: its columns (by label key and kind) and its rows. */
interface FigureSheet {
  sheet: SheetName;
  columns: [ColumnName, ColumnKind][];
  rows: RawValue[][];
}

/** A rate as three cells: the ratio, then what it is made of. */
const rateCells = (rate: Rate): RawValue[] => [rate.value, rate.numerator, rate.denominator];

function overviewSheet(statistics: StatisticsDashboard, context: CellContext, texts: Texts): FigureSheet {
  const { overview } = statistics;
  const figures = texts.figures;
  const count = (label: string, value: number | null): RawValue[] => [label, value, null, null, null];
  const rate = (label: string, value: Rate): RawValue[] => [label, null, ...rateCells(value)];
  const days = (label: string, value: number, of: number): RawValue[] => [label, value, null, null, of];
  return {
    sheet: 'overview',
    columns: [
      ['figure', 'text'],
      ['value', 'number'],
      ['rate', 'percent'],
      ['numerator', 'integer'],
      ['denominator', 'integer'],
    ],
    rows: [
      count(figures.total, overview.total),
      count(figures.sent, overview.sent),
      count(figures.active, overview.active),
      ...stageCategories.map((category) =>
        count(fill(figures.category, { category: context.labels.stageCategory(category) ?? category }), overview.byCategory[category]),
      ),
      rate(figures.responseRate, overview.responseRate),
      rate(figures.interviewRate, overview.interviewRate),
      rate(figures.offerRate, overview.offerRate),
      rate(figures.acceptanceRate, overview.acceptanceRate),
      days(figures.daysMedian, overview.daysToFirstResponse.median, overview.daysToFirstResponse.count),
      days(figures.daysMean, overview.daysToFirstResponse.mean, overview.daysToFirstResponse.count),
      count(figures.thisWeek, overview.week.current),
      count(figures.lastWeek, overview.week.previous),
      count(figures.thisMonth, overview.month.current),
      count(figures.lastMonth, overview.month.previous),
      count(figures.upcomingInterviews, overview.upcomingInterviews.count),
      count(figures.overdueTasks, overview.overdueTasks),
      count(figures.weeklyGoal, overview.weeklyGoal.goal),
      [figures.weeklyProgress, null, overview.weeklyGoal.progress, overview.weeklyGoal.thisWeek, overview.weeklyGoal.goal],
      count(figures.streak, overview.weeklyGoal.streakWeeks),
    ],
  };
}

function timelineSheet({ timeline }: StatisticsDashboard): FigureSheet {
  const series = ['applications', 'responses', 'interviews', 'offers'] as const;
  return {
    sheet: 'timeline',
    columns: [
      ['period', 'date'],
      ['applications', 'integer'],
      ['responses', 'integer'],
      ['interviews', 'integer'],
      ['offers', 'integer'],
      ['cumulativeApplications', 'integer'],
      ['cumulativeResponses', 'integer'],
      ['cumulativeInterviews', 'integer'],
      ['cumulativeOffers', 'integer'],
    ],
    rows: timeline.periods.map((period, index) => [
      period,
      ...series.map((name) => timeline.series[name][index]),
      ...series.map((name) => timeline.cumulative[name][index]),
    ]),
  };
}

function breakdownsSheet({ breakdowns }: StatisticsDashboard, context: CellContext, texts: Texts): FigureSheet {
  const { labels } = context;
  const valueLabel: Record<(typeof breakdownDimensions)[number], (key: string | null, bucket: Breakdown['buckets'][number]) => string | null> = {
    stage: (_key, bucket) => labels.stage(bucket.name ?? null, bucket.category ?? null),
    employmentType: (key) => labels.employmentType(key),
    workMode: (key) => labels.workMode(key),
    source: (key) => labels.source(key),
    location: (key) => key,
    industry: (key) => key,
    resumeVersion: (key) => key,
  };
  const rows: RawValue[][] = [];
  for (const dimension of breakdownDimensions) {
    const breakdown = breakdowns[dimension];
    const line = (value: string, bucket: Omit<Breakdown['buckets'][number], 'key'>) => [
      texts.dimensions[dimension],
      value,
      bucket.count,
      bucket.sent,
      ...rateCells(bucket.responseRate),
      ...rateCells(bucket.interviewRate),
      ...rateCells(bucket.offerRate),
    ];
    for (const bucket of breakdown.buckets) rows.push(line(valueLabel[dimension](bucket.key, bucket) ?? texts.notSpecified, bucket));
    if (breakdown.others) rows.push(line(fill(texts.others, { count: breakdown.others.values }), breakdown.others));
  }
  return {
    sheet: 'breakdowns',
    columns: [
      ['dimension', 'text'],
      ['bucket', 'text'],
      ['count', 'integer'],
      ['sent', 'integer'],
      ['responseRate', 'percent'],
      ['responded', 'integer'],
      ['sent', 'integer'],
      ['interviewRate', 'percent'],
      ['interviewed', 'integer'],
      ['sent', 'integer'],
      ['offerRate', 'percent'],
      ['offered', 'integer'],
      ['sent', 'integer'],
    ],
    rows,
  };
}

function funnelSheets({ funnel }: StatisticsDashboard, context: CellContext): FigureSheet[] {
  const category = (value: string) => context.labels.stageCategory(value);
  return [
    {
      sheet: 'funnel',
      columns: [
        ['step', 'text'],
        ['count', 'integer'],
        ['fromPrevious', 'percent'],
        ['numerator', 'integer'],
        ['denominator', 'integer'],
        ['fromSent', 'percent'],
        ['numerator', 'integer'],
        ['denominator', 'integer'],
      ],
      rows: funnel.steps.map((step) => [category(step.category), step.count, ...rateCells(step.fromPrevious), ...rateCells(step.fromSent)]),
    },
    {
      sheet: 'flows',
      columns: [
        ['from', 'text'],
        ['to', 'text'],
        ['count', 'integer'],
      ],
      rows: funnel.flows.map((flow) => [category(flow.from), category(flow.to), flow.count]),
    },
  ];
}

function responseTimeSheets({ responseTimes }: StatisticsDashboard): FigureSheet[] {
  return [
    {
      sheet: 'responseTimes',
      columns: [
        ['minDays', 'integer'],
        ['maxDays', 'integer'],
        ['count', 'integer'],
      ],
      rows: responseTimes.distribution.map((bucket) => [bucket.minDays, bucket.maxDays, bucket.count]),
    },
    {
      sheet: 'companies',
      columns: [
        ['company', 'text'],
        ['applications', 'integer'],
        ['responded', 'integer'],
        ['median', 'number'],
        ['mean', 'number'],
      ],
      rows: responseTimes.companies.map((company) => [company.companyName, company.applications, company.count, company.median, company.mean]),
    },
  ];
}

function salariesSheet({ salaries }: StatisticsDashboard, context: CellContext, texts: Texts): FigureSheet {
  return {
    sheet: 'salaries',
    columns: [
      ['employmentType', 'text'],
      ['currency', 'text'],
      ['salaryPeriod', 'text'],
      ['count', 'integer'],
      ['min', 'money'],
      ['max', 'money'],
      ['mean', 'money'],
      ['median', 'money'],
    ],
    rows: salaries.groups.map((group) => [
      context.labels.employmentType(group.employmentType) ?? texts.notSpecified,
      group.currency,
      context.labels.salaryPeriod(group.period) ?? texts.notSpecified,
      group.count,
      group.min,
      group.max,
      group.mean,
      group.median,
    ]),
  };
}

function skillsSheet({ skills }: StatisticsDashboard): FigureSheet {
  const counts = new Map<string, { required: number; preferred: number; inProfile: boolean }>();
  const entry = (skill: string, inProfile: boolean) => {
    let found = counts.get(skill);
    if (!found) counts.set(skill, (found = { required: 0, preferred: 0, inProfile }));
    return found;
  };
  for (const skill of skills.required) entry(skill.skill, skill.inProfile).required = skill.count;
  for (const skill of skills.preferred) entry(skill.skill, skill.inProfile).preferred = skill.count;
  return {
    sheet: 'skills',
    columns: [
      ['skill', 'text'],
      ['required', 'integer'],
      ['preferred', 'integer'],
      ['inProfile', 'boolean'],
    ],
    rows: [...counts].map(([skill, count]) => [skill, count.required, count.preferred, count.inProfile ? 1 : 0]),
  };
}

function activitySheet({ activity }: StatisticsDashboard): FigureSheet {
  return {
    sheet: 'activity',
    columns: [
      ['date', 'date'],
      ['applications', 'integer'],
    ],
    rows: activity.days.map((day) => [day.date, day.count]),
  };
}

/** Every statistic of the dashboard, one sheet each, with the numerator and denominator behind each rate. */
export function statisticsSheets(statistics: StatisticsDashboard, context: CellContext): FigureSheet[] {
  const texts = context.labels.files.exports.statistics;
  return [
    overviewSheet(statistics, context, texts),
    timelineSheet(statistics),
    breakdownsSheet(statistics, context, texts),
    ...funnelSheets(statistics, context),
    ...responseTimeSheets(statistics),
    salariesSheet(statistics, context, texts),
    skillsSheet(statistics),
    activitySheet(statistics),
  ];
}

async function writeFigureSheet(workbook: WorkbookWriter, figures: FigureSheet, context: CellContext): Promise<void> {
  const texts = context.labels.files.exports.statistics;
  const columns = figures.columns.map(([name, kind]) => ({ header: texts.columns[name], kind, width: kind === 'text' ? 28 : 14 }));
  const sheet = workbook.addSheet(texts.sheets[figures.sheet], columns);
  for (const row of figures.rows) sheet.addRow(row.map((value, index) => excelCell(columns[index].kind, value, context)));
  await sheet.drained();
  await sheet.finish();
}

export async function writeStatisticsWorkbook(context: AppContext, out: Writable, options: ExportStatisticsOptions): Promise<Produced> {
  const cells = cellContext(options.language ?? 'en', options.timeZone);
  const statistics = computeDashboard(context.db, { ...(options.filters ?? {}), granularity: 'auto' } as Parameters<typeof computeDashboard>[1]);
  const workbook = createWorkbookWriter(out, cells.labels.language);
  for (const sheet of statisticsSheets(statistics, cells)) await writeFigureSheet(workbook, sheet, cells);
  await workbook.commit();
  return { rows: statistics.overview.total };
}

/** The dashboard's statistics for the filtered applications, as a workbook. */
export function exportStatisticsWorkbook(context: AppContext, options: ExportStatisticsOptions = {}): Promise<ExportResult> {
  return deliverExport(context, 'statisticsWorkbook', options.path, (out) => writeStatisticsWorkbook(context, out, options));
}
