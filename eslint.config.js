import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layering of ARCHITECTURE.md, as lint rules: each layer lists what it may not import.
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http'];
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      'bench/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tool configuration files must export a default.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-exports': 'off' },
  },
  layer(
    ['src/shared/**'],
    [
      ...NODE_BUILTINS,
      'electron',
      '**/core/**',
      '**/main/**',
      '**/preload/**',
      '**/renderer/**',
      '**/hub/**',
      '**/host/**',
    ],
    'shared/ runs anywhere: it imports only shared/ and pure packages.',
  ),
  layer(
    ['src/core/**'],
    [
      'electron',
      '**/main/**',
      '**/preload/**',
      '**/renderer/**',
      '**/hub/**',
      '**/host/**',
      '**/solo/**',
    ],
    'core/ never imports electron or the shells: platform services come in through interfaces.',
  ),
  layer(
    ['src/renderer/**'],
    [
      ...NODE_BUILTINS,
      'electron',
      '**/core/**',
      '**/main/**',
      '**/preload/**',
      '**/hub/**',
      '**/host/**',
    ],
    'The renderer talks to the engine only through the typed contract in shared/.',
  ),
  layer(
    ['src/preload/**'],
    ['**/core/**', '**/main/**', '**/renderer/**', '**/hub/**', '**/host/**'],
    'The preload exposes the contract and nothing else.',
  ),
  layer(
    ['src/host/**'],
    ['electron', '**/main/**', '**/preload/**', '**/renderer/**'],
    'Browser mode runs core/ in plain Node: no electron.',
  ),
  layer(
    ['src/hub/**'],
    ['electron', '**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/host/**'],
    'The hub is a server: it shares only shared/ with the desk.',
  ),
  layer(
    ['src/main/**'],
    ['**/renderer/**', '**/host/**', '**/hub/**'],
    'main/ is the Electron composition root.',
  ),
  layer(
    ['src/solo/**'],
    ['electron', '**/main/**', '**/preload/**', '**/renderer/**', '**/host/**'],
    "solo/ runs the hub's code inside the desk: it joins core/ and hub/, nothing else.",
  ),
);
