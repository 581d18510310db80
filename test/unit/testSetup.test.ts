import { describe, expect, it } from 'vitest';
import { testChildEnv, testServerFromEnv } from '../support/testGraph';

// An analyst whose NEO4J_URI names the task force's server runs `npm test`: the tests must not
// go near that server.
describe('the Neo4j the tests use', () => {
  const analyst = {
    NEO4J_URI: 'neo4j+s://taskforce.example.org:7687',
    NEO4J_USER: 'analyst',
    NEO4J_PASSWORD: 'secret',
    NEO4J_DATABASE: 'cases',
  };

  it('is never the one NEO4J_URI names: without CASELINK_TEST_NEO4J_URI the tests start their own', () => {
    expect(testServerFromEnv(analyst)).toBeNull();
  });

  it('is the one CASELINK_TEST_NEO4J_URI names, with its own user, password and database', () => {
    expect(
      testServerFromEnv({
        ...analyst,
        CASELINK_TEST_NEO4J_URI: 'bolt://127.0.0.1:7688',
        CASELINK_TEST_NEO4J_PASSWORD: 'test-pw',
      }),
    ).toEqual({ uri: 'bolt://127.0.0.1:7688', user: 'neo4j', password: 'test-pw', database: 'neo4j' });
    expect(() => testServerFromEnv({ CASELINK_TEST_NEO4J_URI: 'bolt://127.0.0.1:7688' })).toThrow(
      'CASELINK_TEST_NEO4J_URI is set but CASELINK_TEST_NEO4J_PASSWORD is not.',
    );
  });

  it("hands the CLI under test the test server, and none of the analyst's settings", () => {
    const server = { uri: 'bolt://127.0.0.1:7688', user: 'neo4j', password: 'test-pw', database: 'neo4j' };
    const env = testChildEnv(
      server,
      { CASELINK_HOME: '/tmp/h' },
      {
        ...analyst,
        NEO4J_AUTH_EXTRA: 'x',
        CASELINK_TEST_NEO4J_URI: 'bolt://127.0.0.1:7688',
        PATH: '/usr/bin',
      },
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      NEO4J_URI: 'bolt://127.0.0.1:7688',
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: 'test-pw',
      NEO4J_DATABASE: 'neo4j',
      CASELINK_HOME: '/tmp/h',
    });
  });
});
