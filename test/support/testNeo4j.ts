import { inject } from 'vitest';
import type { ConnectionSettings } from '../../main/db/database';
import { takeTurn } from './databaseTurns';
import { testChildEnv } from './testGraph';

export type TestNeo4j = ConnectionSettings;

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
    /** A folder the test files of one run share, removed when the run ends. */
    scratch: string;
  }
}

/** The Neo4j the global setup started (or CASELINK_TEST_NEO4J_URI named); never NEO4J_URI's. */
export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/**
 * Waits for this file's turn at the shared test database (test/support/databaseTurns.ts) and
 * holds it until `end`. The integration project's setup file takes one for each of its files;
 * a file of the own-Neo4j project that also uses the shared database takes one for that part.
 */
export function takeDatabaseTurn(): Promise<{ end(): Promise<void> }> {
  return takeTurn(inject('databaseTurns'));
}

/** A folder the test files of this run share (made by the global setup, removed at the end). */
export function testScratch(): string {
  return inject('scratch');
}

/**
 * The environment for a child process of a test (the CLI, `caselink serve`): connected to the
 * test database, with none of the user's NEO4J_* settings.
 */
export function testProcessEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return testChildEnv(testNeo4j(), extra);
}
