import { describe, expect, it } from 'vitest';
import type { PersonMention } from '../../main/core/matchModel';
import { ruleBlocks } from '../../main/core/ruleMatching';
import { mention, passport, phone } from '../support/mentions';

const GIVEN = ['Ion', 'Ioan', 'Maria', 'Elena', 'Andrei', 'Mihai', 'Ana', 'Gheorghe'];
const FAMILY = ['Popescu', 'Popesku', 'Ionescu', 'Stan', 'Marin', 'Radu', 'Dumitru'];

/** Rows naming one or two people each, with names, dates of birth, phones and passports that recur now and then. */
function rows(count: number): PersonMention[] {
  const people: PersonMention[] = [];
  for (let r = 0; r < count; r++) {
    const record = `r${r}`;
    const shared = phone(`Phone|+4074000${r % 17}`, `+40 740 00${r % 17}`);
    const document = passport(`05${String((r * 7919) % 100_000).padStart(5, '0')}${r % 3}`);
    people.push(
      mention({
        id: `p${r}`,
        record,
        row: r + 2,
        name: `${GIVEN[r % GIVEN.length]} ${FAMILY[(r * 3) % FAMILY.length]}`,
        birthDate: r % 4 === 0 ? null : `19${70 + (r % 23)}-0${1 + (r % 9)}-1${r % 10}`,
        identifiers: r % 5 === 0 ? [shared, document] : [document],
        recordIdentifiers: r % 5 === 0 ? [shared] : [],
      }),
    );
    if (r % 3 === 0)
      people.push(mention({ id: `c${r}`, record, row: r + 2, name: `${GIVEN[(r + 3) % GIVEN.length]} Vasile` }));
  }
  return people;
}

describe('rule blocks', () => {
  it('are the same whatever the size of the table that counts the keys', () => {
    const people = rows(300);
    const roomy = ruleBlocks(people);
    // Two slots: every key shares its slot with another's, so none is left out in the first pass.
    const crowded = ruleBlocks(people, 1);
    expect(roomy.count).toBeGreaterThan(20);
    expect(crowded.count).toBe(roomy.count);
    expect([...crowded.start]).toEqual([...roomy.start]);
    expect([...crowded.members]).toEqual([...roomy.members]);
  });

  it('hold more than one mention each, in ascending order, and none of a key one mention alone holds', () => {
    const people = rows(300);
    const { count, start, members } = ruleBlocks(people, 1);
    for (let k = 0; k < count; k++) {
      const of = [...members.subarray(start[k], start[k + 1])];
      expect(of.length).toBeGreaterThan(1);
      expect(of).toEqual([...of].sort((x, y) => x - y));
    }
    // Nothing in common: no block at all, however crowded the table.
    const apart = [
      mention({ id: 'a', record: 'ra', name: 'Ion Popescu', birthDate: '1980-01-01' }),
      mention({ id: 'b', record: 'rb', name: 'Maria Dumitru', birthDate: '1991-02-03' }),
    ];
    expect(ruleBlocks(apart, 1).count).toBe(0);
  });
});
