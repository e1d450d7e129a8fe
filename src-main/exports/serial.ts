import type { AppContext } from '../context';

const queues = new WeakMap<AppContext, Promise<unknown>>();

/**
 * Runs file operations of one app (exports, backups, restores) one after the other: a restore must not replace
 * the database under an export that is still reading it, and two snapshots cannot share their schema name.
 */
export function serialised<T>(context: AppContext, operation: () => Promise<T>): Promise<T> {
  const previous = queues.get(context) ?? Promise.resolve();
  const next = previous.then(operation);
  // The queue goes on after a failure; the caller still gets the failure.
  queues.set(context, next.catch(() => undefined));
  return next;
}
