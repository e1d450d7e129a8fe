import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { calendarDate, isPlausibleDay, isRealCalendarDay, latestPlausibleYear, storedDay } from '../../src-shared/contract/dates';

/**
 * The contract's date checks read the calendar and the clock without making Dates (src-shared/contract/dates.ts).
 * They must accept and refuse exactly what Date's reading did, with the same issues: compared with the old checks,
 * kept here, on every day of chosen years (leap rules, year 0000 and 9999), bad months and days, and malformed
 * texts near the format.
 */

const earliest = 1970;
const oldLatest = () => new Date().getUTCFullYear() + 10;
const oldPlausible = (value: string) => {
  const year = Number(value.slice(0, 4));
  return /^\d{4}-/.test(value) && year >= earliest && year <= oldLatest();
};
const oldReal = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};
const oldCalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(oldReal, 'must be a real calendar date')
  .superRefine((value, context) => {
    if (!oldPlausible(value)) context.addIssue({ code: 'custom', message: `must be a date from ${earliest} to ${oldLatest()}`, input: value });
  });

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const years = [0, 1, 4, 100, 400, 1600, 1699, 1700, 1899, 1900, 1969, 1970, 1971, 1999, 2000, 2001, 2023, 2024, 2025, 2026, 2036, 2037, 2100, 2400, 9996, 9999];

function candidates(): string[] {
  const texts: string[] = [];
  for (const year of years) for (let month = 0; month <= 19; month += 1) for (let day = 0; day <= 39; day += 1) texts.push(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
  // Near the format: the first check refuses them, the others must say the same of them.
  for (const base of ['2024-02-29', '2023-02-29', '2024-04-31', '2024-12-31']) {
    texts.push(`${base}x`, ` ${base}`, `${base}T00:00:00Z`, base.replace(/-/g, '/'), base.slice(0, 9), `${base.slice(0, 5)}2-9`, `+${base}`, `${base.slice(0, 8)}3 `, `${base.slice(0, 5)}1-${base.slice(8)}`);
  }
  texts.push('', '2024', '2024-', '2024-02', '2024-02-', 'abcd-ef-gh', '2024-0x-10', '2024-1e-01', '2024-02-2.', '0000-00-00', '99999-01-01', '1970-01-01', '-2024-01-01');
  return texts;
}

describe('the contract date checks', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('accept and refuse what Date read as a day, with the same issues', () => {
    const texts = candidates();
    expect(texts.length).toBeGreaterThan(20_000);
    let accepted = 0;
    for (const text of texts) {
      const before = oldCalendarDate.safeParse(text);
      expect({ text, after: calendarDate.safeParse(text) }).toEqual({ text, after: before });
      expect(storedDay.safeParse(text)).toEqual(before);
      expect({ text, real: isRealCalendarDay(text) }).toEqual({ text, real: oldReal(text) });
      if (before.success) accepted += 1;
    }
    expect(accepted).toBeGreaterThan(2_000);
  });

  it('follow the clock across years, forwards and back', () => {
    vi.useFakeTimers();
    for (const now of ['2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z', '2030-02-28T12:00:00+05:00', '2019-01-01T00:00:00.000Z']) {
      vi.setSystemTime(new Date(now));
      const latest = new Date(now).getUTCFullYear() + 10;
      expect(latestPlausibleYear()).toBe(latest);
      for (const text of [`${latest}-12-31`, `${latest + 1}-01-01`, `${latest - 1}-02-28`]) {
        expect({ text, now, plausible: isPlausibleDay(text) }).toEqual({ text, now, plausible: oldPlausible(text) });
        expect(calendarDate.safeParse(text)).toEqual(oldCalendarDate.safeParse(text));
      }
    }
  });
});
