import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingPath, resolveDataDir } from '../../src-main/shell/paths';

describe('desktop paths', () => {
  it("keeps data in Electron's userData folder unless CANDID_DATA_DIR says otherwise", () => {
    expect(resolveDataDir('/home/ana/.config/Candid', {})).toBe(path.resolve('/home/ana/.config/Candid'));
    expect(resolveDataDir('/home/ana/.config/Candid', { CANDID_DATA_DIR: '/tmp/candid-demo' })).toBe(path.resolve('/tmp/candid-demo'));
    expect(resolveDataDir('/home/ana/.config/Candid', { CANDID_DATA_DIR: '  ' })).toBe(path.resolve('/home/ana/.config/Candid'));
  });

  it('loads the Electron build of better-sqlite3 from native/ in development', () => {
    const file = nativeBindingPath({ isPackaged: false, appPath: '/work/main', resourcesPath: '/unused', electronVersion: '45.4.1' });
    expect(file).toBe(path.join('/work/main', 'native', 'electron-45.4.1', 'better_sqlite3.node'));
  });

  it('loads it from app.asar.unpacked in a packaged app', () => {
    const file = nativeBindingPath({ isPackaged: true, appPath: '/opt/Candid/resources/app.asar', resourcesPath: '/opt/Candid/resources', electronVersion: '45.4.1' });
    expect(file).toBe(path.join('/opt/Candid/resources', 'app.asar.unpacked', 'native', 'electron-45.4.1', 'better_sqlite3.node'));
  });
});
