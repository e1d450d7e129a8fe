import type { TFunction } from 'i18next';
import type { Formatters } from '../../ui/format';
import { addDays, daysBetween } from '../shared/dates';
import type { DayFormatters } from '../shared/format';

export type DueState = 'overdue' | 'today' | 'soon' | 'later' | 'none';

/** How urgent a task is, from its due date and today's date (both local calendar dates). */
export function dueState(dueOn: string | null, today: string): DueState {
  if (!dueOn) return 'none';
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  return dueOn <= addDays(today, 6) ? 'soon' : 'later';
}

const capitalise = (text: string, locale: string) => text.replace(/^\p{Ll}/u, (letter: string) => letter.toLocaleUpperCase(locale));

/** "Overdue (3 days ago)", "Today", "Tomorrow", "2 Dec 2025 (in 5 days)"… in the user's language. */
export function dueLabel(t: TFunction, format: Formatters, dayFormat: DayFormatters, dueOn: string | null, today: string): string {
  const state = dueState(dueOn, today);
  if (!dueOn || state === 'none') return t('tasks:due.none');
  const days = daysBetween(today, dueOn);
  if (state === 'overdue') return t('tasks:due.overdue', { relative: dayFormat.relativeDays(days) });
  if (days <= 1) return capitalise(dayFormat.relativeDays(days), dayFormat.locale);
  return t('tasks:due.on', { date: format.date(dueOn), relative: dayFormat.relativeDays(days) });
}
