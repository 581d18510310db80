/**
 * What Neo4j keys its plan cache by, beside a statement's text: the Cypher types of its
 * parameters. Used by the tests that check each workspace statement is sent one mix of types
 * (workspacePlans) and that the launcher's warm-up sends the same mix (warmupQuestions). Kept
 * beside those two files, not in test/support: the recording database passes on whatever
 * statement it is given, which the registry's check of test/support rightly refuses.
 */
import neo4j from 'neo4j-driver';
import { toCypherParams, type Database, type Params } from '../../main/db/database';

/**
 * A parameter's Cypher type as Neo4j keys its plan cache by: an empty list, a list of strings and
 * a list of maps are three types, as are null, a string, a whole number and a fraction; a map is
 * one type whatever it holds.
 */
function cypherType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (neo4j.isInt(value)) return 'integer';
  if (typeof value === 'number') return 'float';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value;
  if (Array.isArray(value)) return `list<${[...new Set(value.map(cypherType))].sort().join('|')}>`;
  return 'map';
}

/** The parameter types of one run of a statement, as the driver sends them. */
export function paramTypes(params: Params = {}): string {
  const sent = toCypherParams(params) as Params;
  return Object.keys(sent)
    .sort()
    .map((k) => `${k}: ${cypherType(sent[k])}`)
    .join(', ');
}

/** The real database, keeping the parameter types each statement ran with, by statement. */
export function recordingTypes(db: Database): { db: Database; types: Map<string, Set<string>> } {
  const types = new Map<string, Set<string>>();
  const keep = (name: string, params?: Params) => {
    const seen = types.get(name) ?? new Set<string>();
    seen.add(paramTypes(params));
    types.set(name, seen);
  };
  return {
    types,
    db: {
      ...db,
      read: (name, params) => {
        keep(name, params);
        return db.read(name, params);
      },
      readWork: (label, work) =>
        db.readWork(label, (run) =>
          work((name, params) => {
            keep(name, params);
            return run(name, params);
          }),
        ),
    },
  };
}
