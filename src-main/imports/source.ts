import fs from 'node:fs';
import path from 'node:path';
import { base64Length, type FileSource } from '../../src-shared/contract';
import { importError } from './errors';

/**
 * The bytes of a picked file, read by position and never held whole (a path), or already in memory (an upload).
 * Every reader goes through this, synchronously: the import writes inside one synchronous transaction, and reads
 * the file again in it rather than keeping every row.
 */
export interface ByteSource {
  readonly fileName: string;
  readonly size: number;
  /**
   * Up to `length` bytes from `position` (fewer only at the end of the file). Given `into` (at least `length` bytes),
   * a file is read into it and the bytes returned are a view of it, valid until it is read into again: a reader that
   * goes through a whole file keeps one buffer, where a new one per megabyte cost a page fault per 4 KB it touched
   * (0.08 s of a thread's first pass over the bench's 25 MB file).
   */
  read(position: number, length: number, into?: Buffer): Buffer;
  close(): void;
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

export function bufferSource(bytes: Buffer, fileName: string): ByteSource {
  return {
    fileName,
    size: bytes.length,
    read: (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
    close: () => {},
  };
}

function fileSource(filePath: string, fileName: string, maxBytes: number): ByteSource {
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw importError('VALIDATION', 'not_a_file', `${fileName} is not a file`, { fileName });
    throw importError('NOT_FOUND', 'file_not_found', `${fileName} was not found`, { fileName });
  }
  try {
    // The descriptor's own stat: what is read is what was checked (a folder, or a device such as /dev/zero that
    // would never end, is refused).
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw importError('VALIDATION', 'not_a_file', `${fileName} is not a file`, { fileName });
    if (stat.size > maxBytes) throw tooLarge(fileName, stat.size, maxBytes);
    if (stat.size === 0) throw importError('VALIDATION', 'empty_file', `${fileName} is empty (0 bytes)`, { fileName });
    const size = stat.size;
    return {
      fileName,
      size,
      read(position, length, into) {
        const wanted = Math.max(0, Math.min(length, size - position));
        const buffer = into && into.length >= wanted ? into.subarray(0, wanted) : Buffer.allocUnsafe(wanted);
        let done = 0;
        while (done < buffer.length) {
          const count = fs.readSync(fd, buffer, done, buffer.length - done, position + done);
          if (count === 0) break;
          done += count;
        }
        return done === buffer.length ? buffer : buffer.subarray(0, done);
      },
      close: () => fs.closeSync(fd),
    };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/**
 * Refuses uploaded content above `maxBytes` on the length of its base64 text, before it is decoded (and before it is
 * copied to the jobs' worker). A path is checked when it is opened.
 */
export function refuseOversizedUpload(source: FileSource, maxBytes: number): void {
  if ('content' in source && source.content.length > base64Length(maxBytes)) {
    throw tooLarge(source.fileName, Math.floor((source.content.length * 3) / 4), maxBytes);
  }
}

/** The name a file on disk is shown and its format guessed by: the one given, else the path's base name. */
export function pathSourceName(source: Extract<FileSource, { path: string }>): string {
  return source.fileName ?? path.basename(source.path);
}

/**
 * Opens the picked file, refusing it before reading it when it is above `maxBytes`. Uploaded content is refused on
 * the length of its base64 text, before it is decoded.
 */
export function openSource(source: FileSource, maxBytes: number): ByteSource {
  if ('content' in source) {
    const { fileName } = source;
    refuseOversizedUpload(source, maxBytes);
    const bytes = Buffer.from(source.content, 'base64');
    if (bytes.length > maxBytes) throw tooLarge(fileName, bytes.length, maxBytes);
    if (bytes.length === 0) throw importError('VALIDATION', 'empty_file', `${fileName} is empty (0 bytes)`, { fileName });
    return bufferSource(bytes, fileName);
  }
  const fileName = pathSourceName(source);
  if (!path.isAbsolute(source.path)) {
    throw importError('VALIDATION', 'relative_path', 'The file path must be absolute', { fileName });
  }
  return fileSource(source.path, fileName, maxBytes);
}

/** Runs `fn` with the source open, and closes it whatever happens. */
export function withSource<T>(source: ByteSource, fn: (source: ByteSource) => T): T {
  try {
    return fn(source);
  } finally {
    source.close();
  }
}

export interface LoadedFile {
  bytes: Buffer;
  fileName: string;
}

/** The whole picked file in memory, within `maxBytes` (documents, which are stored as they are). */
export function loadFile(source: FileSource, maxBytes: number): LoadedFile {
  return withSource(openSource(source, maxBytes), (opened) => ({ bytes: opened.read(0, opened.size), fileName: opened.fileName }));
}
