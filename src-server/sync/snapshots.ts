import { putSnapshotQuery, putSnapshotResponse, snapshotHeaders } from '../../src-shared/sync-protocol';
import type { ServerContext } from '../context';
import { notFound, ServerError, unauthenticated } from '../http/errors';
import type { RouteTable } from '../http/route-table';
import { lockAccount } from './account-lock';
import { deleteObjects, findObject, objectStream, octetStream, receiveObject } from './objects';

/** Why a snapshot cannot be stored (checked before the upload, and again when it is published). */
function refusal(account: { last_seq: number }, current: { name: string; covers: number | null } | undefined, covers: number): ServerError | undefined {
  if (covers > account.last_seq) {
    return new ServerError('VALIDATION', `covers (${covers}) is beyond the last batch stored (${account.last_seq})`, {
      issues: [{ path: 'covers', code: 'too_big', message: `at most ${account.last_seq}` }],
    });
  }
  if (current && (current.covers ?? 0) >= covers) {
    return new ServerError('CONFLICT', `The current snapshot already covers ${current.covers}`, {
      details: { snapshot: { id: current.name, covers: current.covers } },
    });
  }
  return undefined;
}

/**
 * Publishes an uploaded snapshot and compacts what it covers, in one transaction: the previous snapshot (and its
 * database image) goes, and so do the batches with seq ≤ covers, except that those pushed in the last `compactedIdsDays` keep their id and
 * seq (payload emptied) so that a late retry of their push is still answered without storing them twice.
 */
async function publishSnapshot(context: ServerContext, accountId: string, objectId: string, covers: number): Promise<ServerError | undefined> {
  const keepIdsSince = new Date(context.clock.now() - context.config.compactedIdsDays * 86_400_000).toISOString();
  return context.db.kysely.transaction().execute(async (trx) => {
    const account = await lockAccount(trx, accountId);
    if (!account) return unauthenticated();
    const previous = await findObject(trx, accountId, 'snapshot');
    const refused = refusal(account, previous, covers);
    if (refused) return refused;
    if (previous) await deleteObjects(trx, [previous.id]);
    // An image belongs to the snapshot it was made with: the previous one's goes with it.
    const images = await trx.selectFrom('objects').select('id').where('account_id', '=', accountId).where('kind', '=', 'image').execute();
    await deleteObjects(
      trx,
      images.map((image) => image.id),
    );
    await trx.updateTable('objects').set({ complete: 1 }).where('id', '=', objectId).execute();
    await trx.deleteFrom('batches').where('account_id', '=', accountId).where('seq', '<=', covers).where('created_at', '<', keepIdsSince).execute();
    await trx.updateTable('batches').set({ payload: null }).where('account_id', '=', accountId).where('seq', '<=', covers).execute();
    const left = await trx
      .selectFrom('batches')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes')])
      .where('account_id', '=', accountId)
      .where('seq', '>', covers)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('accounts')
      .set({ compacted_through: covers, stored_batches: Number(left.count), stored_bytes: Number(left.bytes) })
      .where('id', '=', accountId)
      .execute();
    return undefined;
  });
}

/** Snapshots and compaction (docs/sync.md, "Snapshots and compaction"). */
export function snapshotRoutes(routes: RouteTable): void {
  const context = routes.context;
  const { kysely } = context.db;

  routes.add(
    {
      method: 'put',
      path: '/sync/snapshot',
      tag: 'sync',
      summary: 'Store a sealed snapshot covering every batch with seq ≤ covers, and compact what it covers',
      auth: true,
      query: putSnapshotQuery,
      streamBody: true,
      responses: {
        201: { description: 'Stored', json: putSnapshotResponse },
        200: { description: 'This very snapshot was already stored (a retried upload)', json: putSnapshotResponse },
        409: { description: 'The current snapshot covers as much or more' },
        413: { description: 'Larger than the configured snapshot limit' },
      },
    },
    async ({ c, query, principal }) => {
      const account = await kysely.selectFrom('accounts').select('last_seq').where('id', '=', principal.accountId).executeTakeFirst();
      if (!account) throw unauthenticated();
      const current = await findObject(kysely, principal.accountId, 'snapshot');
      if (current && current.name === query.id && current.covers === query.covers) return c.json({ id: query.id, covers: query.covers }, 200);
      const early = refusal(account, current, query.covers);
      if (early) throw early;
      const stored = await receiveObject(context, c.req.raw, context.config.limits.snapshotBytes, {
        accountId: principal.accountId,
        kind: 'snapshot',
        name: query.id,
        covers: query.covers,
      });
      const refused = await publishSnapshot(context, principal.accountId, stored.id, query.covers);
      if (refused) {
        await deleteObjects(kysely, [stored.id]);
        throw refused;
      }
      return c.json({ id: query.id, covers: query.covers }, 201);
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/sync/snapshot',
      tag: 'sync',
      summary: 'The current sealed snapshot',
      auth: true,
      responses: {
        200: { description: 'The sealed snapshot', content: octetStream, headers: { [snapshotHeaders.id]: 'its id', [snapshotHeaders.covers]: 'the seq it covers' } },
        404: { description: 'No snapshot yet' },
      },
    },
    async ({ c, principal }) => {
      const snapshot = await findObject(kysely, principal.accountId, 'snapshot');
      if (!snapshot) throw notFound('snapshot');
      return c.body(objectStream(context, snapshot, 'snapshot'), 200, {
        'Content-Type': octetStream,
        'Content-Length': String(snapshot.size),
        [snapshotHeaders.id]: snapshot.name,
        [snapshotHeaders.covers]: String(snapshot.covers ?? 0),
      });
    },
  );
}
