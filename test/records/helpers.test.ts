import { describe, expect, it } from 'vitest';
import type { Interview, Stage } from '../../src-shared/contract';
import { groupByDay } from '../../src-renderer/src/features/interviews/agenda';
import { addDays, daysBetween, fromDateTimeLocal, localDateKey, toDateTimeLocal } from '../../src-renderer/src/features/shared/dates';
import { groupStages, moveId } from '../../src-renderer/src/features/settings/stageOrder';
import { dueState } from '../../src-renderer/src/features/tasks/due';

describe('local calendar dates', () => {
  it('round-trips a datetime-local value through an ISO instant', () => {
    expect(toDateTimeLocal(fromDateTimeLocal('2025-03-30T09:15'))).toBe('2025-03-30T09:15');
    expect(fromDateTimeLocal('')).toBe('');
    expect(fromDateTimeLocal('not a date')).toBe('');
  });

  it('adds days across months and years, and counts whole days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-03-28', '2025-04-02')).toBe(5);
    expect(daysBetween('2025-04-02', '2025-03-28')).toBe(-5);
  });

  it('takes the local day of a moment, not the UTC one', () => {
    const lateEvening = new Date(2025, 5, 10, 23, 30);
    expect(localDateKey(lateEvening)).toBe('2025-06-10');
  });
});

describe('task urgency', () => {
  it('orders a due date against today', () => {
    expect(dueState(null, '2025-06-10')).toBe('none');
    expect(dueState('2025-06-09', '2025-06-10')).toBe('overdue');
    expect(dueState('2025-06-10', '2025-06-10')).toBe('today');
    expect(dueState('2025-06-16', '2025-06-10')).toBe('soon');
    expect(dueState('2025-06-17', '2025-06-10')).toBe('later');
  });
});

describe('agenda', () => {
  const at = (year: number, month: number, day: number, hour: number) =>
    ({ id: `${day}-${hour}`, scheduledAt: new Date(year, month - 1, day, hour).toISOString() }) as Interview;

  it('groups interviews by local day, keeping their order', () => {
    const days = groupByDay([at(2025, 6, 10, 9), at(2025, 6, 10, 23), at(2025, 6, 11, 0), at(2025, 6, 13, 14)]);
    expect(days.map((day) => [day.day, day.interviews.map((interview) => interview.id)])).toEqual([
      ['2025-06-10', ['10-9', '10-23']],
      ['2025-06-11', ['11-0']],
      ['2025-06-13', ['13-14']],
    ]);
  });
});

describe('stage order', () => {
  it('moves one id and ignores moves past either end', () => {
    expect(moveId(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveId(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveId(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });

  it('groups stages in funnel order, each category by position', () => {
    const stage = (id: string, category: Stage['category'], position: number) => ({ id, name: id, category, position, applicationCount: 0 });
    const groups = groupStages([stage('offer', 'offer', 0), stage('second', 'applied', 1), stage('first', 'applied', 0)]);
    expect(groups.filter((group) => group.stages.length).map((group) => [group.category, group.stages.map((s) => s.id)])).toEqual([
      ['applied', ['first', 'second']],
      ['offer', ['offer']],
    ]);
    expect(groups).toHaveLength(9);
  });
});
