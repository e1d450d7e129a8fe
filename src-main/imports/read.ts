import { importLimits, type FileSource, type ImportSettings } from '../../src-shared/contract';
import { isCandidBackup } from './candid-backup';
import { openTableFile, type BackupFile, type TableFile } from './reader';
import { openSource } from './source';

export interface OpenedImport {
  file: TableFile | BackupFile;
  close(): void;
}

/** The picked file, opened within the size limit with the given settings; the caller closes it. */
export function openImportFile(source: FileSource, settings: ImportSettings = {}): OpenedImport {
  const bytes = openSource(source, importLimits.maxFileBytes);
  try {
    return { file: openTableFile(bytes, settings, isCandidBackup), close: () => bytes.close() };
  } catch (error) {
    bytes.close();
    throw error;
  }
}

/** Runs `fn` on the opened file and closes it whatever happens. */
export async function withImportFile<T>(source: FileSource, settings: ImportSettings | undefined, fn: (file: TableFile | BackupFile) => Promise<T>): Promise<T> {
  const opened = openImportFile(source, settings);
  try {
    return await fn(opened.file);
  } finally {
    opened.close();
  }
}
