import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { privateFileMode, privateFolderMode } from '../db/private-files';

/**
 * Where document files live: once per content, under <dataDir>/documents/<sha256[0..2]>/<sha256>. The same CV
 * attached to thirty applications is one file; a name or a kind is the row's business, not the file's.
 */
export function documentsDir(dataDir: string): string {
  return path.join(dataDir, 'documents');
}

export function storedPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
  return path.join(documentsDir(dataDir), sha256.slice(0, 2), sha256);
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Stores the bytes under their hash, written under a temporary name then renamed, so that a crash never leaves
 * a half-written file under a hash it does not match. Storing the same content again is free.
 */
export function storeFile(dataDir: string, bytes: Uint8Array): { sha256: string; path: string } {
  const sha256 = sha256Of(bytes);
  const target = storedPath(dataDir, sha256);
  if (fs.existsSync(target) && fs.statSync(target).size === bytes.length) return { sha256, path: target };
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: privateFolderMode });
  const partial = `${target}.${crypto.randomBytes(6).toString('hex')}.partial`;
  fs.writeFileSync(partial, bytes, { mode: privateFileMode, flag: 'wx' });
  fs.renameSync(partial, target);
  return { sha256, path: target };
}

export function isStored(dataDir: string, sha256: string): boolean {
  return fs.existsSync(storedPath(dataDir, sha256));
}

/** The stored bytes, or null when the file is missing or no longer matches its hash (damaged). */
export function readStored(dataDir: string, sha256: string): { bytes: Buffer } | { missing: true } | { damaged: true } {
  const file = storedPath(dataDir, sha256);
  if (!fs.existsSync(file)) return { missing: true };
  const bytes = fs.readFileSync(file);
  return sha256Of(bytes) === sha256 ? { bytes } : { damaged: true };
}

/**
 * Characters that reorder or hide text without being seen: the bidirectional overrides, embeddings and isolates
 * (U+202A–U+202E, U+2066–U+2069), the direction marks (U+200E, U+200F, U+061C) and zero-width characters. With
 * U+202E, "invoice\u202Efdp.exe" shows as "invoiceexe.pdf" in a file manager.
 */
const invisibleFormatting = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Names Windows reserves for devices, alone or before an extension ("CON", "nul.txt", "COM1.pdf"): opening such a
 * file opens the device instead. Digits include the superscripts Windows also treats as such.
 */
const windowsDeviceName = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A file name safe on every system: no folders, no control, reserved or invisible formatting characters, not a
 * Windows device name, not empty, at most 120 characters.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base.replace(invisibleFormatting, '')]
    .map((char) => (char.charCodeAt(0) < 32 || char.charCodeAt(0) === 127 || '<>:"|?*'.includes(char) ? '_' : char))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(-120)
    .replace(/^[.\s]+/, '');
  const stem = cleaned.split('.')[0].trimEnd();
  if (windowsDeviceName.test(stem)) return `_${cleaned}`;
  return cleaned || 'document';
}

/**
 * A copy of a stored file under its real name (<dataDir>/open/<id>/<name>), for the system viewer: it picks the
 * program from the extension, which the hash-named original lacks. The copy is replaced on each open.
 */
export function viewableCopy(dataDir: string, documentId: string, sha256: string, name: string): string {
  const source = storedPath(dataDir, sha256);
  const folder = path.join(dataDir, 'open', documentId.replace(/[^0-9a-f-]/gi, ''));
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  const target = path.join(folder, safeFileName(name));
  fs.copyFileSync(source, target);
  return target;
}
