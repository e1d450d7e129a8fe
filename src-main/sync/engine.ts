import fs from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pullResponse, pushResponse, syncLimits, type PullResponse } from '../../src-shared/sync-protocol';
import type { Change, RemoteResult } from '../changes/writer';
import { newId } from '../changes/ids';
import type { AppContext } from '../context';
import { uploadMissingBlobs } from './blobs';
import type { SyncClient } from './client';
import { converge } from './converge';
import { wireEntriesOf, type LoggedChange } from './creation-entry';
import type { SyncKeys } from './crypto';
import { recordIgnoredDates } from './dates';
import { EntryParser, openBatch, sealBatch, type WireEntry } from './entries';
import { asSyncFailure, SyncFailure } from './failure';
import { downloadImage, hasNothingOfItsOwn, makeImage, type DownloadedImage } from './image';
import { downloadSnapshot, makeSnapshot } from './snapshot';
import { applyBootstrap, catchUpWhenWritable } from './bootstrap';
import { derivedDataPending } from '../changes/bulk-rows';
import type { SyncState } from './state';

/** At most this many entries, and about this much JSON, in one batch (docs/sync.md). */
export const batchLimits = { entries: 5000, bytes: 2 * 1024 * 1024 } as const;
/** One push request stays under the server's 4 MiB with room for the JSON around the payloads. */
const pushBytes = syncLimits.pushMaxBytes - 64 * 1024;
/** Pulled entries are applied this many per transaction, the event loop getting a turn between. */
const applyEntries = 5000;

export interface RunOutcome {
  /** Entries received from other devices and applied. */
  applied: number;
  /** Server time minus this device's time, ms, from the last answer. */
  clockOffsetMs: number | null;
  /** How far ahead of this device's clock the furthest received entry was stamped. */
  remoteAheadMs: number;
  /** How this device joined from the server's snapshot this run, if it did. */
  joined?: 'image' | 'entries';
  /** Why the snapshot's database image was refused (tampered, unreadable): the entries served instead. */
  imageRefused?: SyncFailure;
}

/**
 * One sync run (docs/sync.md): push what this device wrote (files first), pull what the others wrote, repeat while
 * applying produced repairs to push, and upload a snapshot when the server suggests one.
 */
export class SyncEngine {
  private readonly parser: EntryParser;
  private outcome: RunOutcome = { applied: 0, clockOffsetMs: null, remoteAheadMs: 0 };
  /** What the server's current snapshot covers, as the last pull said. */
  private snapshotCovers = 0;

  constructor(
    private readonly context: AppContext,
    private readonly state: SyncState,
    private readonly client: SyncClient,
    private readonly keys: SyncKeys,
    private readonly options: { snapshotEveryRun?: boolean; images?: boolean; now?: () => number } = {},
  ) {
    this.parser = new EntryParser(context.changes, context.db);
  }

  async run(): Promise<RunOutcome> {
    this.outcome = { applied: 0, clockOffsetMs: null, remoteAheadMs: 0 };
    let suggested = false;
    for (let round = 0; round < 5; round += 1) {
      await this.push();
      suggested = (await this.pull()) || suggested;
      if (!this.state.hasUnpushed()) break;
    }
    // Not when the server's snapshot already covers everything this device has seen (it just joined from it).
    const covered = this.state.get()!.cursor <= this.snapshotCovers;
    if ((suggested || this.options.snapshotEveryRun) && !covered && !this.state.hasUnpushed()) {
      const snapshot = await makeSnapshot(this.context, this.client, this.keys);
      if (snapshot && this.options.images !== false) await makeImage(this.context, this.client, this.keys, snapshot);
    }
    return this.outcome;
  }

