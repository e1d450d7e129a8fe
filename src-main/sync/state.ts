import type { Database } from '../db/connection';
import { forgetIgnoredDates } from './dates';
import { forgetImageRefusal } from './image-refusal';

/** The row of `sync_state` (migration 0110): this device's place in sync. */
export interface SyncStateRow {
  server_url: string;
  account_id: string;
  email: string;
  device_id: string;
  device_name: string;
  key_id: string;
  signed_in: number;
  cursor: number;
  formed_through: number;
  last_synced_at: string | null;
  last_attempt_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_at: string | null;
  clock_offset_ms: number | null;
  remote_ahead_ms: number | null;
  connected_at: string;
}

export interface OutboxBatch {
  position: number;
  batch_id: string;
  through_seq: number;
  entries: number;
  payload: string;
}

type Settable = Partial<Omit<SyncStateRow, 'server_url' | 'account_id' | 'connected_at'>>;

/** Reads and writes the local sync state. Not a synced table: written here, never through the change log. */
export class SyncState {
  constructor(private readonly db: Database) {}

  get(): SyncStateRow | undefined {
    return this.db.sql(`SELECT * FROM sync_state WHERE id = 1`).get() as SyncStateRow | undefined;
  }

  /** A new connection: the cursor and what was formed start over only when the account changes. */
  connect(row: Pick<SyncStateRow, 'server_url' | 'account_id' | 'email' | 'device_id' | 'device_name' | 'key_id'>, now: string): void {
    this.db.transaction(() => {
      const previous = this.get();
      if (previous && previous.account_id === row.account_id && previous.server_url === row.server_url) {
        this.update({ ...row, signed_in: 1, last_error_code: null, last_error_message: null, last_error_at: null });
        return;
      }
      this.forget();
      this.db
        .sql(
          `INSERT INTO sync_state (id, server_url, account_id, email, device_id, device_name, key_id, connected_at)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(row.server_url, row.account_id, row.email, row.device_id, row.device_name, row.key_id, now);
    });
  }

  update(fields: Settable): void {
    const columns = Object.keys(fields);
    if (columns.length === 0) return;
    this.db
      .sql(`UPDATE sync_state SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = 1`)
      .run(...columns.map((column) => fields[column as keyof Settable] ?? null));
  }

  forget(): void {
    this.db.transaction(() => {
      this.db.sql(`DELETE FROM sync_state`).run();
      this.db.sql(`DELETE FROM sync_outbox`).run();
      this.db.sql(`DELETE FROM sync_blobs`).run();
      forgetIgnoredDates(this.db);
      forgetImageRefusal(this.db);
    });
  }

  /**
   * Drops the formed batches (sealed with a key that is no longer the account's) so that their entries are formed
   * again, sealed with the new key, and forgets which files were uploaded (their names and seals change with the
   * key). formed_through goes back to just before the first dropped batch's entries.
   */
  discardSealed(): void {
    this.db.transaction(() => {
      const first = this.db.sql(`SELECT through_seq, entries FROM sync_outbox ORDER BY position LIMIT 1`).get() as
        | { through_seq: number; entries: number }
        | undefined;
      if (first) {
        // The batch holds the `entries` local rows up to through_seq: the one before them is where forming resumes.
        const before = this.db
          .sql(`SELECT seq FROM change_log WHERE origin = 'local' AND seq <= ? ORDER BY seq DESC LIMIT 1 OFFSET ?`)
          .pluck()
          .get(first.through_seq, first.entries) as number | undefined;
        this.update({ formed_through: before ?? 0 });
      }
      this.db.sql(`DELETE FROM sync_outbox`).run();
      this.db.sql(`DELETE FROM sync_blobs`).run();
    });
  }

  outbox(): OutboxBatch[] {
    return this.db.sql(`SELECT * FROM sync_outbox ORDER BY position`).all() as OutboxBatch[];
  }

  /** Local entries not yet acknowledged: in formed batches, and not formed yet. */
  pendingChanges(): number {
    const state = this.get();
    if (!state) return 0;
    const formed = this.db.sql(`SELECT coalesce(sum(entries), 0) FROM sync_outbox`).pluck().get() as number;
    const unformed = this.db
      .sql(`SELECT count(*) FROM change_log WHERE seq > ? AND origin = 'local'`)
      .pluck()
      .get(state.formed_through) as number;
    return formed + unformed;
  }

  /** Whether a local write came after the last batch was formed, or a formed batch awaits its acknowledgement. */
  hasUnpushed(): boolean {
    const state = this.get();
    if (!state) return false;
    if (this.db.sql(`SELECT 1 FROM sync_outbox LIMIT 1`).get()) return true;
    return this.db.sql(`SELECT 1 FROM change_log WHERE seq > ? AND origin = 'local' LIMIT 1`).get(state.formed_through) !== undefined;
  }
}
