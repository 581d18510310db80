import { inject } from 'vitest';
import type { ConnectionSettings } from '../../main/db/database';

export type TestNeo4j = ConnectionSettings;

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/** The Neo4j the global setup started (or NEO4J_URI named). */
export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}
