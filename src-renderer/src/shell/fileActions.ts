import type { TFunction } from 'i18next';
import type { FileAction } from '../features/files/actions';
import type { IconName } from '../ui/Icon';

/**
 * The File actions: the desktop's File menu (which sends the same names as `menu` events), the browser shell's File
 * menu and the palette.
 */
export const fileActions: { action: FileAction; icon: IconName }[] = [
  { action: 'import', icon: 'upload' },
  { action: 'export-excel', icon: 'download' },
  { action: 'export-csv', icon: 'download' },
  { action: 'export-json', icon: 'download' },
  { action: 'export-calendar', icon: 'download' },
  { action: 'export-pdf', icon: 'report' },
  { action: 'proof-of-search', icon: 'report' },
  { action: 'backup-now', icon: 'save' },
  { action: 'restore', icon: 'history' },
  { action: 'open-data-folder', icon: 'folder' },
];

/** The label of an action; a browser cannot open a folder, so there it shows where the data folder is. */
export function fileActionLabel(t: TFunction, action: FileAction): string {
  return action === 'open-data-folder' && !window.candid ? t('layout:files.showDataFolder') : t(`shell:file.${action}`);
}
