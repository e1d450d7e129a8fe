import { afterEach, expect, it } from 'vitest';
import { idleWorkerThreadId, retireIdleWorker } from '../../src-main/jobs/runner';
import { saveOrDownload } from '../../src-renderer/src/features/files/exportRun';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * An export in the desktop app asks where to save, then runs its job in the jobs' worker: the worker starts as the
 * save dialog opens, so that its start (0.3 to 0.6 s at the bench's export) is over by the time the user has chosen.
 * The renderer's calls go to the real handler table through a bridge like the preload's; only the shell's dialog (an
 * Electron one) is replaced, and it notes whether a worker was there while it was open.
 */
let app: TempApp | undefined;
const globals = globalThis as { window?: unknown };
afterEach(() => {
  delete globals.window;
  retireIdleWorker();
  app?.close();
  app = undefined;
});

function desktopBridge(opened: TempApp, onDialog: () => void) {
  return {
    invoke: async (channel: string, input: unknown) => {
      if (channel !== 'shell.showSaveDialog') return opened.api.call(channel, input);
      onDialog();
      // The user cancels: nothing is written.
      return { ok: true, value: { file: null } };
    },
    on: () => () => undefined,
  };
}

it('starts the jobs worker while the user picks where to save an export', async () => {
  app = await openTempApp();
  retireIdleWorker();
  expect(idleWorkerThreadId()).toBeNull();
  let workerDuringDialog: number | null = null;
  globals.window = { candid: desktopBridge(app, () => (workerDuringDialog = idleWorkerThreadId())) };

  const result = await saveOrDownload('exports.excel', 'excel', { filters: {}, language: 'en' }, { title: 'Export', filterName: 'Excel' });

  expect(result).toBeNull();
  expect(workerDuringDialog).not.toBeNull();
});
