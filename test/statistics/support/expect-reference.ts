import { expect } from 'vitest';
import type { ChannelInput, StatisticsDashboard } from '../../../src-shared/contract';
import type { TempApp } from '../../support/temp-app';
import { rounded } from './compare';
import { readRows, referenceDashboard } from './reference';
import { wholeDashboard } from './whole';

export type DashboardInput = NonNullable<ChannelInput<'statistics.dashboard'>>;

/**
 * The handler's dashboard against the reference computed in plain JS over the raw rows, for the applications the
 * list shows under the same filters. Returns the handler's answer for further checks.
 */
export async function expectDashboardMatchesReference(
  app: TempApp,
  input: Omit<DashboardInput, 'today'>,
  today: string,
): Promise<StatisticsDashboard> {
  const { from, to, granularity, ...filters } = input;
  const now = new Date().toISOString();
  const listed = await app.api.invoke('applications.list', { ...filters, limit: 1000 });
  const actual = wholeDashboard(await app.api.invoke('statistics.dashboard', { ...input, today }));
  const expected = referenceDashboard(readRows(app.context.db), {
    matching: new Set(listed.items.map((item) => item.id)),
    from,
    to,
    today,
    now,
    granularity: granularity ?? 'auto',
    firstWeekday: (await app.api.invoke('automation.settings', undefined)).effectiveFirstWeekday,
  });
  expect(rounded(actual)).toEqual(rounded(expected));
  return actual;
}
