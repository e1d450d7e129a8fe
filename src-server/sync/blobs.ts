import { blobNameParam } from '../../src-shared/sync-protocol';
import { notFound } from '../http/errors';
import type { RouteTable } from '../http/route-table';
import { lockAccount } from './account-lock';
import { deleteObjects, findObject, objectStream, octetStream, receiveObject } from './objects';

/**
 * Sealed documents, by content name (docs/sync.md, "Documents"). Uploaded once: a second upload of a stored
 * name answers 200 without storing anything. Blobs stay until the account is deleted (the server cannot tell
 * which ones are still referenced: the rows that name them are sealed).
 */
export function blobRoutes(routes: RouteTable): void {
  const context = routes.context;
  const { kysely } = context.db;

  routes.add(
    {
      method: 'get',
      path: '/sync/blobs/{name}',
      tag: 'sync',
      summary: 'A sealed blob (HEAD: whether it is stored)',
      auth: true,
      head: true,
      params: blobNameParam,
      responses: { 200: { description: 'The sealed bytes', content: octetStream }, 404: { description: 'Not stored' } },
    },
    async ({ c, params, principal }) => {
      const blob = await findObject(kysely, principal.accountId, 'blob', params.name);
      if (!blob) throw notFound('blob');
      const headers = { 'Content-Type': octetStream, 'Content-Length': String(blob.size) };
      if (c.req.method === 'HEAD') return c.body(null, 200, headers);
      return c.body(objectStream(context, blob, 'blob'), 200, headers);
    },
  );

  routes.add(
    {
      method: 'put',
      path: '/sync/blobs/{name}',
      tag: 'sync',
      summary: 'Store a sealed blob (idempotent)',
      auth: true,
      params: blobNameParam,
      streamBody: true,
      responses: {
        201: { description: 'Stored' },
        200: { description: 'It already was' },
        413: { description: 'Larger than the blob limit (details.limit)' },
      },
    },
    async ({ c, params, principal }) => {
      if (await findObject(kysely, principal.accountId, 'blob', params.name)) return c.body(null, 200);
      const stored = await receiveObject(context, c.req.raw, context.config.limits.blobBytes, {
        accountId: principal.accountId,
        kind: 'blob',
        name: params.name,
        covers: null,
      });
      const published = await kysely.transaction().execute(async (trx) => {
        await lockAccount(trx, principal.accountId);
        // Two devices may upload the same file at once: the first to publish wins, the other's copy goes.
        if (await findObject(trx, principal.accountId, 'blob', params.name)) return false;
        await trx.updateTable('objects').set({ complete: 1 }).where('id', '=', stored.id).execute();
        return true;
      });
      if (!published) await deleteObjects(kysely, [stored.id]);
      return c.body(null, published ? 201 : 200);
    },
  );
}
