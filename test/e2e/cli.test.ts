import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../main/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testNeo4j } from '../support/testNeo4j';

// The built CLI, run as a user runs it, against the test run's real Neo4j.
const root = join(__dirname, '../..');
const cli = join(root, 'out/main/cli.js');

describe('the caselink CLI', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'caselink-cli-'));
    const neo4j = testNeo4j();
    env = {
      ...process.env,
      CASELINK_HOME: home,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
    };
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  const run = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [cli, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 60_000 });

  it('reports the connected server, schema and graph size as JSON', () => {
    const result = run(['status', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      serverVersion: expect.stringMatching(/^5\.26\./),
      database: 'neo4j',
      local: false,
      schemaVersion: SCHEMA_VERSION,
    });
  });

  it('registers and lists agencies', () => {
    expect(run(['agency', 'add', 'nl-kmar', '--name', 'Koninklijke Marechaussee', '--country', 'nl']).stdout).toContain(
      'Agency NL-KMAR: Koninklijke Marechaussee (NL).',
    );
    const listed = JSON.parse(run(['agency', 'list', '--json']).stdout) as { code: string }[];
    expect(listed.map((a) => a.code)).toContain('NL-KMAR');
  });

  it('lists the schema it applied', () => {
    const result = run(['schema']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Schema version ${SCHEMA_VERSION}`);
    expect(result.stdout).toMatch(/phone_e164\s+UNIQUENESS Phone\(e164\)/);
  });

  it('says where the local database is when none runs, with exit code 3', () => {
    const result = run(['db', 'status'], { NEO4J_URI: '' });
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('Local Neo4j is not running.');
    expect(result.stdout).toContain(`Home: ${home}`);
  });

  it('names the problem and what to do when the server refuses the password', () => {
    const result = run(['status'], { NEO4J_PASSWORD: 'wrong-password' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('refused the user name or password');
    expect(result.stderr).toContain('NEO4J_PASSWORD');
  });

  it('serves the app and prints its address, then stops on Ctrl+C', async () => {
    const child = spawn(process.execPath, [cli, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 60_000);
      child.stdout.on('data', () => {
        const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
    });
    const page = await fetch(url.replace(/#.*/, ''));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
