import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { binaryExportExtensions, exportFileTypes, suggestedExportFileName, type ExportFileKind, type ExportResult } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { AppContext } from '../context';
import { backupsDir } from '../db/backups';

/** What an exporter reports once it has written (and ended) its output. */
export interface Produced {
  rows: number;
}

/** Writes the export into `out` and ends it. */
export type Producer = (out: Writable) => Promise<Produced>;

function pathIssue(code: string, message: string, details: Record<string, unknown>): AppError {
  return new AppError('VALIDATION', `Invalid input: path: ${message}`, {
    issues: [{ path: 'path', code, message }],
    details,
  });
}

/**
 * The file an export may write: an absolute path in an existing, writable folder, that is not a folder itself
 * and not one of Candid's own files (the database, its journal, the backups).
 */
export function checkOutputPath(context: AppContext, given: string): string {
  if (!path.isAbsolute(given)) throw pathIssue('path_not_absolute', 'must be an absolute path', { path: given });
  const target = path.resolve(given);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw pathIssue('folder_missing', `the folder ${folder} does not exist`, { path: target, folder });
  }
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw pathIssue('folder_not_writable', `the folder ${folder} cannot be written`, { path: target, folder });
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw pathIssue('path_is_directory', `${target} is a folder`, { path: target });
  }
  const database = path.resolve(context.databaseFile);
  const reserved = ['', '-wal', '-shm', '-journal'].map((suffix) => database + suffix);
  const inBackups = target.startsWith(path.resolve(backupsDir(context.dataDir)) + path.sep);
  if (reserved.includes(target) || inBackups) {
    throw pathIssue('path_reserved', 'this file belongs to Candid’s own data', { path: target });
  }
  return target;
}

/** Disk errors while writing, in our error vocabulary. */
function translateWriteError(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return new AppError('DISK_FULL', `The disk is full: ${target} was not written.`, { details: { path: target } });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return pathIssue('folder_not_writable', `${target} cannot be written`, { path: target, folder: path.dirname(target) });
  }
  return error;
}

/**
 * Writes under a temporary name in the target folder, flushes it to disk, then renames it over the target: the
 * target is either the complete new file or untouched, never half-written; on failure the temporary file goes.
 */
export async function writeFileAtomically(target: string, produce: Producer): Promise<{ bytes: number; rows: number }> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.partial`);
  const stream = fs.createWriteStream(temporary, { flags: 'wx' });
  try {
    const [{ rows }] = await Promise.all([produce(stream), finished(stream)]);
    const descriptor = fs.openSync(temporary, 'r+');
    try {
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, target);
    return { bytes: fs.statSync(target).size, rows };
  } catch (error) {
    await discard(stream, temporary);
    throw translateWriteError(error, target);
  }
}

/** Closes the stream first: the file is opened asynchronously and could otherwise appear after its removal. */
async function discard(stream: fs.WriteStream, file: string): Promise<void> {
  if (!stream.closed) {
    const closed = once(stream, 'close').catch(() => undefined);
    stream.destroy();
    await closed;
  }
  fs.rmSync(file, { force: true });
}

/**
 * The most an answer may carry. The content travels inside a JSON answer (base64 for workbooks), and JavaScript
 * strings stop at about 512 MB: beyond this, the export must go to a file (the desktop app) or be filtered.
 */
export const maxContentBytes = 128 * 1024 * 1024;

/** Collects everything written into memory (the browser shell downloads it from the answer). */
async function collect(produce: Producer): Promise<{ content: Buffer; rows: number }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  let size = 0;
  sink.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxContentBytes) {
      sink.destroy(
        new AppError('TOO_LARGE', `The export is larger than ${maxContentBytes / 1024 / 1024} MB: save it to a file, or filter the view.`, {
          details: { maxBytes: maxContentBytes },
        }),
      );
      return;
    }
    chunks.push(chunk);
  });
  const [{ rows }] = await Promise.all([produce(sink), finished(sink)]);
  return { content: Buffer.concat(chunks), rows };
}

/** Runs an exporter to the path of the input when there is one, else returns the content. */
export async function deliverExport(
  context: AppContext,
  format: ExportFileKind,
  target: string | undefined,
  produce: Producer,
  now = new Date(),
): Promise<ExportResult> {
  if (target !== undefined) {
    const file = checkOutputPath(context, target);
    const { bytes, rows } = await writeFileAtomically(file, produce);
    return { kind: 'file', path: file, bytes, rows };
  }
  const { content, rows } = await collect(produce);
  const type = exportFileTypes[format];
  const binary = binaryExportExtensions.includes(type.extension);
  return {
    kind: 'content',
    fileName: suggestedExportFileName(format, now.toISOString().slice(0, 10)),
    mimeType: type.mimeType,
    encoding: binary ? 'base64' : 'utf8',
    content: content.toString(binary ? 'base64' : 'utf8'),
    bytes: content.length,
    rows,
  };
}
