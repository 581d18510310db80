import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchContext } from '../../main/core/ruleMatching';
import type { PersonMention } from '../../main/core/matchModel';
import { mention } from '../support/mentions';

/** Records joined through shared identifiers, found the slow way: a walk from each record. */
function components(people: PersonMention[]): string[][] {
  const idsOf = new Map<string, Set<string>>();
  for (const p of people) {
    const ids = idsOf.get(p.record) ?? new Set<string>();
    for (const i of p.recordIdentifiers) ids.add(i.id);
    idsOf.set(p.record, ids);
  }
  const seen = new Set<string>();
  const found: string[][] = [];
  for (const start of idsOf.keys()) {
    if (seen.has(start)) continue;
    const group: string[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const record = queue.pop() as string;
      group.push(record);
      for (const [other, ids] of idsOf)
        if (!seen.has(other) && [...ids].some((id) => idsOf.get(record)?.has(id))) {
          seen.add(other);
          queue.push(other);
        }
    }
    found.push(group.sort());
  }
  return found.sort((x, y) => (x[0] as string).localeCompare(y[0] as string));
}

describe('networks of records for matching', () => {
  it('are the records joined by shared identifiers, each network with its size', () => {
    const row = fc.record({
      record: fc.integer({ min: 0, max: 14 }),
      ids: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const people = rows.map((r, i) =>
          mention({
            id: `p${i}`,
            record: `r${r.record}`,
            recordIdentifiers: r.ids.map((n) => ({ label: 'Phone', id: `ph${n}`, display: `${n}` })),
          }),
        );
        // Every mention of one record gives the record's identifiers.
        const ofRecord = new Map<string, PersonMention['recordIdentifiers']>();
        for (const p of people) ofRecord.set(p.record, [...(ofRecord.get(p.record) ?? []), ...p.recordIdentifiers]);
        for (const p of people) p.recordIdentifiers = ofRecord.get(p.record) ?? [];
        const { networkOf, networkSize } = matchContext(people);
        const byNetwork = new Map<string, string[]>();
        for (const [record, network] of networkOf) byNetwork.set(network, [...(byNetwork.get(network) ?? []), record]);
        const got = [...byNetwork.values()]
          .map((g) => g.sort())
          .sort((x, y) => (x[0] as string).localeCompare(y[0] as string));
        expect(got).toEqual(components(people));
        for (const [network, records] of byNetwork) {
          expect(networkSize.get(network)).toBe(records.length);
          expect(records).toContain(network);
        }
      }),
      { numRuns: 300 },
    );
  });
});
