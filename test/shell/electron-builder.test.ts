import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The packaging config is YAML; js-yaml and app-builder-lib come with electron-builder.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const root = path.resolve(import.meta.dirname, '../..');
const file = path.join(root, 'electron-builder.yml');

interface BuilderConfig {
  appId: string;
  productName: string;
  electronVersion: string;
  npmRebuild: boolean;
  directories: { buildResources: string; output: string };
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string };
  win: { target: string[] };
  mac: { target: string[]; hardenedRuntime: boolean; entitlements: string };
}

const config = yaml.load(fs.readFileSync(file, 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the app and pins Electron', () => {
    expect(config.appId).toBe('fr.candid.app');
    expect(config.productName).toBe('Candid');
    expect(config.electronVersion).toBe('45.4.1');
    expect(config.directories).toEqual({ buildResources: 'build', output: 'dist' });
  });

  it('sets the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships the Electron build of better-sqlite3 unpacked, and never rebuilds node_modules in place', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.asarUnpack).toContain('native/**');
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(config.files.some((pattern) => pattern.startsWith('native/electron-'))).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });

  it('builds AppImage and deb (Office), NSIS, and a hardened dmg', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux.category).toBe('Office');
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(fs.existsSync(path.join(root, config.mac.entitlements))).toBe(true);
  });

  it("is valid against electron-builder's own schema", async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<unknown>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(root, file, null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('has its icon: a 512×512 PNG', () => {
    const png = fs.readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
