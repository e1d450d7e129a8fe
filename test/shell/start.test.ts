import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronUnavailableReason } from '../../scripts/start';
import { electronNativeFile } from '../../scripts/build-electron-native';

describe('npm start: can Electron run here?', () => {
  let root: string;
  const electronDir = () => path.join(root, 'node_modules', 'electron');

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-start-'));
    fs.mkdirSync(electronDir(), { recursive: true });
    fs.writeFileSync(path.join(electronDir(), 'package.json'), '{"version":"45.4.1"}');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const withBinary = () => {
    fs.writeFileSync(path.join(electronDir(), 'path.txt'), 'electron');
    fs.mkdirSync(path.join(electronDir(), 'dist'));
    fs.writeFileSync(path.join(electronDir(), 'dist', 'electron'), '');
  };

  it('not when the binary was never downloaded (no path.txt), as on our machines', () => {
    const reason = electronUnavailableReason({ root, env: { DISPLAY: ':0' }, platform: 'linux' });
    expect(reason).toMatch(/path\.txt/);
  });

  it('not when path.txt names a binary that is missing', () => {
    fs.writeFileSync(path.join(electronDir(), 'path.txt'), 'electron');
    expect(electronUnavailableReason({ root, env: { DISPLAY: ':0' }, platform: 'linux' })).toMatch(/dist\/electron is missing/);
  });

  it('not on Linux without a display', () => {
    withBinary();
    expect(electronUnavailableReason({ root, env: {}, platform: 'linux' })).toMatch(/DISPLAY/);
    expect(electronUnavailableReason({ root, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' })).toBeNull();
  });

  it('yes with the binary and a display (or on macOS and Windows)', () => {
    withBinary();
    expect(electronUnavailableReason({ root, env: { DISPLAY: ':0' }, platform: 'linux' })).toBeNull();
    expect(electronUnavailableReason({ root, env: {}, platform: 'darwin' })).toBeNull();
  });

  it('keeps the Electron build of better-sqlite3 out of node_modules', () => {
    expect(electronNativeFile('45.4.1').split(path.sep).slice(-3)).toEqual(['native', 'electron-45.4.1', 'better_sqlite3.node']);
    expect(electronNativeFile('45.4.1')).not.toContain('node_modules');
  });
});