  /**
   * Forms the local entries not yet in a batch into batches, kept (sealed, with their ids) until acknowledged. The
   * app's calls are served between two batches: the first push after a large import forms hundreds of thousands of
   * entries from their rows (2.4 to 3.0 s at 100,000 applications, docs/sync.md). Each batch is read, formed and
   * stored in one task once main may write, so a job taking the write lock meanwhile is waited for, and entries the
   * app logs meanwhile come in a later batch, in their order.
   */
  async formBatches(): Promise<void> {
    const { db } = this.context;
    for (let formed = 0; ; formed += 1) {
      if (formed > 0) await new Promise((resolve) => setImmediate(resolve));
      await this.writable();
      const from = this.state.get()!.formed_through;
      const rows = db
        .sql(
          `SELECT seq, hlc, table_name, row_id, column_name, value FROM change_log
           WHERE seq > ? AND origin = 'local' ORDER BY seq LIMIT ${batchLimits.entries}`,
        )
        .all(from) as (LoggedChange & { seq: number })[];
      if (rows.length === 0) return;
      const wire = wireEntriesOf(this.context, rows);
      const entries: WireEntry[] = [];
      let bytes = 0;
      let through = from;
      for (const [index, row] of rows.entries()) {
        const entry = wire[index];
        // A creation whose row was never written (wireEntriesOf): nothing to send, the entry is passed.
        if (entry === null) {
          through = row.seq;
          continue;
        }
        const size = JSON.stringify(entry).length;
        if (entries.length > 0 && bytes + size > batchLimits.bytes) break;
        entries.push(entry);
        bytes += size;
        through = row.seq;
      }
      if (entries.length === 0) {
        this.state.update({ formed_through: through });
        continue;
      }
      const batchId = newId();
      const payload = sealBatch(this.keys, batchId, entries);
      db.transaction(() => {
        db.sql(`INSERT INTO sync_outbox (batch_id, through_seq, entries, payload) VALUES (?, ?, ?, ?)`).run(batchId, through, entries.length, payload);
        this.state.update({ formed_through: through });
      });
    }
  }

  async push(): Promise<void> {
    await this.formBatches();
    await uploadMissingBlobs(this.context, this.client, this.keys);
    for (;;) {
      const outbox = this.state.outbox();
      if (outbox.length === 0) return;
      const request: { id: string; payload: string }[] = [];
      let bytes = 0;
      for (const batch of outbox) {
        if (request.length === syncLimits.pushMaxBatches) break;
        if (request.length > 0 && bytes + batch.payload.length > pushBytes) break;
        request.push({ id: batch.batch_id, payload: batch.payload });
        bytes += batch.payload.length + 64;
      }
      const answer = await this.client.request('POST', '/sync/push', {
        json: { batches: request, clientTime: new Date(this.now()).toISOString(), keyId: this.state.get()!.key_id },
        schema: pushResponse,
      });
      this.noteServerTime(answer.serverTime);
      const accepted = new Set(answer.accepted.map((item) => item.id));
      if (!request.every((batch) => accepted.has(batch.id))) {
        throw new SyncFailure('incompatible', 'The server did not acknowledge every batch pushed');
      }
      const { db } = this.context;
      await this.writable();
      db.transaction(() => {
        for (const id of accepted) db.sql(`DELETE FROM sync_outbox WHERE batch_id = ?`).run(id);
      });
    }
  }

  /** Pulls and applies until the server has nothing more; returns whether it suggested a snapshot. */
  async pull(): Promise<boolean> {
    let suggested = false;
    let bootstraps = 0;
    for (;;) {
      const after = this.state.get()!.cursor;
      let page: PullResponse;
      try {
        page = await this.client.request('GET', '/sync/pull', { query: { after, limit: syncLimits.pullMaxBatches }, schema: pullResponse });
      } catch (error) {
        if (error instanceof SyncFailure && error.options.serverCode === 'SNAPSHOT_REQUIRED') {
          bootstraps += 1;
          if (bootstraps > 2) throw new SyncFailure('server', 'The server keeps asking for a snapshot it cannot give');
          await this.bootstrap();
          continue;
        }
        throw error;
      }
      this.noteServerTime(page.serverTime);
      this.snapshotCovers = page.snapshot?.covers ?? 0;
      // Every batch of the page is opened and checked before any is applied.
      const opened = page.batches.map((batch) => ({ seq: batch.seq, entries: openBatch(this.keys, this.parser, batch.id, batch.payload) }));
      let group: Change[] = [];
      for (const [index, batch] of opened.entries()) {
        group.push(...batch.entries);
        const last = index === opened.length - 1;
        if (group.length >= applyEntries || last) {
          await this.writable();
          this.apply(group, last ? page.cursor : batch.seq);
          group = [];
          await nextTurn();
        }
      }
      if (opened.length === 0 && page.cursor !== after) {
        await this.writable();
        this.state.update({ cursor: page.cursor });
      }
      suggested = page.snapshotSuggested;
      if (!page.more) break;
    }
    // A bootstrap cut short whose snapshot the server no longer asks for still owes derived data.
    const { db, changes } = this.context;
    if (derivedDataPending(db)) await catchUpWhenWritable({ db, changes }, () => this.writable());
    return suggested;
  }

