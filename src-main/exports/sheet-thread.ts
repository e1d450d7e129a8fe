import type { Worker } from 'node:worker_threads';
import type { Database } from '../db/connection';
import { launchWorker } from '../jobs/launch';
import type { ExportReader } from './reader';
import { holdingWrites } from './reader';
import type { SheetThreadCommand, SheetThreadMessage, SheetThreadStart } from './sheet-protocol';
import { sheetPartName } from './workbook';
import { RelayedEntry, type ZipWriter } from './xlsx/zip';

/** A sheet the thread prepares: its deflated part as it comes, its other parts, and whether it is complete. */
interface PreparedSheet {
  part: RelayedEntry;
  files: { name: string; text: string }[];
  done: Promise<void>;
  complete(): void;
}

function preparedSheet(number: number): PreparedSheet {
  let complete!: () => void;
  const done = new Promise<void>((resolve) => (complete = resolve));
  return { part: new RelayedEntry(sheetPartName(number)), files: [], done, complete };
}

/**
 * Sheets of the Excel export prepared and deflated in a thread of its own, on the second core, while the export
 * writes the applications sheet (about half the work at 100,000 applications): sheet-worker.ts runs there.
 * - One state: the thread reads through a connection of its own, whose snapshot is taken together with the
 *   export's (`takeSnapshots`) while no write can commit, so both read the same committed state however long they
 *   run and whatever the app writes meanwhile.
 * - Its deflated parts come back in chunks and wait in memory until the archive reaches each sheet (`place`):
 *   at 100,000 applications about 12 MB (their XML is about 145 MB).
 * - A failure there fails the export; the thread ends with the export, whatever happens (`stop`).
 */
export class SheetThread {
  private readonly worker: Worker;
  private readonly sheets = new Map<number, PreparedSheet>();
  private readonly waiting = new Map<SheetThreadMessage['type'], () => void>();
  private readonly arrived = new Set<SheetThreadMessage['type']>();
  private failure: Error | undefined;
  private readonly failed: Promise<never>;

  constructor(start: Omit<SheetThreadStart, 'role'>) {
    for (const { number } of start.sheets) this.sheets.set(number, preparedSheet(number));
    this.worker = launchWorker({ role: 'excel-sheet', ...start } satisfies SheetThreadStart);
    this.failed = new Promise<never>((_, reject) => {
      const fail = (error: Error) => {
        this.failure ??= error;
        for (const wake of this.waiting.values()) wake();
        reject(this.failure);
      };
      this.worker.on('message', (message: SheetThreadMessage) => {
        switch (message.type) {
          case 'data':
            this.sheet(message.number).part.data(message.chunk);
            return;
          case 'file':
            this.sheet(message.number).files.push({ name: message.name, text: message.text });
            return;
          case 'done': {
            const sheet = this.sheet(message.number);
            sheet.part.end(message.crc, message.size);
            sheet.complete();
            return;
          }
          case 'failed':
            fail(new Error(`A sheet of the workbook could not be written: ${message.message}`));
            return;
          default:
            this.arrived.add(message.type);
            this.waiting.get(message.type)?.();
        }
      });
      this.worker.on('error', fail);
      this.worker.on('exit', (code) => fail(new Error(`The thread writing sheets of the workbook stopped (exit code ${code}).`)));
    });
    // Reported where the export waits for the thread (takeSnapshots, place).
    this.failed.catch(() => undefined);
  }

  private sheet(number: number): PreparedSheet {
    const sheet = this.sheets.get(number);
    if (!sheet) throw new Error(`Sheet ${number} is not one the thread prepares.`);
    return sheet;
  }

  private next(type: 'opened' | 'snapshot-taken'): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      if (this.arrived.has(type)) return resolve();
      this.waiting.set(type, () => {
        this.waiting.delete(type);
        if (this.failure) reject(this.failure);
        else resolve();
      });
    });
  }

  /** Once the thread's connection is open, fixes its snapshot and `reader`'s at one committed state. */
  async takeSnapshots(db: Database, reader: ExportReader): Promise<void> {
    await this.next('opened');
    await holdingWrites(db, async () => {
      reader.takeSnapshot();
      const taken = this.next('snapshot-taken');
      this.worker.postMessage({ type: 'take-snapshot' } satisfies SheetThreadCommand);
      await taken;
    });
  }

  /** Puts a sheet's part (and its links' part) into the archive at its turn, once the thread has written it all. */
  async place(number: number, zip: ZipWriter): Promise<void> {
    const sheet = this.sheet(number);
    zip.add(sheet.part);
    await Promise.race([sheet.done, this.failed]);
    for (const file of sheet.files) zip.file(file.name, file.text);
  }

  /** Ends the thread (done, or the export failed). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
