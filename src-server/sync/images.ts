import { imageHeaders, putImageQuery, putImageResponse } from '../../src-shared/sync-protocol';
import type { ServerContext } from '../context';
import { notFound, ServerError, unauthenticated } from '../http/errors';
import { refuseDeclaredOver } from '../http/body';
import type { RouteTable } from '../http/route-table';
import { lockAccount } from './account-lock';
import { deleteObjects, findObject, objectStream, octetStream, receiveObject } from './objects';

const notCurrent = (snapshot: string) =>
  new ServerError('CONFLICT', `Snapshot ${snapshot} is not the current one`, { details: { snapshot } });

/**
 * Publishes an uploaded image in one transaction, if its snapshot is still the current one: the account's previous
 * image goes (one image per snapshot; a newer snapshot removes it, see snapshots.ts).
 */
async function publishImage(context: ServerContext, accountId: string, objectId: string, snapshotId: string): Promise<ServerError | undefined> {
  return context.db.kysely.transaction().execute(async (trx) => {
    if (!(await lockAccount(trx, accountId))) return unauthenticated();
    const snapshot = await findObject(trx, accountId, 'snapshot');
    if (snapshot?.name !== snapshotId) return notCurrent(snapshotId);
    const previous = await trx.selectFrom('objects').select('id').where('account_id', '=', accountId).where('kind', '=', 'image').where('id', '!=', objectId).execute();
    await deleteObjects(
      trx,
      previous.map((image) => image.id),
    );
    await trx.updateTable('objects').set({ complete: 1 }).where('id', '=', objectId).execute();
    return undefined;
  });
}

/**
 * Database images (docs/sync.md, "Database images"): a sealed copy of a device's synced tables and what derives from
 * them, made with a snapshot and covering what it covers, which a device with nothing of its own may load instead
 * of applying the snapshot's entries. Like a snapshot, ciphertext to the server: it stores and routes it by the
 * snapshot it belongs to.
 */
export function imageRoutes(routes: RouteTable): void {
  const context = routes.context;
  const { kysely } = context.db;

  routes.add(
    {
      method: 'put',
      path: '/sync/image',
      tag: 'sync',
      summary: 'Store a sealed database image of the current snapshot (covering what it covers)',
      auth: true,
      query: putImageQuery,
      streamBody: true,
      responses: {
        201: { description: 'Stored', json: putImageResponse },
        200: { description: 'This very image was already stored (a retried upload)', json: putImageResponse },
        409: { description: 'The snapshot named is not the current one' },
        413: { description: 'Larger than the configured snapshot limit' },
      },
    },
    async ({ c, query, principal }) => {
      refuseDeclaredOver(c.req.raw, context.config.limits.snapshotBytes);
      const snapshot = await findObject(kysely, principal.accountId, 'snapshot');
      if (snapshot?.name !== query.snapshot) throw notCurrent(query.snapshot);
      const answer = { id: query.id, snapshot: query.snapshot, covers: snapshot.covers ?? 0 };
      if (await findObject(kysely, principal.accountId, 'image', query.id)) return c.json(answer, 200);
      const stored = await receiveObject(context, c.req.raw, context.config.limits.snapshotBytes, {
        accountId: principal.accountId,
        kind: 'image',
        name: query.id,
        covers: snapshot.covers,
      });
      const refused = await publishImage(context, principal.accountId, stored.id, query.snapshot);
      if (refused) {
        await deleteObjects(kysely, [stored.id]);
        throw refused;
      }
      return c.json(answer, 201);
    },
  );

  routes.add(
    {
      method: 'get',
      path: '/sync/image',
      tag: 'sync',
      summary: "The current snapshot's sealed database image",
      auth: true,
      responses: {
        200: { description: 'The sealed image', content: octetStream, headers: { [imageHeaders.id]: 'its id', [imageHeaders.covers]: 'the seq it covers' } },
        404: { description: 'No image of the current snapshot' },
      },
    },
    async ({ c, principal }) => {
      const image = await findObject(kysely, principal.accountId, 'image');
      if (!image) throw notFound('image');
      return c.body(objectStream(context, image, 'image'), 200, {
        'Content-Type': octetStream,
        'Content-Length': String(image.size),
        [imageHeaders.id]: image.name,
        [imageHeaders.covers]: String(image.covers ?? 0),
      });
    },
  );
}
