import type { SheetZip } from './workbook';
import { DeflatedEntry, RelayedEntry, type ZipEntry, type ZipWriter } from './xlsx/zip';

/**
 * The parts of a sheet written before its turn in the archive (the stage history, written in the same walk as the
 * applications: history-walk.ts). Each part is deflated as it is written, on zlib's thread pool as any other, and
 * its deflated bytes wait in memory until `place` adds it to the archive at the sheet's turn: a zip holds its files
 * one after the other.
 */
export class HeldSheetParts implements SheetZip {
  private readonly parts: { relayed: RelayedEntry; ended: Promise<void> }[] = [];
  private failure: Error | undefined;

  entry(name: string): ZipEntry {
    const entry = new DeflatedEntry(name);
    const relayed = new RelayedEntry(name);
    const ended = new Promise<void>((resolve, reject) => {
      entry.ondata = (error, chunk, final) => {
        if (error) {
          this.failure ??= error;
          reject(error);
          return;
        }
        // zlib gives each chunk a region of its output buffer that it never writes again: held as it comes.
        if (chunk.length > 0) relayed.data(chunk);
        if (final) {
          relayed.end(entry.crc, entry.size);
          resolve();
        }
      };
    });
    // Reported by room() while the sheet is written, or by place().
    ended.catch(() => undefined);
    this.parts.push({ relayed, ended });
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

  /** Adds the parts to the archive, in the order they were begun, and waits until each is deflated whole. */
  async place(zip: ZipWriter): Promise<void> {
    for (const part of this.parts) zip.add(part.relayed);
    await Promise.all(this.parts.map((part) => part.ended));
  }
}
