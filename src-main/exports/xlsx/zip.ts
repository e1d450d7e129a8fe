import fs from 'node:fs';
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { Zip, type FlateError, type ZipInputFile } from 'fflate';

/** Zip entries without zip64 stop at 4 GiB (fflate 0.8 writes no zip64 records). */
const maxEntryBytes = 0xffff_ffff;

/**
 * Bytes a writer may leave queued in zlib or in the output before it waits. Waiting until they were all taken
 * (`drain`) at every batch left the export's thread idle while zlib deflated the batch's last chunk and the file
 * took its deflated bytes, one batch after another; with this much queued, zlib and the file work on the previous
 * batches while the thread writes the next one. Two of the writers' 1 MB chunks (the one zlib is deflating and the one
 * written meanwhile), held meanwhile.
 */
export const queuedBytes = 2 * 1024 * 1024;

/**
 * zlib's output buffer, which each deflate call on the thread pool fills (Node's default: 16 KB). The writers hand
 * zlib 1 MB of XML at a time (180 to 230 KB deflated at level 1; 256 KB and about 60 KB until session 17): with 16 KB,
 * each 256 KB piece took about four round trips between the export's thread and the pool, each with its JavaScript
 * callback, its 'data' event through the archive and its write to the file. With a buffer about the size of a deflated
 * piece, most take one; the deflated bytes are the same. The
 * one-thread export at 100,000 applications, in process, alternating at load 10: CPU 12.4 / 11.2 / 14.2 s at 16 KB,
 * 10.4 / 9.6 / 10.5 s at 256 KB.
 */
const deflatedChunkBytes = 256 * 1024;

/**
 * Waits until `stream` has room again (no more than `queued` bytes waiting in it; every byte taken, once it has to
 * wait); fails rather than waiting forever when it closes or errors meanwhile.
 */
export function roomIn(stream: Writable, queued = 0): Promise<void> {
  if (stream.destroyed) return Promise.reject(stream.errored ?? new Error('The output was closed before the workbook was complete.'));
  if (!stream.writableNeedDrain || stream.writableLength <= queued) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', drained).off('error', failed).off('close', closed);
      if (error) reject(error);
      else resolve();
    };
    const drained = () => done();
    const failed = (error: Error) => done(error);
    const closed = () => done(stream.errored ?? new Error('The output was closed before the workbook was complete.'));
    stream.on('drain', drained).on('error', failed).on('close', closed);
  });
}

/**
 * One file of the archive, deflated by Node's zlib: native code that runs on libuv's thread pool, so the
 * compression of a sheet overlaps the JavaScript that writes its rows (fflate's own deflate is JavaScript, on the
 * same thread). fflate writes the archive around it (headers, data descriptor, central directory).
 */
export class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  crc = 0;
  size = 0;
  ondata: NonNullable<ZipInputFile['ondata']> = () => undefined;
  private readonly deflate = zlib.createDeflateRaw({ level: 1, chunkSize: deflatedChunkBytes });

  constructor(readonly filename: string) {
    this.deflate.on('data', (chunk: Buffer) => this.ondata(null, chunk, false));
    this.deflate.on('end', () => this.ondata(null, new Uint8Array(0), true));
    this.deflate.on('error', (error: Error) => this.ondata(Object.assign(error, { code: 0 }) as FlateError, new Uint8Array(0), true));
  }

  /**
   * Adds text (encoded as UTF-8 here) or bytes already encoded, which zlib holds until it has deflated them:
   * `deflated` is called then, and the bytes may be written over again.
   */
  write(data: string | Uint8Array, deflated?: () => void): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.size += bytes.length;
    if (this.size > maxEntryBytes) throw new Error(`${this.filename} is larger than 4 GiB, more than a workbook can hold: filter the view.`);
    this.crc = zlib.crc32(bytes, this.crc);
    this.deflate.write(bytes, deflated);
  }

  /** Waits until zlib has room: no more than `queuedBytes` of what was written waiting to be deflated. */
  room(): Promise<void> {
    return roomIn(this.deflate, queuedBytes);
  }

  end(): void {
    this.deflate.end();
  }

  terminate(): void {
    this.deflate.destroy();
  }
}

