import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { windowSecurityOptions } from '../../src-main/shell/security';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';
import type { FileGrants } from '../../src-main/transports/file-grants';
import { appPageUrl, serveOverFakeIpc, type FakeIpcMain } from './support/fake-ipc';
import { createdWindows, fakePage } from './support/fake-report-window';

vi.mock('electron', async () => ({
  BrowserWindow: (await import('./support/fake-report-window')).FakeBrowserWindow,
  shell: { openExternal: vi.fn(), openPath: vi.fn() },
  app: {},
  dialog: {},
}));

const { createShellActions } = await import('../../src-main/shell/actions');

const preload = '/app/out/preload/index.cjs';
let app: TempApp;
let ipc: FakeIpcMain;
let grants: FileGrants;
let dispose: (() => void) | undefined;
let folder: string;

/** The shell actions behind the IPC transport, with the report's time limit (30 s in the app). */
function serve(timeoutMs: number): void {
  dispose?.();
  ({ ipc, dispose, grants } = serveOverFakeIpc(app, (grants) => createShellActions(app.context, { entryUrl: appPageUrl, preload, timeoutMs }, grants)));
}

beforeEach(async () => {
  app = await openTempApp({ shell: 'desktop' });
  serve(30_000);
  folder = tempDir('candid-pdf-');
  createdWindows.length = 0;
  fakePage.behaviour = 'ready-later';
});
afterEach(() => {
  dispose?.();
  dispose = undefined;
  app.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/**
 * As the page does it: the path comes from a save dialog, as the handle the dialog gave (the user picked that
 * file; test/shell/file-handles.test.ts goes through the dialog itself). `typed` sends the path as it is.
 */
const print = (input: { path: string; [key: string]: unknown }, typed = false) =>
  ipc.invoke(appPageUrl, 'shell.printReportToPdf', typed ? input : { ...input, path: grants.grant(input.path, 'write').handle });
const target = () => path.join(folder, 'Rapport candidatures.pdf');

describe('shell.printReportToPdf', () => {
  it.each(['ready-later', 'ready-at-once'] as const)(
    'renders the report route in a hidden, hardened window, prints it once the page is ready (%s) and writes the PDF',
    async (behaviour) => {
      fakePage.behaviour = behaviour;
      const result = await print({ path: target(), query: '?status=applied&print=1' });
      expect(result).toEqual({ ok: true, value: { path: target(), bytes: fakePage.pdf.length } });

      expect(createdWindows).toHaveLength(1);
      const [window] = createdWindows;
      expect(window.options.show).toBe(false);
      expect(window.options.webPreferences).toEqual({ ...windowSecurityOptions, preload, backgroundThrottling: false });
      // The query is kept, except `print`, which would make the hidden page ask for a PDF itself.
      expect(window.webContents.loaded).toEqual(['app://candid/index.html#/report?status=applied']);
      expect(window.webContents.printedWith).toEqual([{ pageSize: 'A4', printBackground: true }]);
      expect(window.webContents.signalWhenPrinted).toBe('true');
      expect(window.destroyed).toBe(true);

      expect(fs.readFileSync(target())).toEqual(fakePage.pdf);
      expect(fs.readdirSync(folder)).toEqual([path.basename(target())]);
    },
  );

  it('loads the bare report route when there is no query', async () => {
    fakePage.behaviour = 'ready-at-once';
    expect((await print({ path: target() })).ok).toBe(true);
    expect(createdWindows[0].webContents.loaded).toEqual(['app://candid/index.html#/report']);
  });

  it('gives up with a clear error when the page never says it is ready, closing the window and leaving the old file', async () => {
    fakePage.behaviour = 'never';
    serve(200);
    fs.writeFileSync(target(), 'last month’s report');
    const result = await print({ path: target() });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { reason: 'timeout' } } });
    expect(result.error).toMatchObject({ message: expect.stringMatching(/not ready after .* s: no PDF was written/) });
    expect(createdWindows[0].webContents.printedWith).toEqual([]);
    expect(createdWindows[0].destroyed).toBe(true);
    expect(fs.readFileSync(target(), 'utf8')).toBe('last month’s report');
    expect(fs.readdirSync(folder)).toEqual([path.basename(target())]);
  });

  it.each([
    ['error', 'report_failed'],
    ['crash', 'renderer_gone'],
  ] as const)('stops at once when the page reports %s, writing nothing', async (behaviour, reason) => {
    fakePage.behaviour = behaviour;
    const result = await print({ path: target() });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { reason } } });
    expect(createdWindows[0].destroyed).toBe(true);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses a path the page typed instead of picking it, before opening any window', async () => {
    for (const typed of ['report.pdf', target(), path.join(app.dir, 'report.pdf')]) {
      const result = await print({ path: typed }, true);
      expect(result, typed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(createdWindows).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses a picked file it must not write before opening any window', async () => {
    await app.api.invoke('backups.create', {});
    const refusals: Array<[{ path: string; [key: string]: unknown }, string]> = [
      [{ path: path.join(folder, 'missing', 'report.pdf') }, 'folder_missing'],
      [{ path: path.join(folder, 'report.xlsx') }, 'not_pdf'],
      [{ path: path.join(folder, 'report') }, 'not_pdf'],
      [{ path: path.join(app.dir, 'backups', 'report.pdf') }, 'path_reserved'],
      [{ path: target(), query: 'a=1', extra: true }, 'unrecognized_keys'],
    ];
    for (const [input, code] of refusals) {
      const result = await print(input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [expect.objectContaining({ code })] } });
    }
    expect(createdWindows).toEqual([]);
  });
});
