// One lint setup for the whole project. The layer rules (STYLE.md §1) say which runtime each
// folder may use; breaking one is reported as an error, like any other.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Only main/app, main/ipc and main/preload may import electron.' };
const noDriver = {
  name: 'neo4j-driver',
  message: 'Only main/db talks to neo4j-driver; services use the Database interface.',
};
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'net', 'crypto', 'url', 'worker_threads']
  .flatMap((m) => [m, `node:${m}`])
  .map((name) => ({ name, message: 'main/core and main/contract are pure: no file system, network or processes.' }));

// The layer table of ARCHITECTURE.md on resolved paths, so that a relative import breaks it as
// surely as a package name does: each zone names a folder and the folders it must not reach.
const later = (...folders) => folders.map((f) => `./${f}`);
const layerZones = [
  {
    target: './main/core',
    from: later(
      'main/contract',
      'main/config',
      'main/db',
      'main/services',
      'main/cli',
      'main/serve',
      'main/app',
      'main/ipc',
      'main/preload',
      'renderer',
    ),
    message: 'main/core is pure domain code: it imports nothing from the other layers.',
  },
  {
    target: './main/contract',
    from: later(
      'main/config',
      'main/db',
      'main/services',
      'main/cli',
      'main/serve',
      'main/app',
      'main/ipc',
      'main/preload',
      'renderer',
    ),
    message: 'main/contract is pure: core types and zod only.',
  },
  {
    target: './main/config',
    from: later(
      'main/db',
      'main/services',
      'main/cli',
      'main/serve',
      'main/app',
      'main/ipc',
      'main/preload',
      'renderer',
    ),
    message: 'main/config reads the environment and paths; it depends on no other layer.',
  },
  {
    target: './main/db',
    from: later('main/services', 'main/cli', 'main/serve', 'main/app', 'main/ipc', 'main/preload', 'renderer'),
    message: 'main/db is below the services: it never imports them.',
  },
  {
    target: './main/services',
    from: './main/db',
    except: ['./database.ts', './schema.ts'],
    message: 'Services reach the database only through the Database interface (main/db/database.ts).',
  },
  {
    target: './main/services',
    from: later('main/cli', 'main/serve', 'main/app', 'main/ipc', 'main/preload', 'renderer'),
    message: 'Services are composed by the CLI, serve and the app, never the other way round.',
  },
  {
    target: ['./main/cli', './main/serve'],
    from: later('main/app', 'main/ipc', 'main/preload', 'renderer'),
    message: 'The CLI and serve never reach the Electron shell or the renderer.',
  },
];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'neo4j/target/', 'coverage/', 'test-results/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='run'][arguments.0.type='TemplateLiteral']",
          message: 'Cypher lives in cypher/ and runs by name.',
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.node.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['main/core/**', 'main/contract/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, noDriver, ...nodeBuiltins] }] },
  },
  {
    files: ['main/db/**', 'main/services/**', 'main/cli/**', 'main/serve/**', 'main/config/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['main/services/**', 'main/cli/**', 'main/serve/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron, noDriver] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/contract/*'],
              allowTypeImports: true,
              message: 'The renderer takes only types from main/contract.',
            },
            {
              group: ['**/main/**', '!**/main/contract/*'],
              message: 'The renderer talks to main only through window.api.',
            },
          ],
          paths: [noElectron, noDriver],
        },
      ],
    },
  },
);
