import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureScratch } from '../support/ensureScratch';

interface Run {
  output: () => string;
  exited: Promise<number | null>;
}

/** Waits until `ready` holds, however long that takes on this machine (the test's timeout ends a hang). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await pause(20);
}

// Two runs of scripts/ensure.mjs at once in a scratch copy of the project (`npm run demo` in one
// terminal, `npm test` in another): the second waits for the first and finds its work done,
// instead of installing or building over it. A stand-in `mvn` logs each call and holds the first
// build until the test lets it go (or the scratch folder is gone).
describe('two runs of scripts/ensure.mjs at once', () => {
  let scratch: string;
  let path: string;

  beforeAll(async () => {
    ({ scratch, path } = await ensureScratch(
      (dir) =>
        `#!/bin/sh\necho "mvn $$" >> "${dir}/calls.log"\nwhile [ ! -e "${dir}/go" ] && [ -d "${dir}" ]; do sleep 0.05; done\n` +
        `for a in "$@"; do case "$a" in -Dcaselink.buildDirectory=*) mkdir -p "\${a#*=}";; esac; done\n`,
    ));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  const start = (): Run => {
    const child = spawn(process.execPath, [join(scratch, 'scripts/ensure.mjs'), 'neo4j'], {
      env: { ...process.env, PATH: path, JAVA_HOME: '/opt/java' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { output: () => output, exited: new Promise((resolve) => child.on('exit', resolve)) };
  };

  it('builds once: the second waits for the first, then finds the build up to date', async () => {
    const first = start();
    await until(() => existsSync(join(scratch, 'calls.log')));
    const second = start();
    await until(() => second.output().includes('waiting for another run of ensure.mjs'));
    await writeFile(join(scratch, 'go'), '');

    expect(await first.exited, first.output()).toBe(0);
    expect(await second.exited, second.output()).toBe(0);
    expect((await readFile(join(scratch, 'calls.log'), 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(second.output()).toContain('Neo4j: up to date');
    expect(existsSync(join(scratch, '.cache/ensure.lock'))).toBe(false);
  });
});
