/**
 * An independent computation of every statistic, in plain JavaScript over the raw rows (`SELECT *`), written from
 * the definitions of docs/statistics.md without reusing any of src-main/statistics. The tests compare the two.
 */
import type {
  Breakdown,
  BreakdownBucket,
  BreakdownDimension,
  Rate,
  StageCategory,
  StatisticsDashboard,
} from '../../../src-shared/contract';
import { earliestPlausibleYear, maxTimelinePeriods, plausibleYearsAhead } from '../../../src-shared/contract';
import { nameKey } from '../../../src-shared/text';
import type { Database } from '../../../src-main/db/connection';
import type {
  ApplicationsTable,
  CompaniesTable,
  InterviewsTable,
  ProfileTable,
  StageEventsTable,
  StagesTable,
  TasksTable,
} from '../../../src-main/db/schema';

export interface Rows {
  applications: ApplicationsTable[];
  events: StageEventsTable[];
  stages: StagesTable[];
  companies: CompaniesTable[];
  interviews: InterviewsTable[];
  tasks: TasksTable[];
  profile: ProfileTable;
}

export function readRows(db: Database): Rows {
  const all = <T>(table: string) => db.sqlite.prepare(`SELECT * FROM ${table}`).all() as T[];
  return {
    applications: all('applications'),
    events: all('stage_events'),
    stages: all('stages'),
    companies: all('companies'),
    interviews: all('interviews'),
    tasks: all('tasks'),
    profile: all<ProfileTable>('profile')[0],
  };
}

export interface ReferenceOptions {
  /** Ids of the applications the filters select (from applications.list with the same filters). */
  matching: ReadonlySet<string>;
  from?: string;
  to?: string;
  today: string;
  now: string;
  granularity: 'auto' | 'day' | 'week' | 'month';
  /** Where the user's weeks start (1 = Monday … 7 = Sunday): the weekly goal and streak count those weeks. */
  firstWeekday: number;
}

const categories: StageCategory[] = ['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted'];
const answers: StageCategory[] = ['screening', 'interviewing', 'offer', 'accepted', 'rejected'];
const interviewOrLater: StageCategory[] = ['interviewing', 'offer', 'accepted'];
const offerOrLater: StageCategory[] = ['offer', 'accepted'];
const outcomes: StageCategory[] = ['rejected', 'withdrawn', 'ghosted'];
const funnelOrder: StageCategory[] = ['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted'];

// --- calendar, written with Date objects on purpose (the implementation uses its own helpers) --------------------
const dayMs = 86_400_000;
const toTime = (day: string) => new Date(`${day}T00:00:00Z`).getTime();
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const plusDays = (day: string, count: number) => toDay(toTime(day) + count * dayMs);
const diffDays = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / dayMs);
const mondayOf = (day: string) => plusDays(day, -((new Date(toTime(day)).getUTCDay() + 6) % 7));
/** The first day of the user's week holding `day` (getUTCDay: 0 = Sunday; firstWeekday: 7 = Sunday). */
const userWeekOf = (day: string, firstWeekday: number) => plusDays(day, -((new Date(toTime(day)).getUTCDay() - (firstWeekday % 7) + 7) % 7));
const firstOfMonth = (day: string) => day.slice(0, 8) + '01';
/** Today's day of the month in the previous month, or that month's last day when it has fewer days. */
const sameDayLastMonth = (day: string) => {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1; // 0-based: the previous month in 1-based terms
  const previous = month === 0 ? { year: year - 1, month: 12 } : { year, month };
  const length = new Date(Date.UTC(previous.year, previous.month, 0)).getUTCDate();
  return `${previous.year}-${String(previous.month).padStart(2, '0')}-${String(Math.min(Number(day.slice(8, 10)), length)).padStart(2, '0')}`;
};
const previousMonth = (day: string) => {
  const date = new Date(toTime(firstOfMonth(day)));
  date.setUTCMonth(date.getUTCMonth() - 1);
  return toDay(date.getTime());
};
const ratio = (numerator: number, denominator: number): Rate => ({ numerator, denominator, value: denominator ? numerator / denominator : 0 });

