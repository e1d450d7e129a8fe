import { basename, extname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const firstCallsEntry = resolve(import.meta.dirname, 'src-renderer/src/firstCalls.ts');

/**
 * The window's first calls (src-renderer/src/firstCalls.ts) as an entry of their own, whose script index.html runs
 * before the bundle's: Vite bundles every module script of a page into one entry, whose code runs only once all of
 * its imports are evaluated, so a module of the bundle could not ask for anything sooner. Module scripts run in
 * document order: the tag goes before the bundle's (after the Content-Security-Policy, which a script may not
 * precede). Both scripts import api/earlyCalls.ts, one module for the page: the bundle takes the calls' answers there.
 */
function firstCallsFirst(): Plugin {
  let building = false;
  let base = './';
  const beforeFirstModuleScript = (html: string, tag: string) => {
    // The first module script after the policy: the bundle's (in dev, plugins put their own scripts at the top).
    const at = html.indexOf('<script type="module"', html.indexOf('Content-Security-Policy'));
    if (at < 0) throw new Error('index.html: no module script after the Content-Security-Policy');
    return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
  };
  return {
    name: 'candid:first-calls',
    configResolved(config) {
      building = config.command === 'build';
      base = config.base;
    },
    options(options) {
      if (!building) return;
      const { input } = options;
      const named =
        typeof input === 'string'
          ? { [basename(input, extname(input))]: input }
          : Array.isArray(input)
            ? Object.fromEntries(input.map((file) => [basename(file, extname(file)), file]))
            : { ...input };
      return { ...options, input: { ...named, firstCalls: firstCallsEntry } };
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return beforeFirstModuleScript(html, '<script type="module" src="./src/firstCalls.ts"></script>');
        const chunk = Object.values(context.bundle).find((output) => output.type === 'chunk' && output.isEntry && output.name === 'firstCalls');
        if (!chunk) throw new Error('the firstCalls entry was not built');
        return beforeFirstModuleScript(html, `<script type="module" async crossorigin src="${base}${chunk.fileName}"></script>`);
      },
    },
  };
}

/**
 * The renderer's build, shared by electron-vite (desktop) and `npm run web` / the end-to-end tests (browser),
 * so both shells run the very same bundle.
 */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react(), firstCallsFirst()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
  },
};

export default defineConfig(rendererConfig);
