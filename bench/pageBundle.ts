/**
 * One of the app's page scripts for a bare browser page (renderer/src/graph/layoutBench.ts,
 * chartBench.tsx), built with Vite as one script that defines the global `benchPage`, with the CSS
 * it imports. `bench:render` draws its charts with them; the chart's e2e tests mount the app's chart
 * component on a chart larger than the demo's with the same page.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** The project's folder, where npm runs the benches and vitest the tests (this file is also bundled into out/). */
const root = process.cwd();

/** `entry`, a path from the project's folder, built for the browser (not written to disk). */
export async function pageBundle(entry: string): Promise<{ js: string; css: string }> {
  // Vite and its React plugin take a production build from NODE_ENV, which vitest sets to "test":
  // the page would get React's production build with development JSX calls it does not export.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await buildPage(entry);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function buildPage(entry: string): Promise<{ js: string; css: string }> {
  const built = await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [react()],
    build: {
      write: false,
      minify: false,
      cssCodeSplit: false,
      lib: { entry: resolve(root, entry), formats: ['iife'], name: 'benchPage' },
    },
  });
  const outputs = Array.isArray(built) ? built : [built];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((o) => o.type === 'chunk');
    const css = output.output
      .filter((o) => o.type === 'asset' && o.fileName.endsWith('.css'))
      .map((o) => (o.type === 'asset' ? String(o.source) : ''))
      .join('\n');
    if (chunk && chunk.type === 'chunk') return { js: chunk.code, css };
  }
  throw new Error(`${entry} did not build.`);
}
