import { parentPort } from 'node:worker_threads';
import { cellContext, type CellContext } from './cells';
import { ExportReader } from './reader';
import type { SheetThreadCommand, SheetThreadMessage, SheetThreadStart, ThreadSheet } from './sheet-protocol';
import { relatedTables } from './tables';
import { SheetXmlWriter, sheetPartName, writeTableSheet, type SheetZip } from './workbook';
import { DeflatedEntry, type ZipEntry } from './xlsx/zip';

const send = (message: SheetThreadMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

/** A small part gathered as text (its bytes decoded at once: the writer reuses its buffers), handed over at its end. */
function textFile(ended: (text: string) => void): ZipEntry {
  const pieces: string[] = [];
  return {
    write: (data, deflated) => {
      pieces.push(typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
      deflated?.();
    },
    room: () => Promise.resolve(),
    end: () => ended(pieces.join('')),
  };
}

/** Writes one sheet into a deflated part of its own, sending its bytes to main as zlib gives them. */
async function writeSheet(reader: ExportReader, start: SheetThreadStart, sheet: ThreadSheet, number: number, cells: CellContext): Promise<void> {
  let part: DeflatedEntry | undefined;
  let partEnded!: () => void;
  let partFailed!: (error: Error) => void;
  const ended = new Promise<void>((resolve, reject) => {
    partEnded = resolve;
    partFailed = reject;
  });
  const zip: SheetZip = {
    entry: (name) => {
      // The sheet's relationships (its links' targets) go to main as text, which adds them as a file of its own.
      if (name !== sheetPartName(number)) return textFile((text) => send({ type: 'file', number, name, text }));
      part = new DeflatedEntry(name);
      part.ondata = (error, chunk, final) => {
        if (error) return partFailed(error);
        if (chunk.length > 0) {
          // A copy: zlib's chunks may share one buffer, which a transfer would take from under it.
          const copy = new Uint8Array(chunk);
          send({ type: 'data', number, chunk: copy }, [copy.buffer]);
        }
        if (final) partEnded();
      };
      return part;
    },
    room: (entry) => (entry ?? part!).room(),
    file: (name, text) => send({ type: 'file', number, name, text }),
  };
  await writeTableSheet(reader, { addSheet: (_name, columns) => new SheetXmlWriter(zip, number, columns) }, relatedTables[sheet](start.filters), cells);
  await ended;
  send({ type: 'done', number, crc: part!.crc, size: part!.size });
}

/**
 * The thread side of sheet-thread.ts: writes its sheets and deflates them here, on the second core, from a
 * connection of its own whose snapshot main fixes together with its own, and sends the deflated bytes back.
 */
export async function runSheetThread(start: SheetThreadStart): Promise<void> {
  let reader: ExportReader | undefined;
  try {
    reader = new ExportReader({ path: start.databaseFile, options: { nativeBinding: start.nativeBinding } });
    const snapshotTaken = new Promise<void>((resolve) =>
      parentPort!.once('message', (command: SheetThreadCommand) => {
        if (command.type === 'take-snapshot') {
          reader!.takeSnapshot();
          send({ type: 'snapshot-taken' });
        }
        resolve();
      }),
    );
    send({ type: 'opened' });
    await snapshotTaken;
    const cells = cellContext(start.language, start.timeZone);
    for (const { sheet, number } of start.sheets) await writeSheet(reader, start, sheet, number, cells);
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    reader?.close();
  }
}
