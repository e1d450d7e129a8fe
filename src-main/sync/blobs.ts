import fs from 'node:fs';
import { blobName as blobNameSchema } from '../../src-shared/sync-protocol';
import type { AppContext } from '../context';
import { isStored, sha256Of, storedPath, storeFile } from '../documents/files';
import type { SyncClient } from './client';
import type { SyncKeys } from './crypto';
import { SyncFailure } from './failure';
import { openStream, sealStream } from './sealed-stream';

/**
 * Documents' files (docs/sync.md, "Documents"): sealed in chunks, named by a keyed hash of their content hash,
 * uploaded before the entries that create their rows, fetched the first time a document is opened elsewhere.
 * Not compressed: most are PDFs and images, compressed already.
 */

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Uploads the files of documents this device has and the server does not yet (as far as this device knows). */
export async function uploadMissingBlobs(context: AppContext, client: SyncClient, keys: SyncKeys): Promise<void> {
  const { db, dataDir } = context;
  const hashes = db
    .sql(`SELECT DISTINCT sha256 FROM documents WHERE sha256 <> '' AND sha256 NOT IN (SELECT sha256 FROM sync_blobs) ORDER BY sha256`)
    .pluck()
    .all() as string[];
  for (const sha256 of hashes) {
    // A document from another device whose file was never opened here: the server has it.
    if (!/^[0-9a-f]{64}$/.test(sha256) || !isStored(dataDir, sha256)) continue;
    const name = keys.blobNameOf(sha256);
    const path = `/sync/blobs/${name}`;
    const known = await client.request<Response>('HEAD', path, { raw: true }).then(
      () => true,
      (error: unknown) => {
        if (error instanceof SyncFailure && error.options.status === 404) return false;
        throw error;
      },
    );
    if (!known) {
      const sealed = await collect(sealStream(keys.blob, keys.blobAad(name), once(fs.readFileSync(storedPath(dataDir, sha256)))));
      await client.request('PUT', path, { body: () => new Uint8Array(sealed), bodyLength: sealed.length, transfer: true });
    }
    await context.jobs.whenWritable();
    db.sql(`INSERT OR IGNORE INTO sync_blobs (sha256, uploaded_at) VALUES (?, ?)`).run(sha256, new Date().toISOString());
  }
}

/** Fetches a document's file from the server into the documents folder; false when the server does not have it. */
export async function fetchBlob(context: AppContext, client: SyncClient, keys: SyncKeys, sha256: string): Promise<boolean> {
  const name = blobNameSchema.parse(keys.blobNameOf(sha256));
  let response: Response;
  try {
    response = await client.request<Response>('GET', `/sync/blobs/${name}`, { raw: true, transfer: true });
  } catch (error) {
    if (error instanceof SyncFailure && error.options.status === 404) return false;
    throw error;
  }
  const bytes = await collect(openStream(keys.blob, keys.blobAad(name), response.body as AsyncIterable<Uint8Array>, 'file'));
  if (sha256Of(bytes) !== sha256) throw new SyncFailure('tampered', 'The file from the server does not match its document');
  storeFile(context.dataDir, bytes);
  await context.jobs.whenWritable();
  context.db.sql(`INSERT OR IGNORE INTO sync_blobs (sha256, uploaded_at) VALUES (?, ?)`).run(sha256, new Date().toISOString());
  return true;
}
