import path from 'node:path';

/** The data folder: Electron's userData folder, unless CANDID_DATA_DIR names another one. */
export function resolveDataDir(userData: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.CANDID_DATA_DIR?.trim();
  return path.resolve(override ? override : userData);
}

export interface NativeBindingLocation {
  isPackaged: boolean;
  /** The project root in development (app.getAppPath()). */
  appPath: string;
  /** process.resourcesPath in a packaged app. */
  resourcesPath: string;
  /** process.versions.electron. */
  electronVersion: string;
}

/**
 * better-sqlite3 compiled for Electron's ABI by scripts/build-electron-native.ts. node_modules/better-sqlite3
 * keeps the Node build the tests use. In a packaged app `native/` is unpacked from the asar archive, because
 * a .node file cannot be loaded from inside it.
 */
export function nativeBindingPath(location: NativeBindingLocation): string {
  const relative = path.join('native', `electron-${location.electronVersion}`, 'better_sqlite3.node');
  return location.isPackaged
    ? path.join(location.resourcesPath, 'app.asar.unpacked', relative)
    : path.join(location.appPath, relative);
}
