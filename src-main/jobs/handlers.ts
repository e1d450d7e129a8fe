import { defineHandlers } from '../handler';

export const jobsHandlers = defineHandlers({
  'jobs.list': (_input, context) => context.jobs.list(),
  'jobs.cancel': (input, context) => ({ cancelled: context.jobs.cancel(input.id) }),
  'jobs.prepare': (input, context) => ({ starting: context.jobs.prepare(input ?? {}) }),
});
