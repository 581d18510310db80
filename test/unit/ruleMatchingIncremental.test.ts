import { describe, expect, it } from 'vitest';
import { findRuleCandidates } from '../../main/core/ruleMatching';
import type { PersonMention, SharedIdentifier } from '../../main/core/matchModel';
import type { MatchCandidate } from '../../main/core/matching';
import { mention } from '../support/mentions';

const phone = (id: string): SharedIdentifier => ({ label: 'Phone', id, display: id });

/** The candidates of a full run that involve one of `ids`. */
const touching = (candidates: MatchCandidate[], ids: Iterable<string>) => {
  const set = new Set(ids);
  return candidates.filter((c) => set.has(c.a) || set.has(c.b));
};

describe('matching only what an import added', () => {
  // Before the import: Ion Popescu twice (a date of birth in one row only), Maria Lungu twice.
  const old: PersonMention[] = [
    mention({ id: 'a', record: 'r1', name: 'Ion Popescu', birthDate: '1990-01-01', identifiers: [phone('p1')] }),
    mention({ id: 'b', record: 'r2', name: 'Ion Popescu', identifiers: [phone('p1')] }),
    mention({ id: 'd', record: 'r4', name: 'Maria Lungu', birthDate: '1985-02-02' }),
    mention({ id: 'e', record: 'r5', name: 'Maria Lungu', birthDate: '1985-02-02' }),
  ];
  // The import: another Ion Popescu, born on another day.
  const added = mention({ id: 'c', record: 'r3', name: 'Ion Popescu', birthDate: '1975-05-05' });
  const all = [...old, added];
  const changed = { persons: new Set(['c']), records: new Set(['r3']) };

  it('scores again the old pairs a new namesake casts doubt on, as a full run scores them', () => {
    const before = findRuleCandidates(old).candidates.find((x) => x.a === 'a' && x.b === 'b');
    const full = findRuleCandidates(all);
    const incremental = findRuleCandidates(all, { changed });
    const ab = incremental.candidates.find((x) => x.a === 'a' && x.b === 'b');
    expect(ab).toBeDefined();
    expect(ab?.score).not.toBe(before?.score);
    expect(incremental.candidates).toEqual(touching(full.candidates, incremental.affected ?? []));
  });

  it('leaves alone the pairs nothing new touches', () => {
    const incremental = findRuleCandidates(all, { changed });
    const full = findRuleCandidates(all);
    expect(new Set(incremental.affected)).toEqual(new Set(['a', 'b', 'c']));
    expect(incremental.compared).toBeLessThan(full.compared);
    expect(incremental.candidates.some((x) => x.a === 'd' || x.b === 'd')).toBe(false);
  });

  it('scores again the mentions of records a new record links into one network', () => {
    // r6 and r7 share nothing until the new record r8 names both their phones.
    const left = mention({ id: 'f', record: 'r6', name: 'Vasile Lungu', recordIdentifiers: [phone('q1')] });
    const right = mention({ id: 'g', record: 'r7', name: 'Vasile Lungu', recordIdentifiers: [phone('q2')] });
    const bridge = mention({
      id: 'h',
      record: 'r8',
      name: 'Elena Marin',
      recordIdentifiers: [phone('q1'), phone('q2')],
    });
    const people = [left, right, bridge];
    const incremental = findRuleCandidates(people, { changed: { persons: new Set(['h']), records: new Set(['r8']) } });
    expect(new Set(incremental.affected)).toEqual(new Set(['f', 'g', 'h']));
    expect(incremental.candidates).toEqual(touching(findRuleCandidates(people).candidates, incremental.affected ?? []));
  });

  it('scores again the mentions of a network an identifier turned hub split, and nothing else', () => {
    // r6, r7 and r9 shared phone q1 until the import made it a hub, which no longer links them.
    const left = mention({ id: 'f', record: 'r6', name: 'Vasile Lungu', recordIdentifiers: [phone('q3')] });
    const right = mention({ id: 'g', record: 'r7', name: 'Vasile Lungu' });
    const third = mention({ id: 'k', record: 'r9', name: 'Ana Marin', recordIdentifiers: [phone('q3')] });
    const apart = mention({ id: 'm', record: 'r10', name: 'Ion Popa' });
    const people = [left, right, third, apart];
    const incremental = findRuleCandidates(people, {
      changed: { persons: new Set(['f', 'g']), records: new Set(), relinked: new Set(['r6', 'r7']) },
    });
    // The network of r6 (with r9) is one the hub split: k is matched again; m, elsewhere, is not.
    expect(new Set(incremental.affected)).toEqual(new Set(['f', 'g', 'k']));
  });

  it('scores again only the proposed pairs of a name that gains one more date of birth beyond the counts the rules act on', () => {
    // Ion Popescu, born on three days already (a common name), and twice with no date of birth.
    const earlier: PersonMention[] = [
      mention({ id: 'a', record: 'r1', name: 'Ion Popescu', birthDate: '1990-01-01', identifiers: [phone('p1')] }),
      mention({ id: 'b', record: 'r2', name: 'Ion Popescu', identifiers: [phone('p1')] }),
      mention({ id: 'd', record: 'r4', name: 'Ion Popescu', birthDate: '1980-03-03' }),
      mention({ id: 'e', record: 'r5', name: 'Ion Popescu', birthDate: '1970-04-04' }),
      mention({ id: 'f', record: 'r6', name: 'Ion Popescu' }),
    ];
    const people = [...earlier, mention({ id: 'c', record: 'r3', name: 'Ion Popescu', birthDate: '1975-05-05' })];
    const before = findRuleCandidates(earlier).candidates;
    const proposed = before.map((x) => [x.a, x.b] as [string, string]);
    expect(proposed).toContainEqual(['a', 'b']);

    const incremental = findRuleCandidates(people, {
      changed: { persons: new Set(['c']), records: new Set(['r3']), proposed },
    });
    // The new mention against the five others, and the one pair proposed before: not all fifteen.
    expect(incremental.compared).toBe(5 + proposed.length);
    const full = findRuleCandidates(people);
    expect(incremental.compared).toBeLessThan(full.compared);
    // The graph after: what stood, less what was withdrawn, with what was proposed again, is what a full run leaves.
    const withdrawn = new Set(incremental.affected);
    const after = [...before.filter((x) => !withdrawn.has(x.a) && !withdrawn.has(x.b)), ...incremental.candidates].sort(
      (x, y) => (x.a + x.b < y.a + y.b ? -1 : 1),
    );
    expect(after).toEqual([...full.candidates].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1)));
    expect(full.candidates.find((x) => x.a === 'a' && x.b === 'b')?.reasons.join(' ')).toContain('4 people');
  });
});
