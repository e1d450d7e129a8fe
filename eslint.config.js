import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'scratch/**', 'node_modules/**', 'test/artifacts/**', 'test/bench/cache/**', 'native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only src-main/shell and the preload may import electron (ARCHITECTURE.md).
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/shell and src-main/preload.ts import electron.' }] }],
    },
  },
  {
    files: ['src-main/shell/**', 'src-main/preload.ts', 'test/shell/**', 'electron.vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-main/**', 'electron'], message: 'The renderer talks to main only through window.candid / the API client.' }] },
      ],
    },
  },
);
