import type { Interview } from '../../../../src-shared/contract';
import { localDateKey } from '../shared/dates';

export interface AgendaDay {
  /** Local calendar date, YYYY-MM-DD. */
  day: string;
  interviews: Interview[];
}

/** Groups interviews (already sorted) by their local calendar day, keeping the order they came in. */
export function groupByDay(interviews: Interview[]): AgendaDay[] {
  const days: AgendaDay[] = [];
  for (const interview of interviews) {
    const day = localDateKey(new Date(interview.scheduledAt));
    const last = days.at(-1);
    if (last?.day === day) last.interviews.push(interview);
    else days.push({ day, interviews: [interview] });
  }
  return days;
}
