import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Developer scripts (fixture generator, benchmarks) built for Node the way the app's main process
// is, so they use the same modules, including the Cypher files bundled by import.meta.glob.
export default defineConfig({
  // As in electron.vite.config.ts: bundled, with their country-name and nationality files.
  ssr: { noExternal: ['i18n-iso-countries', 'i18n-nationality'] },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/scripts',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        fixtures: resolve(import.meta.dirname, 'scripts/fixtures/cli.ts'),
        'bench-import': resolve(import.meta.dirname, 'bench/import.ts'),
        'bench-resolve': resolve(import.meta.dirname, 'bench/resolve.ts'),
        'bench-hostile': resolve(import.meta.dirname, 'bench/hostile.ts'),
        'bench-xlsx': resolve(import.meta.dirname, 'bench/xlsx.ts'),
        'bench-freetext': resolve(import.meta.dirname, 'bench/freetext.ts'),
        'bench-mapping': resolve(import.meta.dirname, 'bench/mapping.ts'),
        'bench-query': resolve(import.meta.dirname, 'bench/query/query.ts'),
        'bench-render': resolve(import.meta.dirname, 'bench/render/render.ts'),
        'bench-export': resolve(import.meta.dirname, 'bench/export/export.ts'),
        'docs-screenshots': resolve(import.meta.dirname, 'scripts/screenshots.ts'),
        // Started as a worker thread by the workbook reader, which finds it beside the bundle.
        workbookWorker: resolve(import.meta.dirname, 'main/services/import/workbookWorker.ts'),
        // Started as worker threads by the import's mapping pool, which finds it beside the bundle.
        mappingWorker: resolve(import.meta.dirname, 'main/services/import/mappingWorker.ts'),
        // Started as a worker thread by resolution, which finds it beside the bundle.
        resolveWorker: resolve(import.meta.dirname, 'main/services/resolveWorker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
