import { defineHandlers } from '../handler';

/** Every export runs as a job, in a worker (src-main/jobs/work.ts), never in main's thread. */
export const exportsHandlers = defineHandlers({
  'exports.excel': (input, context) => context.jobs.run('exports.excel', input),
  'exports.statisticsWorkbook': (input, context) => context.jobs.run('exports.statisticsWorkbook', input),
  'exports.csv': (input, context) => context.jobs.run('exports.csv', input),
  'exports.json': (input, context) => context.jobs.run('exports.json', input),
  'exports.calendar': (input, context) => context.jobs.run('exports.calendar', input),
  'exports.searchReport': (input, context) => context.jobs.run('exports.searchReport', input),
});
