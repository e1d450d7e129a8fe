import type { z } from 'zod';
import { ServerError, tooLarge, validationError } from './errors';

function declaredLength(request: Request): number | undefined {
  const header = request.headers.get('content-length');
  if (header === null) return undefined;
  const length = Number(header);
  return Number.isFinite(length) ? length : undefined;
}

/** Refuses with 413 a body whose Content-Length says it passes `limit`, before anything else is checked. */
export function refuseDeclaredOver(request: Request, limit: number): void {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > limit) throw tooLarge(limit);
}

/**
 * The body as 1 MiB (`chunkSize`) pieces, never more than one piece in memory beyond what the consumer keeps,
 * refused with 413 as soon as it passes `limit` (at once when Content-Length says so).
 */
export async function* bodyChunks(request: Request, limit: number, chunkSize: number): AsyncGenerator<Buffer> {
  refuseDeclaredOver(request, limit);
  if (!request.body) return;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  for await (const part of request.body as unknown as AsyncIterable<Uint8Array>) {
    total += part.byteLength;
    if (total > limit) throw tooLarge(limit);
    let piece = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    while (pendingBytes + piece.length >= chunkSize) {
      const take = chunkSize - pendingBytes;
      pending.push(piece.subarray(0, take));
      yield Buffer.concat(pending);
      piece = piece.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (piece.length > 0) {
      // Copied: the stream may reuse its buffer for the next part.
      pending.push(Buffer.from(piece));
      pendingBytes += piece.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}

/** The whole body, up to `limit` bytes. */
export async function readBody(request: Request, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of bodyChunks(request, limit, 1024 * 1024)) parts.push(part);
  return Buffer.concat(parts);
}

/** A JSON body parsed by its schema; a body that is not JSON or not of that shape is a VALIDATION error. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, limit: number): Promise<z.output<T>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/json')) {
    throw new ServerError('VALIDATION', 'The body must be application/json');
  }
  const bytes = await readBody(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ServerError('VALIDATION', 'The body is not valid JSON', { issues: [] });
  }
  return parseWith(schema, value, 'body');
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where, value);
  return result.data;
}
