import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The renderer's build, shared by electron-vite (desktop) and `npm run web` / the end-to-end tests (browser),
 * so both shells run the very same bundle.
 */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
  },
};

export default defineConfig(rendererConfig);
