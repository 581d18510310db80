/**
 * Starts one real local Neo4j for the test run in a temporary CASELINK_HOME, unless NEO4J_URI
 * names another server, and hands its address and password to the tests through `provide`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { configuredConnection } from '../../main/config/settings';
import { startLocalNeo4j, stopLocalNeo4j } from '../../main/db/localNeo4j';
import type { TestNeo4j } from './testNeo4j';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = configuredConnection();
  if (external) {
    project.provide('neo4j', { ...external, local: false });
    return async () => undefined;
  }
  const home = await mkdtemp(join(tmpdir(), 'caselink-test-'));
  const started = Date.now();
  const local = await startLocalNeo4j({ home, attached: true, heap: '768m', pageCache: '256m' });
  process.stdout.write(`[test setup] local Neo4j ${local.version} at ${local.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const neo4j: TestNeo4j = { uri: local.uri, user: local.user, password: local.password, database: 'neo4j', local: true };
  project.provide('neo4j', neo4j);
  return async () => {
    await stopLocalNeo4j(home);
    await rm(home, { recursive: true, force: true });
  };
}
