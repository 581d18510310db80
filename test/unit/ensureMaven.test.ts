import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureScratch } from '../support/ensureScratch';

// scripts/ensure.mjs in a scratch copy of the project, with a stand-in `mvn` that writes what
// Maven's console writes in batch mode: colour codes and resets around its lines.
describe('node scripts/ensure.mjs neo4j', () => {
  let scratch: string;
  let path: string;

  beforeAll(async () => {
    // It builds into the folder it is told, as Maven does (ensure.mjs moves it into place).
    ({ scratch, path } = await ensureScratch(
      () =>
        `#!/bin/sh\nfor a in "$@"; do case "$a" in -Dcaselink.buildDirectory=*) mkdir -p "\${a#*=}";; esac; done\n` +
        `printf '\\033[1mWARNING\\033[m: a warning worth reading\\n\\033[0m\\033[0m'\nprintf '\\033[0m' >&2\n`,
    ));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it("passes Maven's words on without its escape codes", () => {
    const result = spawnSync(process.execPath, [join(scratch, 'scripts/ensure.mjs'), 'neo4j'], {
      env: { ...process.env, PATH: path, JAVA_HOME: '/opt/java' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('WARNING: a warning worth reading');
    expect(result.stdout).not.toContain('\x1b');
    expect(result.stderr).not.toContain('\x1b');
  });
});
