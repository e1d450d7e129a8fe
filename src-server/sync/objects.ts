import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ServerContext } from '../context';
import type { ObjectsTable, ServerDB } from '../db/schema';
import { bodyChunks } from '../http/body';

export const octetStream = 'application/octet-stream';

/** Stored objects are cut into chunks of this size: a 1 GiB snapshot never sits whole in memory, in or out. */
export const objectChunkBytes = 1024 * 1024;

type Db = Kysely<ServerDB> | Transaction<ServerDB>;
export type StoredObject = Pick<ObjectsTable, 'id' | 'name' | 'covers' | 'size' | 'created_at'>;

export function findObject(db: Db, accountId: string, kind: ObjectsTable['kind'], name?: string): Promise<StoredObject | undefined> {
  let query = db
    .selectFrom('objects')
    .select(['id', 'name', 'covers', 'size', 'created_at'])
    .where('account_id', '=', accountId)
    .where('kind', '=', kind)
    .where('complete', '=', 1);
  if (name !== undefined) query = query.where('name', '=', name);
  return query.orderBy('created_at', 'desc').executeTakeFirst();
}

export async function deleteObjects(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('object_chunks').where('object_id', 'in', ids).execute();
  await db.deleteFrom('objects').where('id', 'in', ids).execute();
}

/**
 * Stores a request body as an incomplete object, chunk by chunk, each chunk its own statement (no transaction
 * spans the upload, so a slow client holds no lock). The caller marks it complete in the transaction that
 * publishes it; a failed upload is removed here, and one cut short by a crash is swept at the next start.
 */
export async function receiveObject(
  context: ServerContext,
  request: Request,
  limit: number,
  object: { accountId: string; kind: ObjectsTable['kind']; name: string; covers: number | null },
): Promise<{ id: string; size: number }> {
  const id = uuidv7();
  const { kysely } = context.db;
  await kysely
    .insertInto('objects')
    .values({ id, account_id: object.accountId, kind: object.kind, name: object.name, covers: object.covers, size: 0, complete: 0, created_at: context.nowIso() })
    .execute();
  let size = 0;
  try {
    let idx = 0;
    for await (const chunk of bodyChunks(request, limit, objectChunkBytes)) {
      await kysely.insertInto('object_chunks').values({ object_id: id, idx, data: chunk }).execute();
      idx += 1;
      size += chunk.length;
    }
    await kysely.updateTable('objects').set({ size }).where('id', '=', id).execute();
  } catch (error) {
    await deleteObjects(kysely, [id]);
    throw error;
  }
  context.metrics.bytesSynced.inc({ kind: object.kind, direction: 'in' }, size);
  return { id, size };
}

/**
 * The object's bytes as a stream that reads one chunk from the database per pull. If the object is deleted
 * meanwhile (a newer snapshot replaced it), the stream fails rather than ending early, so the client sees an error.
 */
export function objectStream(context: ServerContext, object: StoredObject, kind: ObjectsTable['kind']): ReadableStream<Uint8Array> {
  const chunks = Math.ceil(object.size / objectChunkBytes);
  let idx = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (idx === chunks) {
        controller.close();
        return;
      }
      const row = await context.db.kysely
        .selectFrom('object_chunks')
        .select('data')
        .where('object_id', '=', object.id)
        .where('idx', '=', idx)
        .executeTakeFirst();
      if (!row) {
        controller.error(new Error('The object was replaced while it was being sent'));
        return;
      }
      idx += 1;
      context.metrics.bytesSynced.inc({ kind, direction: 'out' }, row.data.length);
      controller.enqueue(new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
    },
  });
}

/** Uploads cut short by a crash or a restart (incomplete objects), removed at start. */
export async function sweepIncompleteObjects(db: Kysely<ServerDB>): Promise<void> {
  const stale = await db.selectFrom('objects').select('id').where('complete', '=', 0).execute();
  await deleteObjects(
    db,
    stale.map((row) => row.id),
  );
}
