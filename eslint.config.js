// One lint setup for the whole project. The layer rules (STYLE.md §1) say which runtime each
// folder may use; breaking one is reported as an error, like any other.
import js from '@eslint/js';
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

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'neo4j/target/', 'coverage/', 'test-results/'] },
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
