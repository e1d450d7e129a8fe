import type { ApplicationFilters, ExportLanguage } from '../../src-shared/contract';

/**
 * What the Excel export and the thread that prepares some of its sheets (sheet-thread.ts, sheet-worker.ts) tell
 * each other. Kept apart from both so that the jobs' worker entry can recognise a sheet thread without loading the
 * export's code.
 */

/** The sheets a thread can prepare: every one but the applications (whose columns depend on the custom fields). */
export type ThreadSheet = 'interviews' | 'companies' | 'contacts' | 'stageHistory';

export interface SheetThreadStart {
  role: 'excel-sheet';
  databaseFile: string;
  nativeBinding?: string;
  filters: ApplicationFilters;
  language: ExportLanguage;
  timeZone?: string;
  /** The sheets to write, in order, each with its number in the workbook (which names its parts). */
  sheets: { sheet: ThreadSheet; number: number }[];
}

export type SheetThreadMessage =
  /** The thread's connection is open: main may hold writes while both take their snapshot. */
  | { type: 'opened' }
  | { type: 'snapshot-taken' }
  /** Deflated bytes of a sheet's part, in order. */
  | { type: 'data'; number: number; chunk: Uint8Array }
  /** Another part of a sheet (its links), whole. */
  | { type: 'file'; number: number; name: string; text: string }
  /** A sheet's part is complete: its CRC-32 and uncompressed size. */
  | { type: 'done'; number: number; crc: number; size: number }
  | { type: 'failed'; message: string };

/** Main's one message: take the snapshot now (writes are held). */
export type SheetThreadCommand = { type: 'take-snapshot' };

export function isSheetThreadStart(data: unknown): data is SheetThreadStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'excel-sheet';
}
