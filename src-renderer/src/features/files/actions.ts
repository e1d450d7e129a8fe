/** File-menu actions that the files issue implements (exports, backups, restore). */
export type FileAction =
  | 'import'
  | 'export-excel'
  | 'export-csv'
  | 'export-json'
  | 'export-calendar'
  | 'export-pdf'
  | 'backup-now'
  | 'restore'
  | 'open-data-folder';

export interface FileActionContext {
  /** The filters of the screen the user is on, so a filtered view exports just what it shows. */
  filters: Record<string, unknown>;
  navigate(path: string): void;
}

export async function runFileAction(_action: FileAction, _context: FileActionContext): Promise<void> {
  // Filled in by the files issue.
}
