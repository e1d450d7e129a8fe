import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../src-renderer/src/ui/format';

// A calendar day ("last contacted on") is told against today's date, not against the time elapsed since its noon:
// at 2 a.m., yesterday was "14 hours ago" before (#19's contacts e2e failed between midnight and noon UTC).
describe('relativeDay', () => {
  const english = createFormatters('en', (period) => period);
  const french = createFormatters('fr', (period) => period);
  const at = (hour: number) => new Date(2026, 11, 5, hour, 10);

  it('says yesterday for the day before, early and late in the day alike', () => {
    for (const hour of [0, 2, 11, 13, 23]) expect(english.relativeDay('2026-12-04', at(hour))).toBe('yesterday');
    expect(french.relativeDay('2026-12-04', at(2))).toBe('hier');
  });

  it('says today, tomorrow, days, weeks, months and years in whole calendar units', () => {
    expect(english.relativeDay('2026-12-05', at(2))).toBe('today');
    expect(english.relativeDay('2026-12-06', at(23))).toBe('tomorrow');
    expect(english.relativeDay('2026-12-01', at(2))).toBe('4 days ago');
    expect(english.relativeDay('2026-11-20', at(2))).toBe('2 weeks ago');
    expect(english.relativeDay('2026-09-01', at(2))).toBe('3 months ago');
    expect(english.relativeDay('2024-12-05', at(2))).toBe('2 years ago');
  });
});
