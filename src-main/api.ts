import { z } from 'zod';
import { channelInputs, isChannel, type Channel, type ChannelOutput } from '../src-shared/contract';
import { AppError, type AppErrorShape } from '../src-shared/errors';
import { toErrorShape, validationError } from './error-shape';
import type { AppContext } from './context';
import { WriteLockBusy } from './db/connection';
import type { Handlers } from './handler';
import { appHandlers } from './app/handlers';
import { applicationHandlers } from './applications/handlers';
import { companyHandlers } from './companies/handlers';
import { interviewHandlers } from './interviews/handlers';
import { contactHandlers } from './contacts/handlers';
import { taskHandlers } from './tasks/handlers';
import { stageHandlers } from './stages/handlers';
import { tagHandlers } from './tags/handlers';
import { sourceHandlers } from './sources/handlers';
import { profileHandlers } from './profile/handlers';
import { searchHandlers } from './search/handlers';
import { statisticsHandlers } from './statistics/handlers';
import { exportsHandlers } from './exports/handlers';
import { importsHandlers } from './imports/handlers';
import { documentsHandlers } from './documents/handlers';
import { backupsHandlers } from './backups/handlers';
import { syncHandlers } from './sync/handlers';
import { interactionHandlers } from './interactions/handlers';
import { customFieldHandlers } from './custom-fields/handlers';
import { automationHandlers } from './automation/handlers';
import { jobsHandlers } from './jobs/handlers';
import { fairHandlers } from './fairs/handlers';
import { captureHandlers } from './capture/handlers';
import { answerHandlers } from './answers/handlers';
import { offerHandlers } from './offers/handlers';
import { watchHandlers } from './watch/handlers';
import { aiHandlers } from './ai/handlers';
import { extensionHandlers } from './extension/handlers';

/** The handler table: channel name -> handler. Every transport (IPC, HTTP, tests) calls through `Api.call`. */
export const handlers: Handlers = {
  ...appHandlers,
  ...applicationHandlers,
  ...companyHandlers,
  ...interviewHandlers,
  ...contactHandlers,
  ...taskHandlers,
  ...stageHandlers,
  ...tagHandlers,
  ...sourceHandlers,
  ...profileHandlers,
  ...searchHandlers,
  ...statisticsHandlers,
  ...exportsHandlers,
  ...importsHandlers,
  ...documentsHandlers,
  ...backupsHandlers,
  ...syncHandlers,
  ...interactionHandlers,
  ...customFieldHandlers,
  ...automationHandlers,
  ...jobsHandlers,
  ...fairHandlers,
  ...captureHandlers,
  ...answerHandlers,
  ...offerHandlers,
  ...watchHandlers,
  ...aiHandlers,
  ...extensionHandlers,
};

/**
 * The calls whose answer does not wait for the statistics their write changes (ChangeWriter.answerBeforeStatistics):
 * the small writes of one application, whose handlers read back only the application's own rows (never a count,
 * fact or cell). The statistics are refreshed on the next turn of the event loop; every call settles them before it
 * runs (below), so no handler reads them stale. A handler added here must not read statistics after its write.
 */
const answeredBeforeStatistics = new Set<Channel>(['applications.create', 'applications.update', 'applications.setStage']);

export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export interface Api {
  readonly context: AppContext;
  /** Parses `input` with the channel's schema, runs the handler, and never throws: errors come back typed. */
  call(channel: unknown, input: unknown): Promise<ApiResult>;
  /** For code that already holds a typed input (tests, the seed script): throws AppError on failure. */
  invoke<C extends Channel>(channel: C, input: z.input<(typeof channelInputs)[C]>): Promise<ChannelOutput<C>>;
}

export function createApi(context: AppContext): Api {
  const call = async (channel: unknown, input: unknown): Promise<ApiResult> => {
    try {
      if (!isChannel(channel)) {
        throw new AppError('UNKNOWN_CHANNEL', `No channel named ${String(channel).slice(0, 100)}`);
      }
      const parsed = channelInputs[channel].safeParse(input);
      if (!parsed.success) throw validationError(parsed.error);
      const handler = handlers[channel] as (input: unknown, context: AppContext) => unknown;
      const run = () => handler(parsed.data, context);
      for (;;) {
        try {
          // What an earlier call left owed, before this one reads anything (the one rule: nothing reads it stale).
          context.changes.settleStatistics();
          // Not while a job runs: its worker reads statistics on its own connection, which this rule does not cover.
          const answering = answeredBeforeStatistics.has(channel) && !context.jobs.busy();
          return { ok: true, value: await (answering ? context.changes.answerBeforeStatistics(run) : run()) };
        } catch (error) {
          // A job's worker holds the write lock: nothing was written; run again once its transaction is over.
          if (!(error instanceof WriteLockBusy)) throw error;
          await context.jobs.whenWritable();
        }
      }
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  };
  return {
    context,
    call,
    async invoke(channel, input) {
      const result = await call(channel, input);
      // Its callers (tests, the seed script) read the tables directly after it: they find the statistics settled.
      context.changes.settleStatistics();
      if (!result.ok) {
        throw new AppError(result.error.code, result.error.message, {
          issues: result.error.issues,
          details: result.error.details,
        });
      }
      return result.value as never;
    },
  };
}

export { toErrorShape, validationError };
