import { resolve } from 'node:path';
import { mergeConfig } from 'vite';
import scripts from '../../vite.scripts.config';

// The resolve-speed benches, built beside (not into) out/scripts, which other benches empty on
// each build: `npx vite build -c bench/perf/vite.config.ts --logLevel warn`.
const root = resolve(import.meta.dirname, '..', '..');
export default mergeConfig(scripts, {
  build: {
    outDir: process.env.PERF_OUT ?? 'out/perf',
    rollupOptions: {
      input: {
        'bench-resolve-phases': resolve(root, 'bench/perf/resolvePhases.ts'),
        'bench-rule-scoring': resolve(root, 'bench/perf/ruleScoring.ts'),
      },
    },
  },
});
