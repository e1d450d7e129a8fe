import { open, seal } from './crypto';
import { SyncFailure } from './failure';

/**
 * Snapshots and files travel sealed in chunks of at most 1 MiB of plaintext, each framed as
 * `u32 big-endian length of what follows the nonce || 24-byte nonce || ciphertext with its tag`. The associated
 * data of each chunk names its index and whether it is the last, so no chunk can be dropped, reordered, moved
 * to another stream, or cut off at the end.
 */
export const chunkBytes = 1024 * 1024;
const nonceBytes = 24;

export type ChunkAad = (index: number, last: boolean) => string;

/** Seals a stream of plaintext pieces into framed chunks (always at least one, the last). */
export async function* sealStream(key: Uint8Array, aad: ChunkAad, plaintext: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let index = 0;
  let pending = Buffer.alloc(0);
  const frame = (bytes: Uint8Array, last: boolean) => {
    const sealed = seal(key, bytes, aad(index, last));
    index += 1;
    const out = Buffer.alloc(4 + sealed.length);
    out.writeUInt32BE(sealed.length - nonceBytes, 0);
    out.set(sealed, 4);
    return out;
  };
  for await (const piece of plaintext) {
    pending = pending.length === 0 ? Buffer.from(piece) : Buffer.concat([pending, piece]);
    // Keep at least one byte back: the last chunk must be known as such when it is sealed.
    while (pending.length > chunkBytes) {
      yield frame(pending.subarray(0, chunkBytes), false);
      pending = pending.subarray(chunkBytes);
    }
  }
  yield frame(pending, true);
}

/** Opens what `sealStream` made, piece by piece; refuses any change, reordering or truncation with `tampered`. */
export async function* openStream(key: Uint8Array, aad: ChunkAad, sealed: AsyncIterable<Uint8Array>, what: string): AsyncGenerator<Uint8Array> {
  const tampered = (why: string) => new SyncFailure('tampered', `The ${what} failed its integrity check (${why})`);
  let buffer = Buffer.alloc(0);
  let index = 0;
  let ended = false;
  for await (const piece of sealed) {
    buffer = buffer.length === 0 ? Buffer.from(piece) : Buffer.concat([buffer, piece]);
    while (buffer.length >= 4) {
      if (ended) throw tampered('data after the last chunk');
      const length = buffer.readUInt32BE(0);
      if (length > chunkBytes + 16 || length < 16) throw tampered('bad chunk length');
      const total = 4 + nonceBytes + length;
      if (buffer.length < total) break;
      const chunk = buffer.subarray(4, total);
      let plaintext: Uint8Array;
      try {
        plaintext = open(key, chunk, aad(index, false), tampered(''));
      } catch {
        plaintext = open(key, chunk, aad(index, true), tampered(`chunk ${index}`));
        ended = true;
      }
      index += 1;
      buffer = buffer.subarray(total);
      yield plaintext;
    }
  }
  if (!ended || buffer.length > 0) throw tampered('it was cut short');
}
