import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

// electron-vite replaces import.meta.url with this file's real URL when it bundles the config.
const root = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Runtime dependencies stay in node_modules (better-sqlite3 is native; the others are loaded as they ship). */
const runtimeDependencies = ['better-sqlite3', 'kysely', 'zod', 'exceljs', 'uuid'];

export default defineConfig({
  main: {
    build: {
      outDir: root('out/main'),
      externalizeDeps: { include: runtimeDependencies },
      rolldownOptions: {
        // The jobs' worker thread (src-main/jobs/worker.ts) is its own entry: main starts it by path, out/main/worker.js.
        input: { index: root('src-main/index.ts'), worker: root('src-main/jobs/worker.ts') },
        // package.json says "type": "module": out/main/index.js is an ES module.
        // Shared chunks beside the entries: the jobs' launcher finds worker.js next to the chunk it is in.
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: root('out/preload'),
      // A sandboxed preload can require only 'electron': bundle everything else into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: root('src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: root('src-renderer'),
    build: {
      ...rendererConfig.build,
      rollupOptions: undefined,
      outDir: root('out/renderer'),
      rolldownOptions: { input: root('src-renderer/index.html') },
    },
  },
});
