import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartSliceDto, NodeDetailsDto, PathsResultDto } from '../../main/contract/api';
import { nodeRef } from '../../main/contract/workspaceTypes';
import { openTestServices, type TestServices } from '../support/services';
import { testProcessEnv } from '../support/testNeo4j';
import { loadWorkspaceGraph, type WorkspaceGraph } from '../support/workspaceGraph';

// The built CLI (npm run build), run as a user runs it, against the test run's real Neo4j.
const cli = join(__dirname, '../../out/main/cli.js');

describe('caselink expand, path and details', () => {
  let services: TestServices;
  let dir: string;
  let graph: WorkspaceGraph;
  let env: NodeJS.ProcessEnv;
  const person = (...names: string[]) =>
    nodeRef('person', [names.map((n) => graph.mentions[n] as string).sort()[0] as string]);
  const run = (args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', timeout: 60_000 });

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-ws-cli-'));
    graph = await loadWorkspaceGraph(services.db);
    env = testProcessEnv({ CASELINK_HOME: dir });
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('expands a phone as text and as JSON, saying which hub it left out', () => {
    const text = run(['expand', nodeRef('phone', ['+447700900123']), '--hops', '2', '--edge', 'phone']);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('person Elena Dima  [BORDER; 1 record]');
    expect(text.stdout).toMatch(/Note: 1 hub identifier left out \(\+44 800 012 1700\)/);
    const json = JSON.parse(run(['expand', nodeRef('phone', ['+447700900123']), '--json']).stdout) as ChartSliceDto;
    expect(json.nodes.map((n) => n.id).sort()).toEqual(
      [nodeRef('phone', ['+447700900123']), person('Ion Popescu', 'POPESCU Ion'), person('Elena Dima')].sort(),
    );
  });

  it('prints the shortest paths between two persons, and refuses what is not a node reference', () => {
    const text = run(['path', person('Ion Popescu'), person('Andrei Lungu')]);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(
      /^Path 1, 2 steps: .+ \(person\) → \+44 7700 900888 \(phone\) → Andrei Lungu \(person\)$/,
    );
    const json = JSON.parse(
      run(['path', person('Ion Popescu'), person('Andrei Lungu'), '--json']).stdout,
    ) as PathsResultDto;
    expect(json.paths.map((p) => p.edges.length)).toEqual([2, 4]);
    const bad = run(['path', 'Person:MATCH', person('Andrei Lungu')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('not a node reference');
  });

  it('prints every property of a person with its file, row, column and SHA-256', () => {
    const text = run(['details', person('Elena Dima')]);
    expect(text.status).toBe(0);
    const border = graph.files.BORDER as { path: string; sha256: string };
    expect(text.stdout).toContain(
      `BORDER ${basename(border.path)} › Sheet1 row 2, column "Name": "Elena Dima" (graded 2B, handling P)`,
    );
    expect(text.stdout).toContain(`SHA-256 ${border.sha256}`);
    const json = JSON.parse(run(['details', person('Elena Dima'), '--json']).stdout) as NodeDetailsDto;
    expect(json.agencies.map((a) => a.agency)).toEqual(['BORDER']);
  });
});
