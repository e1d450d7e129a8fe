import { describe, expect, it } from 'vitest';
import { parseSalaryRange, salaryRangeText } from '../../src-renderer/src/features/applications/table/salaryText';

describe('a salary range typed in one table cell', () => {
  it.each([
    ['45000-55000', 45_000, 55_000],
    ['45 000 – 55 000', 45_000, 55_000],
    ['45\u202f000\u00a0—\u00a055\u202f000', 45_000, 55_000],
    ['45k–55k', 45_000, 55_000],
    ['45,5k to 50K', 45_500, 50_000],
    ['40 000 à 48 000', 40_000, 48_000],
    ['45,000 - 52,000', 45_000, 52_000],
    ['50000', 50_000, 50_000],
    ['', null, null],
    ['   ', null, null],
  ])('reads %j', (text, salaryMin, salaryMax) => {
    expect(parseSalaryRange(text)).toEqual({ salaryMin, salaryMax });
  });

  it.each(['lots', '45000-55000-60000', '45k-', '-3', '12 abc'])('refuses %j', (text) => {
    expect(parseSalaryRange(text)).toBeNull();
  });

  it('shows a stored range the way it reads it back', () => {
    for (const range of [
      { salaryMin: 45_000, salaryMax: 55_000 },
      { salaryMin: 50_000, salaryMax: 50_000 },
      { salaryMin: null, salaryMax: null },
    ]) {
      expect(parseSalaryRange(salaryRangeText(range))).toEqual(range);
    }
    expect(salaryRangeText({ salaryMin: null, salaryMax: 60_000 })).toBe('60000');
  });
});
