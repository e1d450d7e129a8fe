import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverExport, maxContentBytes, writeFileAtomically } from '../../src-main/exports/output';
import { AppError } from '../../src-shared/errors';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';

let app: TempApp;
let folder: string;
beforeAll(async () => {
  app = await openTempApp();
  await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
  folder = tempDir('candid-exports-');
});
afterAll(() => {
  app?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.partial'));

describe('where exports may write', () => {
  it('names the problem with a bad path, for every export', async () => {
    const channels = ['exports.excel', 'exports.csv', 'exports.json', 'exports.calendar'] as const;
    for (const channel of channels) {
      const relative = await failure(app.api.invoke(channel, { path: 'export.xlsx' }));
      expect(relative).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', code: 'path_not_absolute' }] });
      const missing = await failure(app.api.invoke(channel, { path: path.join(folder, 'no', 'such', 'folder', 'x.out') }));
      expect(missing).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'path', code: 'folder_missing' }] });
      expect(missing.message).toContain(path.join(folder, 'no', 'such', 'folder'));
    }
    const directory = await failure(app.api.invoke('exports.csv', { path: folder }));
    expect(directory.issues?.[0].code).toBe('path_is_directory');
  });

  it('never overwrites Candid’s own database or backups', async () => {
    for (const target of [app.context.databaseFile, `${app.context.databaseFile}-wal`, path.join(app.dir, 'backups', 'x.sqlite')]) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const error = await failure(app.api.invoke('exports.json', { path: target }));
      expect(error.issues?.[0].code).toBe('path_reserved');
    }
    expect(app.context.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves no partial file when writing fails midway, and keeps an existing file whole', async () => {
    const target = path.join(folder, 'existing.csv');
    fs.writeFileSync(target, 'the previous export');
    await expect(
      writeFileAtomically(target, async (out) => {
        out.write('half of a new file');
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('the disk went away');
      }),
    ).rejects.toThrow('the disk went away');
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export');
    expect(leftovers(folder)).toEqual([]);

    const fresh = path.join(folder, 'fresh.csv');
    await expect(
      writeFileAtomically(fresh, async () => {
        throw new Error('nothing written');
      }),
    ).rejects.toThrow();
    expect(fs.existsSync(fresh)).toBe(false);
    expect(leftovers(folder)).toEqual([]);
  });

  it('refuses to hand back content too large for an answer, with a clear error', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const error = await failure(
      deliverExport(app.context, 'csv', undefined, async (out) => {
        for (let written = 0; written <= maxContentBytes && !out.destroyed; written += chunk.length) out.write(chunk);
        out.end();
        return { rows: 1 };
      }),
    );
    expect(error.code).toBe('TOO_LARGE');
  });

  it('replaces a file only once the new one is complete', async () => {
    const target = path.join(folder, 'replaced.csv');
    fs.writeFileSync(target, 'old');
    const result = await app.api.invoke('exports.csv', { path: target });
    expect(result).toMatchObject({ kind: 'file', path: target, rows: 1 });
    expect(fs.readFileSync(target, 'utf8')).toContain('Developer');
    expect(result.kind === 'file' && result.bytes).toBe(fs.statSync(target).size);
    expect(leftovers(folder)).toEqual([]);
  });
});
