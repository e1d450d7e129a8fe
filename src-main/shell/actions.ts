/**
 * The desktop-only `shell.*` channels: system browser, data folder, native file dialogs, attached documents and
 * the PDF report.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, shell, type IpcMainInvokeEvent, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { AppError } from '../../src-shared/errors';
import type { AppContext } from '../context';
import { documentPathForViewer } from '../documents/viewer';
import type { FileGrants } from '../transports/file-grants';
import type { ShellHandlers } from '../transports/ipc';
import { existingPathInsideDataFolder } from './data-folder';
import { openExternalSafely } from './external';
import { printReportToPdf, type ReportWindowOptions } from './report-pdf';

/** Hands a file or folder to the program the system opens it with; shell.openPath reports failure as a message. */
async function openWithSystem(target: string, what: string): Promise<void> {
  const failure = await shell.openPath(target);
  if (failure) throw new AppError('INTERNAL', `${what} could not be opened: ${failure}`, { details: { reason: 'open_failed', path: target } });
}

/**
 * `grants` is shared with the IPC transport: a dialog's answer is a handle for the picked file, which the page passes
 * where a path goes and the transport turns back into the file (src-shared/contract/file-paths.ts).
 */
export function createShellActions(context: AppContext, report: ReportWindowOptions, grants: FileGrants): ShellHandlers<IpcMainInvokeEvent> {
  return {
    'shell.openExternal': async ({ url }) => ({ opened: await openExternalSafely(url) }),

    'shell.openDataFolder': async () => {
      await openWithSystem(context.dataDir, 'The data folder');
      return { path: context.dataDir };
    },

    'shell.showSaveDialog': async (input, event) => {
      const options: SaveDialogOptions = {
        title: input.title,
        filters: input.filters,
        defaultPath: input.defaultName ? path.join(app.getPath('documents'), input.defaultName) : undefined,
      };
      const window = BrowserWindow.fromWebContents(event.sender);
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return { file: result.canceled || !result.filePath ? null : grants.grant(result.filePath, 'write') };
    },

    'shell.showOpenDialog': async (input, event) => {
      const options: OpenDialogOptions = {
        title: input.title,
        filters: input.filters,
        properties: input.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const window = BrowserWindow.fromWebContents(event.sender);
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return { files: result.canceled ? [] : result.filePaths.map((file) => grants.grant(file, 'read')) };
    },

    // NOT_FOUND (unknown or deleted document, or its file is not on this device) comes from documentPathForViewer.
    'shell.openDocument': async ({ id }) => {
      const copy = await documentPathForViewer(context, id);
      await openWithSystem(copy, 'The document');
      return { path: copy };
    },

    'shell.showItemInFolder': ({ path: given }) => {
      const item = existingPathInsideDataFolder(context.dataDir, given);
      shell.showItemInFolder(item);
      return { path: item };
    },

    'shell.printReportToPdf': (input) => printReportToPdf(context, input, report),
  };
}
