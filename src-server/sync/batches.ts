import { sql, type Kysely } from 'kysely';
import { pullQuery, pullResponse, pushRequest, pushResponse, syncLimits, type PullResponse } from '../../src-shared/sync-protocol';
import type { Principal } from '../accounts/authenticate';
import type { ServerContext } from '../context';
import type { ServerDB } from '../db/schema';
import { ServerError, unauthenticated } from '../http/errors';
import type { RouteTable } from '../http/route-table';
import { lockAccount } from './account-lock';
import { refuseStaleKey, staleKeyError } from './keys';
import { findObject, type StoredObject } from './objects';

export const toSnapshotInfo = (object: StoredObject | undefined) =>
  object ? { id: object.name, covers: object.covers ?? 0, size: object.size, createdAt: object.created_at } : null;

export async function currentSnapshot(context: ServerContext, accountId: string) {
  return toSnapshotInfo(await findObject(context.db.kysely, accountId, 'snapshot'));
}

interface PullRow {
  last_seq: number;
  compacted_through: number;
  stored_batches: number;
  stored_bytes: number;
  snapshot_name: string | null;
  snapshot_covers: number | null;
  snapshot_size: number | null;
  snapshot_created_at: string | null;
  /** Null on the one row of an answer without batches. */
  seq: number | null;
  id: string | null;
  device_id: string | null;
  created_at: string | null;
  payload: Buffer | null;
}

/**
 * What a pull reads, in one round trip (four before: on PostgreSQL each costs a wait for the pool and the
 * network): the account's counters, its current snapshot and the batches after the cursor, one row per batch
 * (or one row without a batch). No rows: the account is gone. The caller's own batches are looked at (the cursor
 * moves past them) but their bytes are not read.
 */
async function pullRows(kysely: Kysely<ServerDB>, accountId: string, deviceId: string, after: number, limit: number): Promise<PullRow[]> {
  const { rows } = await sql<PullRow>`
    SELECT a.last_seq, a.compacted_through, a.stored_batches, a.stored_bytes,
      s.name AS snapshot_name, s.covers AS snapshot_covers, s.size AS snapshot_size, s.created_at AS snapshot_created_at,
      b.seq, b.id, b.device_id, b.created_at, b.payload
    FROM accounts a
    LEFT JOIN objects s ON s.id = (
      SELECT o.id FROM objects o
      WHERE o.account_id = a.id AND o.kind = 'snapshot' AND o.complete = 1
      ORDER BY o.created_at DESC LIMIT 1
    )
    LEFT JOIN (
      SELECT seq, id, device_id, created_at, CASE WHEN device_id = ${deviceId} THEN NULL ELSE payload END AS payload
      FROM batches
      WHERE account_id = ${accountId} AND seq > ${after}
      ORDER BY seq LIMIT ${limit}
    ) b ON 1 = 1
    WHERE a.id = ${accountId}
    ORDER BY b.seq`.execute(kysely);
  return rows;
}

interface Stored {
  /** Every incoming batch's seq, the ones stored before included. */
  seqs: Map<string, number>;
  /** Bytes newly stored. */
  bytes: number;
}

/**
 * Stores a push's batches not stored yet, each with the account's next seq, in one transaction that takes the
 * account row's lock first (see lockAccount). Undefined when the account is gone.
 */
async function storeInTransaction(
  kysely: Kysely<ServerDB>,
  principal: Principal,
  incoming: Map<string, Buffer>,
  createdAt: string,
  keyId: string | undefined,
): Promise<Stored | undefined> {
  return kysely.transaction().execute(async (trx) => {
    // The account row's lock orders this account's pushes: seqs become visible in the order they are assigned.
    const account = await lockAccount(trx, principal.accountId);
    if (!account) return undefined;
    // Under the lock a key rotation also takes: a rotation is wholly before this push or wholly after it.
    if (keyId !== undefined) await refuseStaleKey(trx, principal.accountId, keyId);
    const known = await trx
      .selectFrom('batches')
      .select(['id', 'seq'])
      .where('account_id', '=', principal.accountId)
      .where('id', 'in', [...incoming.keys()])
      .execute();
    const seqs = new Map(known.map((row) => [row.id, row.seq]));
    const rows = [];
    let seq = account.last_seq;
    let bytes = 0;
    for (const [id, payload] of incoming) {
      if (seqs.has(id)) continue;
      seq += 1;
      seqs.set(id, seq);
      bytes += payload.length;
      rows.push({ account_id: principal.accountId, seq, id, device_id: principal.deviceId, payload, size: payload.length, created_at: createdAt });
    }
    if (rows.length > 0) {
      await trx.insertInto('batches').values(rows).execute();
      await trx
        .updateTable('accounts')
        .set((eb) => ({
          last_seq: seq,
          stored_batches: eb('stored_batches', '+', rows.length),
          stored_bytes: eb('stored_bytes', '+', bytes),
        }))
        .where('id', '=', principal.accountId)
        .execute();
    }
    return { seqs, bytes };
  });
}

