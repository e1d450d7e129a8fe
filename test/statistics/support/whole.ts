import { expect } from 'vitest';
import type { StatisticsDashboard, StatisticsDashboardResult } from '../../../src-shared/contract';

/** A dashboard answer in which every part was computed (none failed), typed as such. */
export function wholeDashboard(result: StatisticsDashboardResult): StatisticsDashboard {
  expect(result.failed, 'no statistic failed').toBeUndefined();
  for (const [part, value] of Object.entries(result)) expect(value, `${part} was computed`).not.toBeNull();
  return result as StatisticsDashboard;
}
