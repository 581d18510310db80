/**
 * Vitest's order of test files, with the files that start a Neo4j of their own spread through the
 * files of the shared database they run beside. Vitest queues a group's projects one after the
 * other, so those few long files would otherwise all start at once or all come last, and either
 * way run beside each other rather than beside the long chain of shared-database files.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The project of the test files that start, kill and restart a Neo4j of their own. */
export const OWN_NEO4J_PROJECT = 'own-neo4j';

export class SpreadingSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const own = sorted.filter((spec) => spec.project.name === OWN_NEO4J_PROJECT);
    const rest = sorted.filter((spec) => spec.project.name !== OWN_NEO4J_PROJECT);
    const order = own[0]?.project.config.sequence.groupOrder;
    const beside = rest.filter((spec) => spec.project.config.sequence.groupOrder === order);
    if (own.length === 0 || beside.length === 0) return sorted;
    // Own files (longest first, as sorted) go before evenly spaced files of their group.
    const before = new Map<TestSpecification, TestSpecification[]>();
    own.forEach((spec, i) => {
      const anchor = beside[Math.floor((i * beside.length) / own.length)] as TestSpecification;
      before.set(anchor, [...(before.get(anchor) ?? []), spec]);
    });
    return rest.flatMap((spec) => [...(before.get(spec) ?? []), spec]);
  }
}
