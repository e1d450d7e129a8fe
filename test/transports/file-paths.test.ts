import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelInputs } from '../../src-shared/contract/channels';
import { filePathAccess } from '../../src-shared/contract/file-paths';
import { shellChannelInputs } from '../../src-shared/contract/shell';
import { AppError } from '../../src-shared/errors';
import { FileGrants } from '../../src-main/transports/file-grants';
import { guardFilePaths, type FilePathPolicy } from '../../src-main/transports/file-paths';
import { tempDir } from '../support/temp-app';

/**
 * Which files a page may name (issue 18, finding 5): the transports' check, on its own. The IPC transport used to
 * hand any path from the page to the handlers, so a compromised page could make an export overwrite any file of
 * the user's and a preview read any file. test/shell/file-handles.test.ts drives the same rules through the IPC
 * transport and the shell's dialogs.
 */

let dataDir: string;
let elsewhere: string;
let grants: FileGrants;
let ipc: FilePathPolicy;
let http: FilePathPolicy;
beforeEach(() => {
  dataDir = tempDir('candid-paths-');
  elsewhere = tempDir('candid-home-');
  fs.mkdirSync(path.join(dataDir, 'backups'));
  fs.writeFileSync(path.join(dataDir, 'backups', 'candid-20250101T000000000Z-manual.sqlite'), 'backup');
  fs.writeFileSync(path.join(elsewhere, 'cv.pdf'), 'cv');
  grants = new FileGrants();
  ipc = { dataDir, grants };
  http = { dataDir };
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(elsewhere, { recursive: true, force: true });
});

const backup = () => path.join(dataDir, 'backups', 'candid-20250101T000000000Z-manual.sqlite');

/** The input after the check, or the FORBIDDEN error. */
function check(channel: string, input: unknown, policy: FilePathPolicy): unknown {
  try {
    guardFilePaths(channel, input, policy);
    return input;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'file_not_granted' } });
    return 'FORBIDDEN';
  }
}

describe('a path the page typed', () => {
  it.each([
    ['exports.csv', { path: '/home/user/.bashrc' }],
    ['exports.json', { path: '/tmp/backup.json' }],
    ['shell.printReportToPdf', { path: '/home/user/report.pdf' }],
    ['imports.preview', { source: { path: '/home/user/.ssh/id_ed25519' } }],
    ['imports.run', { source: { path: '/etc/passwd', fileName: 'passwd.csv' } }],
    ['documents.add', { source: { path: '/home/user/secret.pdf' }, kind: 'cv' }],
    ['backups.restore', { path: '/home/user/other.sqlite' }],
  ])('%s %j is refused, over IPC and over HTTP', (channel, input) => {
    expect(check(channel, structuredClone(input), ipc)).toBe('FORBIDDEN');
    expect(check(channel, structuredClone(input), http)).toBe('FORBIDDEN');
  });

  it('is refused in the data folder too when it is written, or read outside backups/', () => {
    for (const file of [path.join(dataDir, 'candid.sqlite'), path.join(dataDir, 'notes.csv'), backup()]) {
      expect(check('exports.csv', { path: file }, ipc), file).toBe('FORBIDDEN');
    }
    expect(check('backups.restore', { path: path.join(dataDir, 'candid.sqlite') }, ipc)).toBe('FORBIDDEN');
    expect(check('imports.preview', { source: { path: path.join(dataDir, 'documents', 'ab', 'x') } }, ipc)).toBe('FORBIDDEN');
    expect(check('backups.restore', { path: path.join(dataDir, 'backups', '..', 'candid.sqlite') }, ipc)).toBe('FORBIDDEN');
    expect(check('backups.restore', { path: 'backups/candid-20250101T000000000Z-manual.sqlite' }, ipc)).toBe('FORBIDDEN');
  });

  it('is allowed when it is one of the app’s backups, to read (restore, undo an import)', () => {
    expect(check('backups.restore', { path: backup() }, ipc)).toEqual({ path: backup() });
    expect(check('backups.restore', { path: backup() }, http)).toEqual({ path: backup() });
    // Missing: the handler says so.
    const missing = path.join(dataDir, 'backups', 'gone.sqlite');
    expect(check('backups.restore', { path: missing }, http)).toEqual({ path: missing });
  });

  it.skipIf(process.platform === 'win32')('is refused when it is a link in backups/, or backups/ is a link', () => {
    const link = path.join(dataDir, 'backups', 'candid-20250102T000000000Z-manual.sqlite');
    fs.symlinkSync(path.join(elsewhere, 'cv.pdf'), link);
    expect(check('backups.restore', { path: link }, ipc)).toBe('FORBIDDEN');
    fs.rmSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(dataDir, 'backups'));
    expect(check('backups.restore', { path: path.join(dataDir, 'backups', 'cv.pdf') }, ipc)).toBe('FORBIDDEN');
  });

  it('is refused for a channel that takes no file, wherever the key is', () => {
    expect(check('tags.create', { name: 'x', path: backup() }, ipc)).toBe('FORBIDDEN');
    expect(check('applications.update', { id: 'x', patch: { notes: { path: '/etc/passwd' } } }, ipc)).toBe('FORBIDDEN');
    expect(check('applications.list', [{ path: backup() }], http)).toBe('FORBIDDEN');
  });

  it('is left to shell.showItemInFolder, which shows only files of the data folder (test/shell/documents-and-folders.test.ts)', () => {
    expect(check('shell.showItemInFolder', { path: backup() }, ipc)).toEqual({ path: backup() });
  });
});

