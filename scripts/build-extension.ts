/**
 * `npm run build:extension` (part of `npm run build`): the browser extension (src-extension/, Manifest V3) compiled
 * with esbuild into out/extension/unpacked/ (load it with "Load unpacked" or --load-extension) and packed as
 * out/extension/candid-extension.zip (fflate) for a store or for sharing. Bundled: no remote code at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'src-extension');
export const extensionOutDir = path.join(root, 'out', 'extension');
export const unpackedDir = path.join(extensionOutDir, 'unpacked');
export const zipPath = path.join(extensionOutDir, 'candid-extension.zip');

export async function buildExtension(): Promise<void> {
  fs.rmSync(unpackedDir, { recursive: true, force: true });
  fs.mkdirSync(unpackedDir, { recursive: true });
  await build({
    entryPoints: { background: path.join(source, 'src', 'background.ts'), popup: path.join(source, 'src', 'popup.ts') },
    outdir: unpackedDir,
    bundle: true,
    format: 'iife',
    target: 'chrome116',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The manifest carries the app's version, so a paired extension and the app it talks to say the same.
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(unpackedDir, 'manifest.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  for (const file of ['popup.html', 'popup.css']) fs.copyFileSync(path.join(source, file), path.join(unpackedDir, file));
  fs.cpSync(path.join(source, '_locales'), path.join(unpackedDir, '_locales'), { recursive: true });
  fs.copyFileSync(path.join(root, 'build', 'icon.png'), path.join(unpackedDir, 'icon.png'));

  const files: Record<string, Uint8Array> = {};
  for (const entry of fs.readdirSync(unpackedDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(unpackedDir, file).split(path.sep).join('/')] = fs.readFileSync(file);
  }
  fs.writeFileSync(zipPath, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildExtension();
  console.log(`Browser extension: ${path.relative(root, unpackedDir)}/ (unpacked) and ${path.relative(root, zipPath)}`);
}
