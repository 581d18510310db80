import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CaselinkFailure } from '../contract/errors';

/**
 * Where a worker thread's code is, for the module at `here` (its `import.meta.url`) that starts
 * worker `name`. Built, the worker is its own entry beside the bundle (the code that starts it may
 * sit in a shared chunk one folder down); from sources, as under vitest, it is the TypeScript file
 * beside `here`, run through jiti. The file names are built at run time so that the bundler leaves
 * them be. `what` names the worker in the error a broken build gives.
 */
export function workerEntry(here: string, name: string, what: string): { url: URL; execArgv: string[] } {
  if (here.endsWith('.ts')) return { url: new URL(`./${name}.ts`, here), execArgv: ['--import', 'jiti/register'] };
  const built = `${name}.js`;
  for (const candidate of [`./${built}`, `../${built}`]) {
    const url = new URL(candidate, here);
    if (existsSync(fileURLToPath(url))) return { url, execArgv: [] };
  }
  throw new CaselinkFailure({ kind: 'Internal', message: `${what} (${built}) is missing from the build.` });
}
