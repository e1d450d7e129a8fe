import type { ServerContext } from '../context';

/** A device's last-seen time is written at most once a minute (a write per request would cost every request). */
const lastSeenEveryMs = 60_000;
/** How long seen devices wait to be written together. */
const flushAfterMs = 1000;
/** Devices written per statement. */
const perStatement = 500;

/**
 * Devices' last-seen times, written off the request path: a request notes its device (when the last note is a
 * minute old) and goes on; within a second one UPDATE per few hundred devices writes them all, at the time of
 * that write (at most a second after the request). Nothing is lost: a write that fails puts its devices back for
 * the next one (and logs), and the server's close (graceful shutdown) writes what is still waiting before the
 * database closes. A crash loses at most the last second of notes, which the next request of each device writes
 * again (its minute starts over with the process).
 */
export class LastSeen {
  private readonly written = new Map<string, number>();
  private waiting = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly context: Pick<ServerContext, 'db' | 'clock' | 'log' | 'nowIso'>) {}

  /** Notes that `deviceId` made a request now. */
  seen(deviceId: string): void {
    const now = this.context.clock.now();
    if (now - (this.written.get(deviceId) ?? Number.NEGATIVE_INFINITY) < lastSeenEveryMs) return;
    if (this.written.size > 100_000) this.written.clear();
    this.written.set(deviceId, now);
    this.waiting.add(deviceId);
    this.schedule();
  }

  /** Writes what is waiting and stops: the server calls it once no request is in flight, before the database closes. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => void this.flush(), flushAfterMs);
    // Not what keeps a process alive: close() writes what waits.
    this.timer.unref();
  }

  /** Writes what is waiting (the next flush waits for one in progress). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const devices = [...this.waiting];
    this.waiting = new Set();
    this.flushing = this.flushing.then(() => this.write(devices));
    return this.flushing;
  }

  private async write(devices: string[]): Promise<void> {
    if (devices.length === 0) return;
    const at = this.context.nowIso();
    for (let start = 0; start < devices.length; start += perStatement) {
      const slice = devices.slice(start, start + perStatement);
      try {
        await this.context.db.kysely.updateTable('devices').set({ last_seen_at: at }).where('id', 'in', slice).execute();
      } catch (error) {
        this.context.log({ level: 'warn', msg: 'last-seen write failed; kept for the next one', devices: slice.length, error: (error as Error).message });
        for (const device of slice) this.waiting.add(device);
        this.schedule();
      }
    }
  }
}
