import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { safeFileName } from '../../src-main/documents/files';
import { upload } from '../imports/support/files';
import { openTempApp, type TempApp } from '../support/temp-app';
import { appPageUrl, serveOverFakeIpc, type FakeIpcMain } from './support/fake-ipc';

/**
 * The copy of a document handed to the system viewer is named after the document (issue 18, finding 9): a name
 * such as "CON.pdf" made Windows open the console device instead, and "invoice\u202Efdp.exe" showed in a file
 * manager as "invoiceexe.pdf" while the system ran it as an .exe.
 */

const electron = vi.hoisted(() => ({ openPath: vi.fn(async (_path: string) => '') }));
vi.mock('electron', () => ({
  shell: { openPath: electron.openPath, showItemInFolder: vi.fn(), openExternal: vi.fn() },
  app: { getPath: () => '/home/user/Documents' },
  dialog: {},
  BrowserWindow: { fromWebContents: () => null },
}));

const { createShellActions } = await import('../../src-main/shell/actions');

const bidiControls = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const deviceStem = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

describe('safeFileName', () => {
  it.each([
    ['CON', '_CON'],
    ['con.pdf', '_con.pdf'],
    ['NUL.txt', '_NUL.txt'],
    ['Com1.docx', '_Com1.docx'],
    ['LPT9', '_LPT9'],
    ['COM¹.pdf', '_COM¹.pdf'],
    ['aux .tar.gz', '_aux .tar.gz'],
    ['CONTRACT.pdf', 'CONTRACT.pdf'],
    ['console.pdf', 'console.pdf'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['\u202eCV\u2066 Camille\u2069.pdf', 'CV Camille.pdf'],
    ['CV\u200b.pdf', 'CV.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['  .hidden.pdf. ', 'hidden.pdf'],
    ['\u202e', 'document'],
  ])('%j becomes %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('never returns a device name, a bidi control, a separator or an empty name', () => {
    const pieces = fc.constantFrom('CON', 'nul', 'COM1', 'lpt3', 'aux', '.', ' ', '/', '\\', '\u202e', '\u2066', '\u200f', 'pdf', 'exe', 'a', 'é', ':', '\u0000');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''))), (name) => {
        const safe = safeFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe).not.toMatch(bidiControls);
        expect(safe).not.toMatch(/[\\/<>:"|?*]/);
        expect(deviceStem.test(safe.split('.')[0].trimEnd())).toBe(false);
      }),
      { numRuns: 3000, seed: 918 },
    );
  });
});

describe('shell.openDocument', () => {
  let app: TempApp;
  let ipc: FakeIpcMain;
  let dispose: () => void;
  beforeEach(async () => {
    app = await openTempApp({ shell: 'desktop' });
    ({ ipc, dispose } = serveOverFakeIpc(app, (grants) => createShellActions(app.context, { entryUrl: appPageUrl, preload: '/app/preload.cjs' }, grants)));
    electron.openPath.mockClear();
  });
  afterEach(() => {
    dispose();
    app.close();
  });

  it.each([
    ['CON.pdf', '_CON.pdf'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
  ])('hands the viewer a copy of %j named %j', async (name, expected) => {
    const { document } = await app.api.invoke('documents.add', { source: upload('%PDF-1.7\n', 'scan.pdf'), name, kind: 'other' });
    const result = await ipc.invoke(appPageUrl, 'shell.openDocument', { id: document.id });
    expect(result.ok).toBe(true);
    const opened = (result.value as { path: string }).path;
    expect(path.basename(opened)).toBe(expected);
    expect(electron.openPath).toHaveBeenCalledWith(opened);
  });
});