describe('a handle from a dialog', () => {
  it('stands for the file the user picked, for what its dialog was for only', () => {
    const saved = grants.grant(path.join(elsewhere, 'export.csv'), 'write');
    const opened = grants.grant(path.join(elsewhere, 'cv.pdf'), 'read');
    expect(saved.name).toBe('export.csv');
    expect(saved.handle).not.toContain(elsewhere);

    expect(check('exports.csv', { path: saved.handle }, ipc)).toEqual({ path: path.join(elsewhere, 'export.csv') });
    expect(check('documents.add', { source: { path: opened.handle }, kind: 'cv' }, ipc)).toEqual({ source: { path: path.join(elsewhere, 'cv.pdf') }, kind: 'cv' });
    // A file picked to read cannot be written, nor the other way round.
    expect(check('exports.csv', { path: opened.handle }, ipc)).toBe('FORBIDDEN');
    expect(check('imports.preview', { source: { path: saved.handle } }, ipc)).toBe('FORBIDDEN');
    expect(check('shell.showItemInFolder', { path: opened.handle }, ipc)).toBe('FORBIDDEN');
  });

  it('means nothing over HTTP, nor when it was never issued or was forgotten', () => {
    const opened = grants.grant(path.join(elsewhere, 'cv.pdf'), 'read');
    expect(check('imports.preview', { source: { path: opened.handle } }, http)).toBe('FORBIDDEN');
    expect(check('imports.preview', { source: { path: `${opened.handle}x` } }, ipc)).toBe('FORBIDDEN');
    expect(check('imports.preview', { source: { path: 'candid-file:' } }, ipc)).toBe('FORBIDDEN');
    for (let index = 0; index < FileGrants.max; index++) grants.grant(path.join(elsewhere, `${index}.csv`), 'read');
    expect(check('imports.preview', { source: { path: opened.handle } }, ipc)).toBe('FORBIDDEN');
  });
});

describe('the walk over an input', () => {
  it('survives cycles and deep nesting (IPC carries both), and leaves other values to the schema', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(check('tags.create', cyclic, ipc)).toBe(cyclic);
    let deep: Record<string, unknown> = { path: '/etc/passwd' };
    for (let index = 0; index < 100_000; index++) deep = { next: deep };
    expect(check('tags.create', deep, ipc)).toBe('FORBIDDEN');
    expect(check('exports.csv', { path: 42 }, ipc)).toEqual({ path: 42 });
    expect(check('exports.csv', new Map([['path', '/etc/passwd']]), ipc)).toBeInstanceOf(Map);
  });
});

describe('every channel that takes a file is in the list', () => {
  /** Every property name of a channel's input schema, as dotted paths. */
  function propertiesOf(schema: z.ZodType): string[] {
    const found: string[] = [];
    const walk = (node: unknown, at: string[]) => {
      if (Array.isArray(node)) return node.forEach((child) => walk(child, at));
      if (!node || typeof node !== 'object') return;
      const object = node as Record<string, unknown>;
      for (const [key, child] of Object.entries((object.properties as Record<string, unknown>) ?? {})) {
        found.push([...at, key].join('.'));
        walk(child, [...at, key]);
      }
      for (const key of ['anyOf', 'oneOf', 'allOf', 'items', 'prefixItems', 'additionalProperties']) walk(object[key], at);
    };
    walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), []);
    return found;
  }

  const all = { ...channelInputs, ...shellChannelInputs } as Record<string, z.ZodType>;

  it('names a file only with the key `path`, and every channel with one is listed with its access', () => {
    const withPath: string[] = [];
    for (const [channel, schema] of Object.entries(all)) {
      const properties = propertiesOf(schema);
      if (properties.some((property) => property.split('.').at(-1) === 'path')) withPath.push(channel);
      // Another key that would name a place on disk would get past the check: there must be none.
      const suspicious = properties.filter((property) => /(path|dir|directory|folder|file)$/i.test(property.split('.').at(-1)!) && property.split('.').at(-1) !== 'path');
      expect(suspicious, channel).toEqual([]);
    }
    expect(withPath.sort()).toEqual(Object.keys(filePathAccess).sort());
  });
});
