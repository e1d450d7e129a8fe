import { z } from 'zod';
import type { SyncImageRefusal } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { forgetMeta, readMetaJson, writeMeta } from '../db/meta';
import type { SyncFailure } from './failure';

/**
 * The last database image this device refused when it joined (tampered, made by a newer version, or not loadable
 * here). Joining went on from the snapshot's entries, so nothing is missing; but a sealed image that fails its
 * check means the server's copy was altered or damaged, which the person should hear about. Kept in `meta` (not
 * synced) until sync is forgotten on this device.
 */
const storeKey = 'sync_image_refused';
const refusedProblems = ['tampered', 'incompatible', 'local'] as const;
const storedSchema = z.object({ problem: z.enum(refusedProblems), message: z.string(), at: z.string().datetime() });

export function recordImageRefusal(db: Database, failure: SyncFailure, at: string): void {
  const problem = (refusedProblems as readonly string[]).includes(failure.problem) ? failure.problem : 'local';
  const stored = { problem, message: failure.message.slice(0, 1000), at };
  writeMeta(db, storeKey, JSON.stringify(stored));
}

export function readImageRefusal(db: Database): SyncImageRefusal | null {
  return readMetaJson(db, storeKey, storedSchema);
}

export function forgetImageRefusal(db: Database): void {
  forgetMeta(db, storeKey);
}
