export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  /** 'desktop' inside Electron, 'browser' when served over HTTP. */
  shell: 'desktop' | 'browser';
}
