/**
 * `caselink audit` and `caselink match-history` as a user runs them (the built CLI), against the
 * test run's real Neo4j. Needs `electron-vite build`.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventDto } from '../../main/contract/auditTypes';
import { emptyTestGraph, openTestServices, type TestServices } from '../support/services';
import { personProfile } from '../support/sheets';
import { testProcessEnv } from '../support/testNeo4j';
import { loadWorkspaceGraph } from '../support/workspaceGraph';

const cli = join(__dirname, '../../out/main/cli.js');

describe('caselink audit', () => {
  let services: TestServices;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    services = await openTestServices();
    env = testProcessEnv({ CASELINK_HOME: services.home });
  });
  afterAll(() => services.close());

  const run = (args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', timeout: 60_000 });

  it('lists a profile saved from the command line as JSON, with who saved it', async () => {
    const profile = join(services.home, 'ngo.json');
    await writeFile(profile, JSON.stringify(personProfile('NGO', { Name: 'subject.fullName' })));
    expect(run(['profile', 'save', '--profile', profile]).status).toBe(0);

    const result = run(['audit', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const events = JSON.parse(result.stdout) as AuditEventDto[];
    expect(events).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
        kind: 'profile-change',
        action: 'save profile NGO NGO test profile',
        outcome: 'success',
        osUser: userInfo().username,
        dbUser: services.db.settings.user,
        host: hostname(),
        app: 'cli',
        message: null,
        details: {
          agency: 'NGO',
          changed: true,
          path: join(services.home, 'profiles', 'ngo.json'),
          previousSha256: null,
          profile: 'NGO test profile',
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      },
    ]);
    expect(JSON.parse(run(['audit', '--json', '--kind', 'import']).stdout)).toEqual([]);
    expect(JSON.parse(run(['audit', '--json', '--since', '2999-01-01']).stdout)).toEqual([]);
  });

  it('writes the events to a CSV file', async () => {
    const file = join(services.home, 'audit.csv');
    const result = run(['audit', '--csv', file]);
    expect(result.stdout).toBe(`1 event written to ${file}.\n`);
    const lines = (await readFile(file, 'utf8')).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^"[^"]+Z","profile-change","save profile NGO NGO test profile","success",/);
  });

  it('refuses an unknown kind, a bad date and a bad limit before doing anything, with exit status 2', () => {
    for (const args of [
      ['--kind', 'imports'],
      ['--since', 'yesterday'],
      ['--limit', 'abc'],
    ]) {
      const result = run(['audit', ...args]);
      expect({ args, status: result.status, stdout: result.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(result.stderr).toContain(args[0]);
    }
  });

  it('says when a pair has no decision yet, and names a person who is not in the graph, with status 4', async () => {
    await emptyTestGraph(services.db);
    const { mentions } = await loadWorkspaceGraph(services.db);
    const [maria, elena] = [mentions['Maria Ionescu'], mentions['Elena Dima']] as [string, string];
    const result = run(['match-history', maria, elena]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('No decision has been taken on this pair.\n');

    const [a, b] = ['a'.repeat(32) + ':subject', 'b'.repeat(32) + ':subject'];
    const hint = 'Person ids are listed by "caselink matches" (in brackets).\n';
    for (const [args, said] of [
      [[a, elena], `No person ${a} in the graph.`],
      [[a, b], `No person ${a} and no person ${b} in the graph.`],
    ] as const) {
      const unknown = run(['match-history', ...args]);
      expect(unknown.stderr).toBe(`caselink: ${said}\n${hint}`);
      expect(unknown.stdout).toBe('');
      expect(unknown.status).toBe(4);
    }
  });
});
