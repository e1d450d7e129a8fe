import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatisticsDashboardResult, StatisticsTimeline } from '../../src-shared/contract';
import { latestPlausibleYear, maxTimelinePeriods } from '../../src-shared/contract';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { computeDashboardByPart } from '../../src-main/statistics/compute';
import { periodStarts } from '../../src-main/statistics/days';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';
import { wholeDashboard } from './support/whole';

/**
 * Issue 19, item 1: an application applied on 31/12/9999 made the dashboard grow the process to 4 GB and crash,
 * at every launch. Whatever the stored data, every series the statistics build stays bounded, and a statistic
 * that fails costs its own part only.
 */
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const child = path.join(root, 'test/statistics/support/dashboard-child.ts');

let app: TempApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

/**
 * A search whose file holds dates no form accepts any more: written with SQL, as a damaged database or one from
 * before the bound would hold them, and counted by the statistics as their migration would have done.
 */
async function damagedDataFolder(): Promise<string> {
  const dir = tempDir();
  const context = await openAppContext({ dataDir: dir });
  const { createApi } = await import('../../src-main/api');
  const api = createApi(context);
  const stages = await api.invoke('stages.list', undefined);
  const screening = stages.find((stage) => stage.category === 'screening')!;
  const normal = await api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-01-10' });
  const far = await api.invoke('applications.create', { companyName: 'Globex', position: 'Typo', appliedOn: '2025-01-11' });
  const old = await api.invoke('applications.create', { companyName: 'Initech', position: 'Old typo', appliedOn: '2025-01-12' });
  await api.invoke('applications.setStage', { id: normal.id, stageId: screening.id, occurredAt: '2025-01-20T10:00:00Z' });
  await api.invoke('applications.setStage', { id: far.id, stageId: screening.id, occurredAt: '2025-01-21T10:00:00Z' });
  const { db } = context;
  db.sqlite.prepare(`UPDATE applications SET applied_on = '9999-12-31', deadline = '9999-12-31' WHERE id = ?`).run(far.id);
  db.sqlite.prepare(`UPDATE stage_events SET occurred_at = '9999-12-31T10:00:00.000Z' WHERE application_id = ? AND from_stage_id IS NOT NULL`).run(far.id);
  db.sqlite.prepare(`UPDATE applications SET applied_on = '0202-01-12' WHERE id = ?`).run(old.id);
  rebuildStatistics(db);
  closeAppContext(context);
  return dir;
}

function runChild(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const process_ = spawn(process.execPath, [tsx, child, dir], {
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=192' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk) => (stdout += chunk));
    process_.stderr.on('data', (chunk) => (stderr += chunk));
    // Unbounded series never finish (or finish by running out of memory): a minute is ample for three rows.
    const timer = setTimeout(() => process_.kill('SIGKILL'), 60_000);
    process_.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('statistics over a stored year 9999', () => {
  it('answer every channel at every step in a small heap, with bounded series', { timeout: 90_000 }, async () => {
    const dir = await damagedDataFolder();
    const result = await runChild(dir);
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    const { answers } = JSON.parse(result.stdout) as { answers: Record<string, StatisticsDashboardResult | StatisticsTimeline> };
    const lastDay = `${latestPlausibleYear()}-12-31`;
    for (const [name, answer] of Object.entries(answers)) {
      const timeline = (name.startsWith('statistics.') ? (name === 'statistics.timeline' ? answer : null) : (answer as StatisticsDashboardResult).timeline) as StatisticsTimeline | null;
      if (!timeline) continue;
      expect(timeline.periods.length, name).toBeLessThanOrEqual(maxTimelinePeriods);
      expect(timeline.periods.every((start) => start >= '1970-01-01' && start <= lastDay), name).toBe(true);
    }
    // The damaged rows still count where they belong: three applications, all sent.
    const dashboard = wholeDashboard(answers['dashboard.auto'] as StatisticsDashboardResult);
    expect(dashboard.overview).toMatchObject({ total: 3, sent: 3 });
    // The whole-search timeline runs from the first plausible day to today, not to 9999.
    expect(dashboard.timeline.from).toBe('2025-01-10');
  });

  it('stop listing periods at year 9999 instead of looping for ever', () => {
    expect(periodStarts('9999-11-15', '9999-12-31', 'month')).toEqual(['9999-11-01', '9999-12-01']);
    expect(periodStarts('9999-12-30', '9999-12-31', 'day')).toEqual(['9999-12-30', '9999-12-31']);
  });

  it('make a step too fine for the range coarser, down to months', async () => {
    app = await openTempApp();
    await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '1975-06-01' });
    const dashboard = wholeDashboard(await app.api.invoke('statistics.dashboard', { granularity: 'day', archived: 'all' }));
    expect(dashboard.timeline.granularity).toBe('month');
    expect(dashboard.timeline.periods.length).toBeLessThanOrEqual(maxTimelinePeriods);
    const weeks = wholeDashboard(await app.api.invoke('statistics.dashboard', { granularity: 'day', from: '2024-01-01', to: '2026-12-31' }));
    expect(weeks.timeline.granularity).toBe('week');
  });
});

describe('a statistic that fails', () => {
  it('costs its own part only: the others are computed, and the error says which part failed', async () => {
    app = await openTempApp();
    await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-01-10' });
    const whole = wholeDashboard(await app.api.invoke('statistics.dashboard', { archived: 'all' }));
    const broken = computeDashboardByPart(app.context.db, { archived: 'all' }, {
      salaries: () => {
        throw new Error('a defect in one statistic');
      },
    });
    expect(broken.salaries).toBeNull();
    expect(broken.failed).toEqual({ salaries: { code: 'INTERNAL', message: 'The salaries statistic could not be computed.' } });
    const { salaries: _salaries, failed: _failed, ...rest } = broken;
    const { salaries: _wholeSalaries, ...wholeRest } = whole;
    expect({ ...rest, overview: { ...rest.overview, upcomingInterviews: null } }).toEqual({ ...wholeRest, overview: { ...wholeRest.overview, upcomingInterviews: null } });
  });
});
