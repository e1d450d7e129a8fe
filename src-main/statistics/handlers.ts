import { defineHandlers } from '../handler';
import {
  computeActivity,
  computeBreakdowns,
  computeDashboardByPart,
  computeFunnel,
  computeOverview,
  computeResponseTimes,
  computeSalaries,
  computeSkills,
  computeTimeline,
} from './compute';

export const statisticsHandlers = defineHandlers({
  'statistics.overview': (input, { db }) => computeOverview(db, input),
  'statistics.timeline': (input, { db }) => computeTimeline(db, input),
  'statistics.breakdowns': (input, { db }) => computeBreakdowns(db, input),
  'statistics.funnel': (input, { db }) => computeFunnel(db, input),
  'statistics.responseTimes': (input, { db }) => computeResponseTimes(db, input),
  'statistics.salaries': (input, { db }) => computeSalaries(db, input),
  'statistics.skills': (input, { db }) => computeSkills(db, input),
  'statistics.activity': (input, { db }) => computeActivity(db, input),
  'statistics.dashboard': (input, { db }) => computeDashboardByPart(db, input),
});
