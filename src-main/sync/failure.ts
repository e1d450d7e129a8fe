import type { SyncProblem } from '../../src-shared/contract';

/** A sync step that failed, with the problem the person is shown (translated) and an English detail for logs. */
export class SyncFailure extends Error {
  constructor(
    readonly problem: SyncProblem,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number; serverCode?: string } = {},
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

/** Any error as a SyncFailure: ours as they are, a database error as `local`, anything else as `server`. */
export function asSyncFailure(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE')) return new SyncFailure('local', `${code}: ${(error as Error).message}`);
  return new SyncFailure('server', error instanceof Error ? error.message : String(error));
}
