/** The desktop-only `shell.*` channels: system browser, data folder, native file dialogs. */
import path from 'node:path';
import { app, BrowserWindow, dialog, shell, type IpcMainInvokeEvent, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { AppError } from '../../src-shared/errors';
import type { ShellHandlers } from '../transports/ipc';
import { openExternalSafely } from './external';

export function createShellActions(dataDir: string): ShellHandlers<IpcMainInvokeEvent> {
  return {
    'shell.openExternal': async ({ url }) => ({ opened: await openExternalSafely(url) }),

    'shell.openDataFolder': async () => {
      const failure = await shell.openPath(dataDir);
      if (failure) throw new AppError('INTERNAL', `The data folder could not be opened: ${failure}`);
      return { path: dataDir };
    },

    'shell.showSaveDialog': async (input, event) => {
      const options: SaveDialogOptions = {
        title: input.title,
        filters: input.filters,
        defaultPath: input.defaultName ? path.join(app.getPath('documents'), input.defaultName) : undefined,
      };
      const window = BrowserWindow.fromWebContents(event.sender);
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return { path: result.canceled || !result.filePath ? null : result.filePath };
    },

    'shell.showOpenDialog': async (input, event) => {
      const options: OpenDialogOptions = {
        title: input.title,
        filters: input.filters,
        properties: input.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const window = BrowserWindow.fromWebContents(event.sender);
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return { paths: result.canceled ? [] : result.filePaths };
    },
  };
}