/** A push sealed with a key the account no longer has: the current key's id. */
interface StaleKey {
  staleKey: string;
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === '23505';

/**
 * storeInTransaction in one statement, for PostgreSQL, where each of that transaction's five round trips (BEGIN,
 * lock, known ids, insert, account update, COMMIT) waits for the pool and the database's process: under load they
 * made a push take seconds. Same effect: the UPDATE of the account row takes its lock (as lockAccount does) and
 * adds the new batches to its counters; the INSERT numbers them after the locked row's last_seq, so seqs become
 * visible in commit order. The ids already stored are read from the statement's snapshot, taken before the lock
 * was waited for: if the same batch was stored meanwhile by a concurrent push, the INSERT breaks the unique
 * (account_id, id) and nothing is written; the statement then runs again, from a snapshot that sees it.
 *
 * The stale-key check is in the statement too, ordered by its locks as a rotation orders them (PUT /sync/keys:
 * the account row, then the keys row): `locked` takes the account row's lock first — waiting out a rotation in
 * flight — and `current` then reads the keys row FOR SHARE, which in READ COMMITTED gives its latest committed
 * version, not the statement snapshot's (a plain read, or a join, would still see the key the rotation replaced).
 * A stale key stores nothing and answers the current key id (`stale`); the caller refuses the push.
 */
async function storeInOneStatement(
  kysely: Kysely<ServerDB>,
  principal: Principal,
  incoming: Map<string, Buffer>,
  createdAt: string,
  keyId: string | undefined,
): Promise<Stored | StaleKey | undefined> {
  const values = sql.join([...incoming].map(([id, payload], index) => sql`(${id}::text, ${payload}::bytea, ${index}::integer)`));
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { rows } = await sql<{ kind: 'account' | 'known' | 'new' | 'stale'; id: string | null; seq: number; size: number | null }>`
        WITH incoming (id, payload, ord) AS (VALUES ${values}),
        locked AS MATERIALIZED (
          SELECT id FROM accounts WHERE id = ${principal.accountId} FOR NO KEY UPDATE
        ),
        current AS MATERIALIZED (
          SELECT k.key_id FROM keys k JOIN locked l ON l.id = k.account_id FOR SHARE OF k
        ),
        stale AS (
          SELECT key_id FROM current WHERE ${keyId ?? null}::text IS NOT NULL AND key_id <> ${keyId ?? null}::text
        ),
        known AS (
          SELECT b.id, b.seq FROM batches b JOIN incoming i ON i.id = b.id WHERE b.account_id = ${principal.accountId}
        ),
        fresh AS (
          SELECT id, payload, length(payload) AS size, row_number() OVER (ORDER BY ord) AS rank
          FROM incoming WHERE id NOT IN (SELECT id FROM known) AND NOT EXISTS (SELECT 1 FROM stale)
        ),
        account AS (
          UPDATE accounts SET
            last_seq = last_seq + (SELECT count(*) FROM fresh),
            stored_batches = stored_batches + (SELECT count(*) FROM fresh),
            stored_bytes = stored_bytes + (SELECT coalesce(sum(size), 0) FROM fresh)
          WHERE id = (SELECT id FROM locked) AND NOT EXISTS (SELECT 1 FROM stale)
          RETURNING last_seq
        ),
        inserted AS (
          INSERT INTO batches (account_id, seq, id, device_id, payload, size, created_at)
          SELECT ${principal.accountId}, account.last_seq - (SELECT count(*) FROM fresh) + fresh.rank, fresh.id, ${principal.deviceId},
            fresh.payload, fresh.size, ${createdAt}
          FROM fresh CROSS JOIN account
          RETURNING id, seq, size
        )
        SELECT 'account' AS kind, NULL AS id, last_seq AS seq, NULL::integer AS size FROM account
        UNION ALL SELECT 'known', id, seq, NULL FROM known
        UNION ALL SELECT 'new', id, seq, size FROM inserted
        UNION ALL SELECT 'stale', key_id, 0, NULL FROM stale`.execute(kysely);
      const stale = rows.find((row) => row.kind === 'stale');
      if (stale) return { staleKey: stale.id! };
      if (!rows.some((row) => row.kind === 'account')) return undefined;
      const seqs = new Map<string, number>();
      let bytes = 0;
      for (const row of rows) {
        if (row.kind !== 'known' && row.kind !== 'new') continue;
        seqs.set(row.id!, Number(row.seq));
        bytes += row.size ?? 0;
      }
      return { seqs, bytes };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/** Push and pull of sealed batches (docs/sync.md, "Batches: push and pull"). */
export function batchRoutes(routes: RouteTable): void {
  const context = routes.context;
  const { kysely } = context.db;

  routes.add(
    {
      method: 'post',
      path: '/sync/push',
      tag: 'sync',
      summary: "Store sealed batches; each gets the account's next seq (a retried id answers the seq it already has)",
      auth: true,
      body: pushRequest,
      bodyLimit: (ctx) => ctx.config.limits.pushBytes,
      responses: { 200: { description: 'The seq of every batch', json: pushResponse } },
    },
    async ({ c, body, principal }) => {
      const incoming = new Map<string, Buffer>();
      for (const batch of body.batches) if (!incoming.has(batch.id)) incoming.set(batch.id, Buffer.from(batch.payload, 'base64url'));
      // A batch sealed with a retired key is refused (rest2's key rotation), checked inside the store's transaction
      // (or its one statement on PostgreSQL) under the account lock a rotation takes, so none slips in between.
      const createdAt = context.nowIso();
      const stored =
        context.db.engine === 'postgres'
          ? await storeInOneStatement(kysely, principal, incoming, createdAt, body.keyId)
          : await storeInTransaction(kysely, principal, incoming, createdAt, body.keyId);
      if (!stored) throw unauthenticated();
      if ('staleKey' in stored) throw staleKeyError(stored.staleKey);
      context.metrics.bytesSynced.inc({ kind: 'batch', direction: 'in' }, stored.bytes);
      const seqs = stored.seqs;
      return c.json({ accepted: [...incoming.keys()].map((id) => ({ id, seq: seqs.get(id)! })), serverTime: context.nowIso() }, 200);
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/sync/pull',
      tag: 'sync',
      summary: "The other devices' batches after a cursor, in seq order",
      auth: true,
      query: pullQuery,
      responses: {
        200: { description: 'Batches and the next cursor', json: pullResponse },
        410: { description: 'SNAPSHOT_REQUIRED: the cursor points into compacted history (details.snapshot)' },
      },
    },
    async ({ c, query, principal }) => {
      const rows = await pullRows(kysely, principal.accountId, principal.deviceId, query.after, query.limit);
      const account = rows[0];
      if (!account) throw unauthenticated();
      const snapshot =
        account.snapshot_name === null
          ? null
          : toSnapshotInfo({ id: '', name: account.snapshot_name, covers: account.snapshot_covers, size: account.snapshot_size!, created_at: account.snapshot_created_at! });
      // Below the compacted point the batches are gone; beyond the head the server lost history the device saw
      // (restored from an older backup). Either way the device starts again from the snapshot.
      if (query.after < account.compacted_through || query.after > account.last_seq) {
        throw new ServerError('SNAPSHOT_REQUIRED', 'This cursor is outside the stored history: start again from the snapshot', {
          details: { snapshot, head: account.last_seq, compactedThrough: account.compacted_through },
        });
      }
      const batches: PullResponse['batches'] = [];
      let cursor = query.after;
      let bytes = 0;
      for (const row of rows) {
        if (row.seq === null) continue;
        if (row.payload !== null) {
          if (batches.length > 0 && bytes + row.payload.length > syncLimits.pullMaxBytes) break;
          bytes += row.payload.length;
          batches.push({ seq: row.seq, id: row.id!, deviceId: row.device_id!, payload: row.payload.toString('base64url'), createdAt: row.created_at! });
        }
        cursor = row.seq;
      }
      context.metrics.bytesSynced.inc({ kind: 'batch', direction: 'out' }, bytes);
      // A push may have committed between the two reads: the head is at least what was seen.
      const head = Math.max(account.last_seq, cursor);
      const answer: PullResponse = {
        batches,
        cursor,
        more: cursor < head,
        head,
        snapshot,
        snapshotSuggested:
          account.stored_batches > syncLimits.snapshotSuggestedBatches || account.stored_bytes > syncLimits.snapshotSuggestedBytes,
        serverTime: context.nowIso(),
      };
      return c.json(answer, 200);
    },
  );
}
