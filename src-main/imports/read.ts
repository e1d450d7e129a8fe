import { importLimits, type FileSource, type ImportSettings } from '../../src-shared/contract';
import { isCandidBackup } from './candid-backup';
import { parseFile, type ParsedBackup, type ParsedTable } from './parse';
import { loadFile } from './source';

/** The picked file, loaded within the size limit and parsed with the given settings. */
export function readImportFile(source: FileSource, settings: ImportSettings = {}): Promise<ParsedTable | ParsedBackup> {
  return parseFile(loadFile(source, importLimits.maxFileBytes), settings, isCandidBackup);
}
