import { defineHandlers } from '../handler';

/** Both read the whole file: they run as jobs, in a worker (src-main/jobs/work.ts), never in main's thread. */
export const importsHandlers = defineHandlers({
  'imports.preview': (input, context) => context.jobs.run('imports.preview', input),
  'imports.run': (input, context) => context.jobs.run('imports.run', input),
});
