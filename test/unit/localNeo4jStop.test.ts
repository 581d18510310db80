import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeStop, localNeo4jPaths, localNeo4jStatus, stopLocalNeo4j } from '../../main/db/localNeo4j';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// After a crash, state.json may name a pid that the system has since given to another program.
describe('caselink db stop with a stale state file', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('leaves an unrelated live process alone, clears the state and says it was stale', async () => {
    const home = await mkdtemp(join(tmpdir(), 'caselink-stale-'));
    cleanup.push(() => rm(home, { recursive: true, force: true }));
    const unrelated = spawn('sleep', ['600'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => unrelated.on('exit', resolve));
    cleanup.push(async () => {
      unrelated.kill('SIGKILL');
      await exited;
    });
    const pid = unrelated.pid as number;
    const paths = localNeo4jPaths(home);
    await mkdir(paths.dir, { recursive: true });
    await writeFile(
      paths.stateFile,
      JSON.stringify({ pid, port: 7687, version: '5.26.0', startedAt: '2026-11-01T09:00:00Z' }),
    );

    expect(await localNeo4jStatus(home)).toMatchObject({ running: false });
    const result = await stopLocalNeo4j(home, 2_000);

    expect(result).toEqual({ stopped: false, stalePid: pid });
    expect(describeStop(result)).toBe(
      `The local Neo4j was not running. Its state file was stale: pid ${pid} now belongs to another program, ` +
        "not Caselink's database launcher, and was left alone. Cleared the stale state.",
    );
    expect(isAlive(pid)).toBe(true);
    expect(existsSync(paths.stateFile)).toBe(false);
  });

  it('says plainly when nothing was running', async () => {
    const home = await mkdtemp(join(tmpdir(), 'caselink-stale-'));
    cleanup.push(() => rm(home, { recursive: true, force: true }));
    expect(describeStop(await stopLocalNeo4j(home))).toBe('The local Neo4j was not running.');
  });
});
