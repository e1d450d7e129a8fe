import { importLimits } from '../../src-shared/contract';
import { defineHandlers } from '../handler';
import { refuseOversizedUpload } from './source';

/**
 * Both read the whole file: they run as jobs, in a worker (src-main/jobs/work.ts), never in main's thread. Content
 * above the limit is refused here, without starting the worker or copying it there.
 */
export const importsHandlers = defineHandlers({
  'imports.preview': (input, context) => {
    refuseOversizedUpload(input.source, importLimits.maxFileBytes);
    return context.jobs.run('imports.preview', input);
  },
  'imports.run': (input, context) => {
    refuseOversizedUpload(input.source, importLimits.maxFileBytes);
    return context.jobs.run('imports.run', input);
  },
});
