import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { SyncFailure } from './failure';
import type { SyncClient } from './client';

/** A sealed object of the account (its snapshot, its database image) as the server answers it, not yet read. */
export interface SealedObjectResponse {
  response: Response;
  id: string;
  /** The server's cursor the object covers. */
  covers: number;
}

/**
 * Asks for the one object of a kind the server keeps per account: null when it has none (404); its id and what it
 * covers read from the answer's headers and checked (the body is left unread when they are wrong).
 */
export async function fetchSealedObject(
  client: SyncClient,
  path: string,
  headers: { id: string; covers: string },
  what: string,
): Promise<SealedObjectResponse | null> {
  let response: Response;
  try {
    response = await client.request<Response>('GET', path, { raw: true, transfer: true });
  } catch (error) {
    if (error instanceof SyncFailure && error.options.status === 404) return null;
    throw error;
  }
  const id = response.headers.get(headers.id) ?? '';
  const covers = Number(response.headers.get(headers.covers));
  if (!/^[0-9a-f-]{36}$/i.test(id) || !Number.isInteger(covers) || covers < 0) {
    await response.body?.cancel();
    throw new SyncFailure('incompatible', `${what} came without its id or what it covers`);
  }
  return { response, id, covers };
}

/**
 * Uploads a sealed file as the account's object of a kind (its snapshot, its image). False when the server keeps a
 * newer one already (409: another device stored one meanwhile), which is nothing to do.
 */
export async function putSealedObject(
  client: SyncClient,
  path: string,
  query: Record<string, string | number>,
  file: string,
  schema: z.ZodType,
): Promise<boolean> {
  try {
    await client.request('PUT', path, {
      query,
      body: () => Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
      bodyLength: fs.statSync(file).size,
      schema,
      transfer: true,
    });
    return true;
  } catch (error) {
    if (error instanceof SyncFailure && error.options.serverCode === 'CONFLICT') return false;
    throw error;
  }
}
