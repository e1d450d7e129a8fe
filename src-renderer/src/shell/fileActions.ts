import type { FileAction } from '../features/files/actions';
import type { IconName } from '../ui/Icon';

/** The File actions the palette offers (the desktop File menu sends the same names as `menu` events). */
export const fileActions: { action: FileAction; icon: IconName; desktopOnly?: boolean }[] = [
  { action: 'import', icon: 'upload' },
  { action: 'export-excel', icon: 'download' },
  { action: 'export-csv', icon: 'download' },
  { action: 'export-json', icon: 'download' },
  { action: 'export-calendar', icon: 'download' },
  { action: 'export-pdf', icon: 'report' },
  { action: 'backup-now', icon: 'save' },
  { action: 'restore', icon: 'history' },
  { action: 'open-data-folder', icon: 'folder', desktopOnly: true },
];
