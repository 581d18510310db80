#!/usr/bin/env node
// `caselink` on the PATH (after `npm link`), or `node bin/caselink.mjs`: runs the built CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('caselink: the CLI is not built yet. Run "npm run setup" in the Caselink folder first.\n');
  process.exit(1);
}
await import(cli);
