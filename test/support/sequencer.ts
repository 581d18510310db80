/**
 * Vitest's order of test files. The files of the shared test database (the integration and the
 * end-to-end tests) run one at a time (they take turns, test/support/databaseTurns.ts); the files
 * that do not need it (the unit, renderer and browser tests, and those that start a Neo4j of their
 * own) run in the group's second worker beside them.
 * Vitest queues a group's projects one after the other, so those files would otherwise all wait
 * until the last shared-database file had started; here they are spread evenly through the
 * shared-database files, the own-Neo4j files (the longest) first wherever they fall.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The projects whose files use the shared test database, one file at a time. */
export const SHARED_DATABASE_PROJECTS = ['integration', 'e2e'];
/** The project of the test files that start, kill and restart a Neo4j of their own. */
export const OWN_NEO4J_PROJECT = 'own-neo4j';

export class SpreadingSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const shared = sorted.filter((spec) => SHARED_DATABASE_PROJECTS.includes(spec.project.name));
    const order = shared[0]?.project.config.sequence.groupOrder;
    const beside = sorted.filter(
      (spec) =>
        !SHARED_DATABASE_PROJECTS.includes(spec.project.name) && spec.project.config.sequence.groupOrder === order,
    );
    if (shared.length === 0 || beside.length === 0) return sorted;
    const before = new Map<TestSpecification, TestSpecification[]>();
    const spread = (extra: TestSpecification[]) =>
      extra.forEach((spec, i) => {
        const anchor = shared[Math.floor((i * shared.length) / extra.length)] as TestSpecification;
        before.set(anchor, [...(before.get(anchor) ?? []), spec]);
      });
    spread(beside.filter((spec) => spec.project.name === OWN_NEO4J_PROJECT));
    spread(beside.filter((spec) => spec.project.name !== OWN_NEO4J_PROJECT));
    const placed = new Set(beside);
    return sorted.filter((spec) => !placed.has(spec)).flatMap((spec) => [...(before.get(spec) ?? []), spec]);
  }
}
