import { z } from 'zod';
import { id } from './common';

/**
 * Long work (imports, exports, backups, restores) runs in a worker thread of main, never in the thread that answers
 * the interface (docs/performance.md). While it runs, main pushes `job` events (src-shared/bridge.ts) so the
 * interface can show what is being done, how far it got and about how long is left, and offer to cancel it.
 */

/** The channels whose work runs as a job: their handlers hand it to the worker and answer when it is done. */
export const jobChannels = [
  'imports.preview',
  'imports.run',
  'exports.excel',
  'exports.statisticsWorkbook',
  'exports.csv',
  'exports.json',
  'exports.calendar',
  'exports.searchReport',
  'backups.create',
  'backups.restore',
  'backups.scheduled',
  // Not channels either: sync's database images (a device writing one for the others; one with nothing of its own
  // loading it), each seconds of work at 100,000 applications.
  'sync.writeImage',
  'sync.loadImage',
] as const;
export type JobChannel = (typeof jobChannels)[number];

/** What a job is doing now; the interface names each step in the user's language. */
export const jobSteps = ['starting', 'reading', 'checking', 'backingUp', 'staging', 'applying', 'writing', 'verifying', 'copying', 'migrating'] as const;
export type JobStep = (typeof jobSteps)[number];

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobEvent {
  id: string;
  channel: JobChannel;
  state: JobState;
  step: JobStep;
  /** Items of the step done so far and in all (rows, pages); null when the step does not count. */
  done: number | null;
  total: number | null;
  /** Share of the whole job done, 0 to 1. */
  fraction: number;
  startedAt: string;
  /** Milliseconds left at the pace so far; null until there is a pace to go by. */
  estimatedMsLeft: number | null;
  /** Whether the job can still be cancelled (not once it has started writing its result). */
  cancellable: boolean;
}

const none = z.undefined().or(z.object({}).strict()).optional();

export const jobsChannelInputs = {
  /** The jobs running now (a page that opens while one runs shows its progress at once). */
  'jobs.list': none,
  /** Asks a job to stop; it stops at its next step, leaving everything as it was before it started. */
  'jobs.cancel': z.object({ id }).strict(),
  /**
   * A job is likely soon (its screen opened): the worker starts now, so that the job does not wait for it. With the
   * job (`job`), its code loads too; with the size of the table an import will read (the wizard has read it), the
   * import's, and the thread that checks its rows starts.
   */
  'jobs.prepare': z
    .undefined()
    .or(z.object({ job: z.enum(jobChannels).optional(), importFileBytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional() }).strict())
    .optional(),
} as const;

export interface JobsOutputs {
  'jobs.list': JobEvent[];
  'jobs.cancel': { cancelled: boolean };
  /** Whether a worker started (false when one was already there, or a job is running). */
  'jobs.prepare': { starting: boolean };
}