export type ZipEntry = Pick<DeflatedEntry, 'write' | 'room' | 'end'>;

/**
 * A file of the archive deflated elsewhere (another thread: sheet-thread.ts) and relayed here chunk by chunk.
 * Chunks that arrive before the archive reaches this file are held until it does (`placed`).
 */
export class RelayedEntry implements ZipInputFile {
  readonly compression = 8;
  crc = 0;
  size = 0;
  ondata: NonNullable<ZipInputFile['ondata']> = () => undefined;
  private held: Uint8Array[] | null = [];
  private ended = false;

  constructor(readonly filename: string) {}

  /** Called once the archive has taken this file in (ZipWriter.add): what was held goes on. */
  placed(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const chunk of held) this.ondata(null, chunk, false);
    if (this.ended) this.ondata(null, new Uint8Array(0), true);
  }

  data(chunk: Uint8Array): void {
    if (this.held) this.held.push(chunk);
    else this.ondata(null, chunk, false);
  }

  /** The last chunk came: its uncompressed size and CRC-32, which the data descriptor records. */
  end(crc: number, size: number): void {
    this.crc = crc;
    this.size = size;
    this.ended = true;
    if (!this.held) this.ondata(null, new Uint8Array(0), true);
  }
}

/**
 * A zip archive streamed into `out`: entries are written one after the other (an entry begun before the previous
 * one ended is held back by fflate until then). Memory stays bounded as long as the writer waits for `room()`.
 */
export class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | undefined;
  private readonly ended: Promise<void>;
  /** Chunks relayed with a call for once the output has written them (whenWritten), by chunk. */
  private readonly writtenCalls = new Map<Uint8Array, () => void>();
  /**
   * Whether the output lets go of a chunk once it has written it (a file), so that its buffer may be written over:
   * another output (an answer gathered in memory) may keep the chunks it is given.
   */
  readonly releasesWrittenChunks: boolean;

  constructor(private readonly out: Writable) {
    this.releasesWrittenChunks = out instanceof fs.WriteStream;
    let finish!: () => void;
    let fail!: (error: Error) => void;
    this.ended = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    // A failure is reported by commit(), or by room() if the writer is still writing.
    this.ended.catch(() => undefined);
    this.zip = new Zip((error, data, final) => {
      if (error) {
        this.failure = error;
        fail(error);
        return;
      }
      if (data.length > 0) {
        // fflate hands a relayed entry's chunks on as they are (the same object).
        const written = this.writtenCalls.get(data);
        if (written) {
          this.writtenCalls.delete(data);
          out.write(data, written);
        } else out.write(data);
      }
      if (final) finish();
    });
  }

  /** Starts a deflated entry (the file's parts are small, or streamed through it). */
  entry(name: string): ZipEntry {
    const entry = new DeflatedEntry(name);
    this.zip.add(entry);
    return entry;
  }

  /** Adds a file deflated elsewhere; its chunks flow once the archive reaches it. */
  add(entry: RelayedEntry): void {
    this.zip.add(entry);
    entry.placed();
  }

  /** A whole small entry at once. */
  file(name: string, text: string): void {
    const entry = this.entry(name);
    entry.write(text);
    entry.end();
  }

  /**
   * Relays `chunk` of `entry`, calling `written` once the output has written it, when it lets go of chunks it has
   * written (releasesWrittenChunks): its buffer may then be written over.
   */
  relay(entry: RelayedEntry, chunk: Uint8Array, written: () => void): void {
    if (this.releasesWrittenChunks) this.writtenCalls.set(chunk, written);
    entry.data(chunk);
  }

  /** Rejects once the archive has failed (never resolves): for a wait that must not outlive a failure. */
  failed(): Promise<never> {
    return this.ended.then(() => new Promise<never>(() => {}));
  }

  /** Waits until both zlib and the output have room (call between batches of rows). */
  async room(entry?: ZipEntry): Promise<void> {
    if (this.failure) throw this.failure;
    if (entry) await entry.room();
    await roomIn(this.out, queuedBytes);
  }

  /** Writes the central directory once every entry has ended, then ends `out`. */
  async commit(): Promise<void> {
    this.zip.end();
    await this.ended;
    this.out.end();
  }
}
