import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { heldPartsPrefix } from './abandoned-parts';
import type { SheetZip } from './workbook';
import { DeflatedEntry, queuedBytes, RelayedEntry, type ZipEntry, type ZipWriter } from './xlsx/zip';

/** Deflated bytes read back from a held part at a time, when it is placed in the archive. */
const readBytes = 256 * 1024;
/**
 * Read-back buffers the output may hold at once, when they are used again (a file): as many as it may have queued
 * (queuedBytes) and one more being read.
 */
const readBuffers = Math.ceil(queuedBytes / readBytes) + 1;

interface HeldPart {
  name: string;
  file: string;
  entry: DeflatedEntry;
  ended: Promise<void>;
  /** Closes the part's file once (its last bytes written, a failure, or discard). */
  close(): void;
}

/**
 * The parts of a sheet written before their turn in the archive (the stage history, written in the same walk as the
 * applications: history-walk.ts), which holds its files one after the other. Each part is deflated as it is
 * written, on zlib's thread pool as any other, and its deflated bytes wait in a file of a private temporary folder
 * until `place` adds it to the archive at the sheet's turn: held in memory they were about 15 MB at 100,000
 * applications, on a peak RSS already at its limit (docs/performance.md). `discard` removes the folder; `declare`
 * hands it to whoever removes it if the process dies first (the job runner, for an export run as a job).
 */
export class HeldSheetParts implements SheetZip {
  private readonly parts: HeldPart[] = [];
  private folder: string | undefined;
  private failure: Error | undefined;

  constructor(private readonly declare: (folder: string) => void = () => {}) {}

  entry(name: string): ZipEntry {
    if (!this.folder) {
      // Declared before it exists, so that a process dying right after creating it still has it removed; readable
      // by its owner only, as the parts hold the user's data.
      this.folder = path.join(os.tmpdir(), `${heldPartsPrefix}${crypto.randomUUID()}`);
      this.declare(this.folder);
      fs.mkdirSync(this.folder, { mode: 0o700 });
    }
    const file = path.join(this.folder, `part-${this.parts.length}`);
    const descriptor = fs.openSync(file, 'w', 0o600);
    let open = true;
    const close = () => {
      if (open) fs.closeSync(descriptor);
      open = false;
    };
    const entry = new DeflatedEntry(name);
    const ended = new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        this.failure ??= error;
        close();
        reject(error);
      };
      entry.ondata = (error, chunk, final) => {
        if (error) return fail(error);
        try {
          if (chunk.length > 0) fs.writeSync(descriptor, chunk);
        } catch (written) {
          entry.terminate();
          return fail(written as Error);
        }
        if (final) {
          close();
          resolve();
        }
      };
    });
    // Reported by room() while the sheet is written, or by place().
    ended.catch(() => undefined);
    this.parts.push({ name, file, entry, ended, close });
    return entry;
  }

  /** Waits until zlib has taken in what was written (nothing goes to the output yet). */
  async room(entry?: ZipEntry): Promise<void> {
    if (this.failure) throw this.failure;
    await entry?.room();
  }

  file(name: string, text: string): void {
    const entry = this.entry(name);
    entry.write(text);
    entry.end();
  }

  /**
   * Adds each part to the archive, in the order they were begun, read back from its file as the output takes it.
   * Into a few buffers used again once the output has written them, when it is a file (ZipWriter.relay); else a
   * new buffer each time: new ones were about 15 MB at 100,000 applications, freed only by the garbage collector,
   * at the end of the export, where its memory peaks.
   */
  async place(zip: ZipWriter): Promise<void> {
    const free: Buffer[] = [];
    let buffers = 0;
    let released: (() => void) | undefined;
    const release = (chunk: Buffer) => () => {
      free.push(chunk);
      released?.();
    };
    for (const part of this.parts) {
      await part.ended;
      const relayed = new RelayedEntry(part.name);
      zip.add(relayed);
      const descriptor = fs.openSync(part.file, 'r');
      try {
        for (;;) {
          // The archive holds a part's chunks while the part before it is still being deflated, the output queue
          // then empty: the count of buffers, not room(), bounds what is read ahead.
          while (zip.releasesWrittenChunks && free.length === 0 && buffers === readBuffers) {
            await Promise.race([new Promise<void>((resolve) => (released = resolve)), zip.failed()]);
          }
          let chunk = zip.releasesWrittenChunks ? free.pop() : undefined;
          if (!chunk) {
            chunk = Buffer.allocUnsafeSlow(readBytes);
            buffers += 1;
          }
          const read = fs.readSync(descriptor, chunk, 0, readBytes, null);
          if (read === 0) {
            free.push(chunk);
            break;
          }
          zip.relay(relayed, chunk.subarray(0, read), release(chunk));
          await zip.room();
        }
      } finally {
        fs.closeSync(descriptor);
      }
      relayed.end(part.entry.crc, part.entry.size);
    }
  }

  /** Removes the parts' folder, whatever happened. */
  discard(): void {
    for (const part of this.parts) {
      part.entry.terminate();
      part.close();
    }
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true });
  }
}
