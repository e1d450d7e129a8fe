import fs from 'node:fs';
import path from 'node:path';
import { base64Length, type FileSource } from '../../src-shared/contract';
import { importError } from './errors';

export interface LoadedFile {
  bytes: Buffer;
  fileName: string;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function tooLarge(fileName: string, bytes: number, limit: number) {
  return importError('TOO_LARGE', 'file_too_large', `${fileName} is ${megabytes(bytes)}; the limit is ${megabytes(limit)}`, {
    fileName,
    bytes,
    limit,
  });
}

/**
 * Reads the picked file, refusing it before reading it whole when it is above `maxBytes`, and refusing what is not
 * a regular file (a folder, a device such as /dev/zero that would never end).
 */
export function loadFile(source: FileSource, maxBytes: number): LoadedFile {
  if ('content' in source) {
    const { fileName } = source;
    // Base64 is 4/3 of the bytes: refuse on the text's length, before decoding it.
    if (source.content.length > base64Length(maxBytes)) {
      throw tooLarge(fileName, Math.floor((source.content.length * 3) / 4), maxBytes);
    }
    const bytes = Buffer.from(source.content, 'base64');
    if (bytes.length > maxBytes) throw tooLarge(fileName, bytes.length, maxBytes);
    if (bytes.length === 0) throw importError('VALIDATION', 'empty_file', `${fileName} is empty (0 bytes)`, { fileName });
    return { bytes, fileName };
  }
  const fileName = source.fileName ?? path.basename(source.path);
  if (!path.isAbsolute(source.path)) {
    throw importError('VALIDATION', 'relative_path', 'The file path must be absolute', { fileName });
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source.path);
  } catch {
    throw importError('NOT_FOUND', 'file_not_found', `${fileName} was not found`, { fileName });
  }
  if (!stat.isFile()) throw importError('VALIDATION', 'not_a_file', `${fileName} is not a file`, { fileName });
  if (stat.size > maxBytes) throw tooLarge(fileName, stat.size, maxBytes);
  if (stat.size === 0) throw importError('VALIDATION', 'empty_file', `${fileName} is empty (0 bytes)`, { fileName });
  return { bytes: fs.readFileSync(source.path), fileName };
}
