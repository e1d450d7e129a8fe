/**
 * The application menu. File menu items that need the interface (new application, import, exports, backup,
 * restore) are sent to the renderer as `menu` events; "Open data folder" and "Quit" are done here.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../src-shared/bridge';
import type { Messages } from './messages';

export interface MenuHandlers {
  send(action: MenuAction): void;
  openDataFolder(): void;
}

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools only outside a packaged app. */
  devTools: boolean;
}

export function buildMenuTemplate(messages: Messages, handlers: MenuHandlers, options: MenuOptions): MenuItemConstructorOptions[] {
  const m = messages.menu;
  const action = (label: string, name: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => handlers.send(name),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const file: MenuItemConstructorOptions = {
    label: m.file,
    submenu: [
      action(m.newApplication, 'new-application', 'CmdOrCtrl+N'),
      separator,
      action(m.import, 'import', 'CmdOrCtrl+I'),
      {
        label: m.export,
        submenu: [
          action(m.exportExcel, 'export-excel', 'CmdOrCtrl+E'),
          action(m.exportCsv, 'export-csv'),
          action(m.exportJson, 'export-json'),
          action(m.exportCalendar, 'export-calendar'),
          action(m.exportPdf, 'export-pdf'),
          action(m.proofOfSearch, 'proof-of-search'),
        ],
      },
      separator,
      action(m.backupNow, 'backup-now'),
      action(m.restore, 'restore'),
      separator,
      { label: m.openDataFolder, click: () => handlers.openDataFolder() },
      ...(options.isMac ? [] : [separator, { label: m.quit, role: 'quit' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: m.view,
    submenu: [
      { role: 'reload' },
      ...(options.devTools ? [{ role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  return [
    ...(options.isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    file,
    { label: m.edit, role: 'editMenu' },
    view,
    { label: m.window, role: 'windowMenu' },
    { label: m.help, role: 'help', submenu: [{ label: m.about, role: 'about' }] },
  ];
}

export function installMenu(messages: Messages, handlers: MenuHandlers, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(messages, handlers, options)));
}
