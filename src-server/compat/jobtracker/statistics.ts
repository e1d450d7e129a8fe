import type { JobApplication } from './applications';
import type { JobInterview } from './interviews';
import { jobTypes, labels, methods, reponses, type JobType, type Method, type Reponse } from './values';

/**
 * JobTracker SaaS's statistics, computed from the applications as that API answers them (so a kept value counts as
 * it reads). A response is a reponse that says the company answered: positive, negative or contacted. Every figure
 * counts the applications sent: one still `to_apply` (Candid's wishlist) has no date it was sent and no answer to
 * wait for, so, as in that API since it has the value, it changes none of them; the dashboard counts it apart.
 */
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const answered: ReadonlySet<Reponse> = new Set(['positive', 'negative', 'contacted']);
const sentOnly = (items: readonly JobApplication[]) => items.filter((item) => item.reponse !== 'to_apply');

function countBy<K extends string>(items: readonly JobApplication[], key: (item: JobApplication) => K | null, order: readonly K[]) {
  const counts = new Map<K, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return order.filter((value) => counts.has(value)).map((value) => ({ value, count: counts.get(value)! }));
}

export function dashboard(items: readonly JobApplication[]) {
  const by = Object.fromEntries(reponses.map((reponse) => [reponse, 0])) as Record<Reponse, number>;
  for (const item of items) by[item.reponse] += 1;
  const sent = sentOnly(items);
  const responses = sent.filter((item) => answered.has(item.reponse)).length;
  return {
    total_applications: sent.length,
    ...by,
    favorites: sent.filter((item) => item.is_favorite === true).length,
    needs_followup: sent.filter((item) => item.needs_followup).length,
    response_rate: percent(responses, sent.length),
    positive_rate: percent(by.positive, sent.length),
  };
}

/** One point per calendar day of `date_candidature` with applications, in order. */
export function timeline(items: readonly JobApplication[]) {
  const days = new Map<string, number>();
  for (const item of sentOnly(items)) {
    const day = String(item.date_candidature).slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  let cumulative = 0;
  return [...days.keys()].sort().map((date) => {
    cumulative += days.get(date)!;
    return { date, count: days.get(date)!, cumulative };
  });
}

export function byStatus(all: readonly JobApplication[]) {
  const items = sentOnly(all);
  return countBy(items, (item) => item.reponse, reponses).map(({ value, count }) => ({
    status: value,
    label: labels.reponse[value],
    count,
    percentage: percent(count, items.length),
  }));
}

export function byType(all: readonly JobApplication[]) {
  const items = sentOnly(all);
  return countBy(items, (item) => item.type_poste as JobType | null, jobTypes).map(({ value, count }) => ({
    type: value,
    label: labels.type[value],
    count,
    percentage: percent(count, items.length),
  }));
}

export function byMethod(all: readonly JobApplication[]) {
  const items = sentOnly(all);
  return countBy(items, (item) => item.moyen as Method | null, methods).map(({ value, count }) => ({
    method: value,
    label: labels.method[value],
    count,
    percentage: percent(count, items.length),
  }));
}

export function responseRate(all: readonly JobApplication[]) {
  const items = sentOnly(all);
  const responses = items.filter((item) => answered.has(item.reponse)).length;
  const positive = items.filter((item) => item.reponse === 'positive').length;
  return {
    total_applications: items.length,
    responses,
    response_rate: percent(responses, items.length),
    positive,
    positive_rate: percent(positive, items.length),
  };
}

/** A JobTracker date-time as an instant (no zone: UTC). */
const instantOf = (text: unknown) => {
  const value = String(text);
  return Date.parse(/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(value) || value.length <= 10 ? value : `${value}Z`);
};

export function interviewStats(interviews: readonly JobInterview[], nowMs: number) {
  const count = (status: string) => interviews.filter((interview) => interview.statut === status).length;
  return {
    total: interviews.length,
    planned: count('planned'),
    completed: count('completed'),
    cancelled: count('cancelled'),
    upcoming: interviews.filter((interview) => interview.statut === 'planned' && instantOf(interview.date_entretien) >= nowMs).length,
  };
}