function medianAndMean(values: number[]) {
  if (values.length === 0) return { count: 0, median: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { count: values.length, median, mean: values.reduce((sum, value) => sum + value, 0) / values.length };
}

const nullsLast = (a: string | null, b: string | null) => {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
};

interface Fact {
  row: ApplicationsTable;
  industry: string | null;
  appliedDay: string;
  inRange: boolean;
  sent: boolean;
  reached: Set<StageCategory>;
  responded: boolean;
  interviewed: boolean;
  offered: boolean;
  accepted: boolean;
  responseDay: string | null;
  interviewDay: string | null;
  offerDay: string | null;
}

function factsOf(rows: Rows, options: ReferenceOptions): Fact[] {
  const categoryOf = new Map(rows.stages.map((stage) => [stage.id, stage.category as StageCategory]));
  const industryOf = new Map(rows.companies.map((company) => [company.id, company.industry]));
  return rows.applications
    .filter((row) => options.matching.has(row.id))
    .map((row) => {
      const history = rows.events
        .filter((event) => event.application_id === row.id && event.deleted_at === null)
        .map((event) => ({ category: categoryOf.get(event.to_stage_id)!, day: event.date_unknown ? null : event.occurred_at.slice(0, 10) }));
      const reached = new Set<StageCategory>([...history.map((event) => event.category), row.stage_category as StageCategory]);
      const firstDay = (among: StageCategory[]) =>
        history.filter((event) => among.includes(event.category) && event.day !== null).map((event) => event.day).sort()[0] ?? null;
      const appliedDay = row.applied_on ?? row.created_at.slice(0, 10);
      const sent = row.stage_category !== 'wishlist';
      const responseDay = row.first_response_on ?? firstDay(answers);
      const has = (among: StageCategory[]) => among.some((category) => reached.has(category));
      return {
        row,
        industry: industryOf.get(row.company_id) ?? null,
        appliedDay,
        inRange: (!options.from || appliedDay >= options.from) && (!options.to || appliedDay <= options.to),
        sent,
        reached,
        responded: sent && (responseDay !== null || has(answers)),
        interviewed: sent && has(interviewOrLater),
        offered: sent && has(offerOrLater),
        accepted: sent && reached.has('accepted'),
        responseDay,
        interviewDay: firstDay(interviewOrLater),
        offerDay: firstDay(offerOrLater),
      };
    });
}

export function referenceDashboard(rows: Rows, options: ReferenceOptions): StatisticsDashboard {
  const facts = factsOf(rows, options);
  const inRange = facts.filter((fact) => fact.inRange);
  const sentInRange = inRange.filter((fact) => fact.sent);
  const allSent = facts.filter((fact) => fact.sent);
  const count = (list: Fact[], test: (fact: Fact) => boolean) => list.filter(test).length;
  const responseDelay = (fact: Fact) => Math.max(0, diffDays(fact.appliedDay, fact.responseDay!));

  // --- overview ---------------------------------------------------------------------------------------------
  const byCategory = Object.fromEntries(categories.map((category) => [category, count(inRange, (fact) => fact.row.stage_category === category)])) as Record<StageCategory, number>;
  const sentBetween = (first: string, last: string) => count(allSent, (fact) => fact.appliedDay >= first && fact.appliedDay <= last);
  const monday = userWeekOf(options.today, options.firstWeekday);
  const month = firstOfMonth(options.today);
  const lastMonth = previousMonth(options.today);
  const goal = rows.profile.weekly_goal;
  const thisWeek = sentBetween(monday, plusDays(monday, 6));
  let streak = 0;
  if (goal && goal > 0) {
    let week = thisWeek >= goal ? monday : plusDays(monday, -7);
    while (sentBetween(week, plusDays(week, 6)) >= goal) {
      streak += 1;
      week = plusDays(week, -7);
    }
  }
  const matchingLive = (applicationId: string | null) => applicationId !== null && options.matching.has(applicationId);
  const upcoming = rows.interviews
    .filter((interview) => interview.deleted_at === null && interview.status === 'planned' && interview.scheduled_at >= options.now && matchingLive(interview.application_id))
    .sort((a, b) => a.scheduled_at.localeCompare(b.scheduled_at) || a.id.localeCompare(b.id));
  const applicationById = new Map(rows.applications.map((row) => [row.id, row]));
  const companyName = new Map(rows.companies.map((company) => [company.id, company.name]));

  const overview: StatisticsDashboard['overview'] = {
    total: inRange.length,
    sent: sentInRange.length,
    active: count(sentInRange, (fact) => !['accepted', ...outcomes].includes(fact.row.stage_category)),
    byCategory,
    responseRate: ratio(count(sentInRange, (fact) => fact.responded), sentInRange.length),
    interviewRate: ratio(count(sentInRange, (fact) => fact.interviewed), sentInRange.length),
    offerRate: ratio(count(sentInRange, (fact) => fact.offered), sentInRange.length),
    acceptanceRate: ratio(count(sentInRange, (fact) => fact.accepted), count(sentInRange, (fact) => fact.offered)),
    daysToFirstResponse: medianAndMean(sentInRange.filter((fact) => fact.responseDay !== null).map(responseDelay)),
    week: {
      current: thisWeek,
      previous: sentBetween(plusDays(monday, -7), plusDays(options.today, -7)),
      currentStart: monday,
      previousStart: plusDays(monday, -7),
      previousEnd: plusDays(options.today, -7),
    },
    month: {
      current: count(allSent, (fact) => fact.appliedDay.slice(0, 7) === month.slice(0, 7)),
      // The same days of last month: the 1st to today's day of the month, or to its last day when it is shorter.
      previous: sentBetween(lastMonth, sameDayLastMonth(options.today)),
      currentStart: month,
      previousStart: lastMonth,
      previousEnd: sameDayLastMonth(options.today),
    },
    upcomingInterviews: {
      count: upcoming.length,
      next: upcoming.slice(0, 3).map((interview) => {
        const application = applicationById.get(interview.application_id)!;
        return {
          applicationId: application.id,
          companyName: companyName.get(application.company_id)!,
          position: application.position,
          scheduledAt: interview.scheduled_at,
        };
      }),
    },
    overdueTasks: rows.tasks.filter(
      (task) =>
        task.deleted_at === null &&
        task.done_at === null &&
        task.due_on !== null &&
        task.due_on < options.today &&
        (task.application_id === null || matchingLive(task.application_id)),
    ).length,
    weeklyGoal: { goal, thisWeek, progress: goal ? thisWeek / goal : 0, streakWeeks: streak },
  };

  // --- timeline -------------------------------------------------------------------------------------------
  const timeline = referenceTimeline(allSent, options);

  // --- breakdowns -----------------------------------------------------------------------------------------
  const stageById = new Map(rows.stages.map((stage) => [stage.id, stage]));
  const valueOf: Record<BreakdownDimension, (fact: Fact) => string | null> = {
    stage: (fact) => fact.row.stage_id,
    employmentType: (fact) => fact.row.employment_type,
    workMode: (fact) => fact.row.work_mode,
    source: (fact) => fact.row.source,
    location: (fact) => fact.row.location,
    industry: (fact) => fact.industry,
    resumeVersion: (fact) => fact.row.resume_version,
  };
  const bucketOf = (key: string | null, members: Fact[]): BreakdownBucket => {
    const sent = members.filter((fact) => fact.sent);
    return {
      key,
      count: members.length,
      sent: sent.length,
      responseRate: ratio(count(sent, (fact) => fact.responded), sent.length),
      interviewRate: ratio(count(sent, (fact) => fact.interviewed), sent.length),
      offerRate: ratio(count(sent, (fact) => fact.offered), sent.length),
    };
  };
  const breakdown = (dimension: BreakdownDimension): Breakdown => {
    const groups = new Map<string | null, Fact[]>();
    for (const fact of inRange) groups.set(valueOf[dimension](fact), [...(groups.get(valueOf[dimension](fact)) ?? []), fact]);
    const buckets = [...groups].map(([key, members]) => {
      const bucket = bucketOf(key, members);
      if (dimension === 'stage') {
        const stage = stageById.get(key!)!;
        return { ...bucket, name: stage.name, category: stage.category as StageCategory };
      }
      return bucket;
    });
    if (dimension === 'stage') {
      buckets.sort(
        (a, b) =>
          categories.indexOf(a.category!) - categories.indexOf(b.category!) ||
          stageById.get(a.key!)!.position - stageById.get(b.key!)!.position ||
          nullsLast(a.key, b.key),
      );
      return { buckets, others: null };
    }
    buckets.sort((a, b) => b.count - a.count || nullsLast(a.key, b.key));
    const capped = ['source', 'location', 'industry', 'resumeVersion'].includes(dimension) && buckets.length > 12;
    if (!capped) return { buckets, others: null };
    const restKeys = new Set(buckets.slice(12).map((bucket) => bucket.key));
    const rest = bucketOf(null, inRange.filter((fact) => restKeys.has(valueOf[dimension](fact))));
    return { buckets: buckets.slice(0, 12), others: { ...rest, key: null, values: restKeys.size } };
  };
  const breakdowns = Object.fromEntries(
    (['stage', 'employmentType', 'workMode', 'source', 'location', 'industry', 'resumeVersion'] as const).map((dimension) => [dimension, breakdown(dimension)]),
  ) as StatisticsDashboard['breakdowns'];

  // --- funnel and flows -----------------------------------------------------------------------------------
  const steps: StatisticsDashboard['funnel']['steps'] = [];
  const funnelSteps = ['applied', 'screening', 'interviewing', 'offer', 'accepted'] as const;
  funnelSteps.forEach((category, index) => {
    const later = funnelOrder.slice(funnelOrder.indexOf(category));
    const reachedCount = category === 'applied' ? sentInRange.length : count(sentInRange, (fact) => later.some((step) => fact.reached.has(step)));
    const previous = index === 0 ? sentInRange.length : steps[index - 1].count;
    steps.push({ category, count: reachedCount, fromPrevious: ratio(reachedCount, previous), fromSent: ratio(reachedCount, sentInRange.length) });
  });
  const flowCounts = new Map<string, number>();
  for (const fact of inRange) {
    const path = funnelOrder.filter((category) => fact.reached.has(category));
    if (outcomes.includes(fact.row.stage_category as StageCategory)) path.push(fact.row.stage_category as StageCategory);
    for (let index = 1; index < path.length; index += 1) {
      const key = `${path[index - 1]}>${path[index]}`;
      flowCounts.set(key, (flowCounts.get(key) ?? 0) + 1);
    }
  }
  const flows = [...flowCounts]
    .map(([key, flowCount]) => {
      const [from, to] = key.split('>') as [StageCategory, StageCategory];
      return { from, to, count: flowCount };
    })
    .sort((a, b) => categories.indexOf(a.from) - categories.indexOf(b.from) || categories.indexOf(a.to) - categories.indexOf(b.to));
  const funnel = {
    steps,
    reached: Object.fromEntries(categories.map((category) => [category, count(inRange, (fact) => fact.reached.has(category))])) as Record<StageCategory, number>,
    flows,
  };

  // --- response times -------------------------------------------------------------------------------------
  const answered = sentInRange.filter((fact) => fact.responseDay !== null);
  const delays = answered.map(responseDelay);
  const bounds: [number, number | null][] = [[0, 1], [2, 3], [4, 7], [8, 14], [15, 30], [31, 60], [61, null]];
  const companies = [...new Set(sentInRange.map((fact) => fact.row.company_id))]
    .map((companyId) => {
      const ofCompany = sentInRange.filter((fact) => fact.row.company_id === companyId);
      return {
        companyId,
        companyName: companyName.get(companyId)!,
        applications: ofCompany.length,
        ...medianAndMean(ofCompany.filter((fact) => fact.responseDay !== null).map(responseDelay)),
      };
    })
    .filter((company) => company.count > 0)
    .sort((a, b) => b.count - a.count || a.median - b.median || a.companyId.localeCompare(b.companyId))
    .slice(0, 15);
  const responseTimes = {
    summary: medianAndMean(delays),
    distribution: bounds.map(([minDays, maxDays]) => ({ minDays, maxDays, count: delays.filter((days) => days >= minDays && (maxDays === null || days <= maxDays)).length })),
    companies,
  };

  // --- salaries -------------------------------------------------------------------------------------------
  const withAmount = inRange.filter((fact) => fact.row.salary_min !== null || fact.row.salary_max !== null);
  const salaryGroups = new Map<string, Fact[]>();
  for (const fact of withAmount.filter((fact) => fact.row.salary_currency !== null)) {
    const key = JSON.stringify([fact.row.employment_type, fact.row.salary_currency, fact.row.salary_period]);
    salaryGroups.set(key, [...(salaryGroups.get(key) ?? []), fact]);
  }
  const salaries = {
    groups: [...salaryGroups.values()]
      .map((members) => {
        const lows = members.map((fact) => fact.row.salary_min ?? fact.row.salary_max!);
        const highs = members.map((fact) => fact.row.salary_max ?? fact.row.salary_min!);
        const middles = members.map((_, index) => (lows[index] + highs[index]) / 2);
        const { median, mean } = medianAndMean(middles);
        return {
          employmentType: members[0].row.employment_type as StatisticsDashboard['salaries']['groups'][number]['employmentType'],
          currency: members[0].row.salary_currency!,
          period: members[0].row.salary_period as StatisticsDashboard['salaries']['groups'][number]['period'],
          count: members.length,
          min: Math.min(...lows),
          max: Math.max(...highs),
          mean,
          median,
        };
      })
      .sort(
        (a, b) =>
          b.count - a.count || nullsLast(a.employmentType, b.employmentType) || a.currency.localeCompare(b.currency) || nullsLast(a.period, b.period),
      ),
    withoutCurrency: withAmount.filter((fact) => fact.row.salary_currency === null).length,
  };

  // --- skills ---------------------------------------------------------------------------------------------
  const owned = new Set((JSON.parse(rows.profile.skills) as string[]).map(nameKey));
  const spellings = new Map<string, Map<string, number>>();
  const tallies = new Map<string, { required: number; preferred: number }>();
  for (const fact of inRange) {
    for (const kind of ['required', 'preferred'] as const) {
      for (const skill of JSON.parse(fact.row[`${kind}_skills`]) as string[]) {
        const key = nameKey(skill);
        const tally = tallies.get(key) ?? { required: 0, preferred: 0 };
        tally[kind] += 1;
        tallies.set(key, tally);
        const forms = spellings.get(key) ?? new Map<string, number>();
        forms.set(skill, (forms.get(skill) ?? 0) + 1);
        spellings.set(key, forms);
      }
    }
  }
  const shown = (key: string) => [...spellings.get(key)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  const skillList = [...tallies].map(([key, tally]) => ({ skill: shown(key), key, ...tally }));
  const topOf = (kind: 'required' | 'preferred') =>
    skillList
      .filter((entry) => entry[kind] > 0)
      .sort((a, b) => b[kind] - a[kind] || a.skill.localeCompare(b.skill))
      .slice(0, 20)
      .map((entry) => ({ skill: entry.skill, count: entry[kind], inProfile: owned.has(entry.key) }));
  const skills = {
    applications: inRange.length,
    required: topOf('required'),
    preferred: topOf('preferred'),
    missing: skillList
      .filter((entry) => !owned.has(entry.key))
      .sort((a, b) => b.required - a.required || b.preferred - a.preferred || a.skill.localeCompare(b.skill))
      .slice(0, 15)
      .map((entry) => ({ skill: entry.skill, required: entry.required, preferred: entry.preferred })),
  };

  // --- activity -------------------------------------------------------------------------------------------
  const activityEnd = options.to ?? options.today;
  const activityStart = plusDays(mondayOf(activityEnd), -364);
  const perDay = new Map<string, number>();
  for (const fact of allSent) {
    if (fact.appliedDay >= activityStart && fact.appliedDay <= activityEnd) perDay.set(fact.appliedDay, (perDay.get(fact.appliedDay) ?? 0) + 1);
  }
  const activityDays = [...perDay].sort((a, b) => a[0].localeCompare(b[0])).map(([date, dayCount]) => ({ date, count: dayCount }));
  const activity = {
    from: activityStart,
    to: activityEnd,
    days: activityDays,
    total: activityDays.reduce((sum, day) => sum + day.count, 0),
    max: Math.max(0, ...activityDays.map((day) => day.count)),
  };

  return { overview, timeline, breakdowns, funnel, responseTimes, salaries, skills, activity };
}

function referenceTimeline(allSent: Fact[], options: ReferenceOptions): StatisticsDashboard['timeline'] {
  const empty = { applications: [], responses: [], interviews: [], offers: [] };
  // Implausible days (a damaged database's 9999-12-31) are counted but never stretch the range.
  const lastYear = new Date().getUTCFullYear() + plausibleYearsAhead;
  const days = allSent.map((fact) => fact.appliedDay).filter((day) => Number(day.slice(0, 4)) >= earliestPlausibleYear && Number(day.slice(0, 4)) <= lastYear).sort();
  if (days.length === 0) {
    return { granularity: options.granularity === 'auto' ? 'week' : options.granularity, periods: [], series: empty, cumulative: empty, from: null, to: null };
  }
  const end = options.to ?? (days[days.length - 1] > options.today ? days[days.length - 1] : options.today);
  const start = options.from ?? (days[0] < (options.to ?? options.today) ? days[0] : options.to ?? options.today);
  const to = end < start ? start : end;
  const from = start;
  const span = diffDays(from, to);
  const steps = ['day', 'week', 'month'] as const;
  const asked = options.granularity !== 'auto' ? options.granularity : span <= 62 ? 'day' : span <= 731 ? 'week' : 'month';
  const periodsOf = (step: (typeof steps)[number]) => {
    const periodOf = (day: string) => (step === 'day' ? day : step === 'week' ? mondayOf(day) : firstOfMonth(day));
    const found = new Set<string>();
    for (let day = from; day <= to; day = plusDays(day, 1)) found.add(periodOf(day));
    return { periodOf, periods: [...found] };
  };
  // Too many periods for the step: the next coarser one, up to months.
  let granularity: (typeof steps)[number] = asked;
  while (granularity !== 'month' && periodsOf(granularity).periods.length > maxTimelinePeriods) granularity = steps[steps.indexOf(granularity) + 1];
  const { periodOf, periods } = periodsOf(granularity);
  const tally = (eventDays: (string | null)[]) =>
    periods.map((period) => eventDays.filter((day) => day !== null && day >= from && day <= to && periodOf(day) === period).length);
  const series = {
    applications: tally(allSent.map((fact) => fact.appliedDay)),
    responses: tally(allSent.map((fact) => fact.responseDay)),
    interviews: tally(allSent.map((fact) => fact.interviewDay)),
    offers: tally(allSent.map((fact) => fact.offerDay)),
  };
  const running = (values: number[]) => values.map((_, index) => values.slice(0, index + 1).reduce((sum, value) => sum + value, 0));
  return {
    granularity,
    periods,
    series,
    cumulative: {
      applications: running(series.applications),
      responses: running(series.responses),
      interviews: running(series.interviews),
      offers: running(series.offers),
    },
    from,
    to,
  };
}
