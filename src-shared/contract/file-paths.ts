import type { Channel } from './channels';
import type { ShellChannel } from './shell';

/**
 * Where a channel's input names a file on disk, and what is done with it. Every `path` key anywhere in a channel's
 * input is such a file (test/transports/file-paths.test.ts checks every channel's schema against this list).
 *
 * A page never chooses a file by its path: in the desktop app the main process's own dialogs hand the renderer an
 * opaque handle for the file the user picked (`shell.showOpenDialog`, `shell.showSaveDialog`), which the page
 * passes where the path goes; over HTTP there are no dialogs, and files travel as content. Both transports turn
 * a handle back into its path, or let through a path of the data folder the access allows, and refuse anything
 * else with FORBIDDEN before the handler runs (src-main/transports/file-paths.ts). Code that calls the handler
 * table directly (tests, scripts) is trusted with real paths.
 *
 * - read: a file picked in an open dialog, or a file of the app's backups folder (restore, undo an import);
 * - write: a file picked in a save dialog, only;
 * - reveal: a file of the data folder, shown in the system's file manager.
 */
export type FileAccess = 'read' | 'write' | 'reveal';

export const filePathAccess: Partial<Record<Channel | ShellChannel, FileAccess>> = {
  'exports.excel': 'write',
  'exports.statisticsWorkbook': 'write',
  'exports.csv': 'write',
  'exports.searchReport': 'write',
  'exports.json': 'write',
  'exports.calendar': 'write',
  'imports.preview': 'read',
  'imports.run': 'read',
  'documents.add': 'read',
  'backups.restore': 'read',
  'shell.printReportToPdf': 'write',
  'shell.showItemInFolder': 'reveal',
};

/** The key that names a file in an input. */
export const filePathKey = 'path';

/** What a dialog hands the page for a file the user picked: a handle to pass as its `path`, and a name to show. */
export interface PickedFile {
  /** `candid-file:` and a random id; only the main process that issued it knows the path behind it. */
  handle: string;
  /** The file's name (not its folder), for the page to show. */
  name: string;
}

export const fileHandlePrefix = 'candid-file:';