  /** Applies remote entries with the repairs that follow them, the cursor moving in the same transaction. */
  apply(entries: readonly Change[], cursor: number | null): void {
    const { db } = this.context;
    this.count(
      this.context.changes.applyRemote(entries, {
        then: (write, remote) => {
          converge(db, write, remote);
          recordIgnoredDates(db, this.parser.takeIgnored());
          if (cursor !== null) this.state.update({ cursor });
        },
      }),
    );
  }

  private count(result: RemoteResult): void {
    this.outcome.applied += result.applied;
    this.outcome.remoteAheadMs = Math.max(this.outcome.remoteAheadMs, result.aheadMs);
  }

  /**
   * Starts over from the server's snapshot (a new device, or one whose cursor points into compacted history): see
   * applyBootstrap. The cursor moves to what the snapshot covers once all of it is applied, so an interrupted
   * bootstrap starts over (a bulk one goes on in bulk).
   */
  async bootstrap(): Promise<void> {
    const { db } = this.context;
    if (this.options.images !== false && hasNothingOfItsOwn(db) && (await this.joinByImage())) {
      this.outcome.joined = 'image';
      return;
    }
    this.outcome.joined = 'entries';
    const snapshot = await downloadSnapshot(this.context, this.client, this.keys, this.parser);
    // No snapshot: the server has less history than this device saw (restored from an older backup). Start over.
    if (!snapshot) {
      await this.writable();
      this.state.update({ cursor: 0 });
      return;
    }
    await applyBootstrap(this.context, snapshot.groups, {
      then: (write, remote) => {
        converge(db, write, remote);
        recordIgnoredDates(db, this.parser.takeIgnored());
      },
      settle: () => this.state.update({ cursor: snapshot.covers }),
      applied: (result) => this.count(result),
      writable: () => this.writable(),
    });
  }

  /**
   * Loads the snapshot's database image, for a device with nothing of its own (docs/sync.md, "Database images").
   * False when there is none, or none this version loads, or when it was refused: the snapshot's entries serve then.
   * Nothing of a refused image is applied (it is checked whole before it is loaded, and loaded in one transaction).
   */
  private async joinByImage(): Promise<boolean> {
    let image: DownloadedImage | null = null;
    try {
      image = await downloadImage(this.context, this.client, this.keys);
      if (!image) return false;
      let loaded: boolean;
      try {
        // 'needsEntries': the image holds a value the entries leave out one by one (and list): they serve instead.
        loaded = (await this.context.jobs.run('sync.loadImage', image)) === 'loaded';
      } catch (error) {
        // Nothing of it was applied (one transaction in the worker); the worker's error carries no sync problem.
        throw error instanceof SyncFailure ? error : new SyncFailure('local', error instanceof Error ? error.message : String(error));
      }
      // The worker's connection moved the stored clock past the image's; this thread's clock follows it.
      if (loaded) {
        const stored = this.context.db.sql(`SELECT value FROM meta WHERE key = 'hlc_last'`).pluck().get() as string | undefined;
        this.context.changes.clock.observe(stored ?? image.header.hlc);
      }
      return loaded;
    } catch (error) {
      const failure = asSyncFailure(error);
      // The server or the connection failing is not the image's fault: the run reports it.
      if (failure.problem !== 'tampered' && failure.problem !== 'incompatible' && failure.problem !== 'local') throw failure;
      this.outcome.imageRefused = failure;
      return false;
    } finally {
      if (image) fs.rmSync(image.file, { force: true });
    }
  }

  /**
   * Resolves when main's connection may write: not while a job's worker holds the write lock (src-main/jobs), which
   * refuses main's transactions rather than blocking its thread. What follows synchronously is then safe: the lock
   * is granted to the worker only between two of main's tasks.
   */
  private writable(): Promise<void> {
    return this.context.jobs.whenWritable();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private noteServerTime(serverTime: string): void {
    this.outcome.clockOffsetMs = Date.parse(serverTime) - this.now();
  }
}
