import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

// Under `electron-vite dev` only: React's hot reload injects an inline script and talks over a
// websocket, which the production policy forbids. Built files keep the strict policy.
const devContentSecurityPolicy: Plugin = {
  name: 'caselink-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*"),
};

// One build for the three Electron parts. The main build has two entries: the Electron main
// process (main/app) and the CLI (main/cli), which runs under plain Node with the same services.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundled, with the country-name and nationality files Caselink uses: Node's ES modules do
      // not import JSON bare, and i18n-iso-countries' Node entry loads every language it has.
      externalizeDeps: { exclude: ['i18n-iso-countries', 'i18n-nationality'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/app/index.ts'),
          cli: resolve(__dirname, 'main/cli/index.ts'),
          // Started as a worker thread by the workbook reader, which finds it beside the bundle.
          workbookWorker: resolve(__dirname, 'main/services/import/workbookWorker.ts'),
          // Started as worker threads by the import's mapping pool, which finds it beside the bundle.
          mappingWorker: resolve(__dirname, 'main/services/import/mappingWorker.ts'),
          // Started as a worker thread by resolution, to block and score pairs off the main thread.
          resolveWorker: resolve(__dirname, 'main/services/resolveWorker.ts'),
        },
      },
    },
  },
  // A sandboxed preload cannot require node_modules: bundle everything, as CommonJS.
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), devContentSecurityPolicy],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
