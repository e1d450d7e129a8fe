import os from 'node:os';
import path from 'node:path';

/**
 * The same folder Electron's app.getPath('userData') gives for productName "Candid", so the desktop app and the
 * browser shell open the same database. CANDID_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.CANDID_DATA_DIR) return path.resolve(env.CANDID_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Candid');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Candid');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Candid');
}
