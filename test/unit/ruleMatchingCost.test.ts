import { describe, expect, it, vi } from 'vitest';
import type { PersonMention } from '../../main/core/matchModel';
import { mention } from '../support/mentions';
import type * as Metaphone from 'double-metaphone';
import type * as Countries from '../../main/core/countries';

/** How often matching asked each costly question, counted through the modules it asks. */
const asked = vi.hoisted(() => ({ sounds: 0, countries: 0 }));

vi.mock('double-metaphone', async (importOriginal) => {
  const actual = await importOriginal<typeof Metaphone>();
  return {
    ...actual,
    doubleMetaphone: (value: string) => {
      asked.sounds++;
      return actual.doubleMetaphone(value);
    },
  };
});
vi.mock('../../main/core/countries', async (importOriginal) => {
  const actual = await importOriginal<typeof Countries>();
  return {
    ...actual,
    countryCode: (text: string | null | undefined) => {
      asked.countries++;
      return actual.countryCode(text);
    },
  };
});

const { findRuleCandidates } = await import('../../main/core/ruleMatching');

const SPELLINGS = ['Ion Popescu', 'Ioan Popescu', 'Ion Popesku', 'Yon Popescu'];
const NATIONALITIES = ['Romanian', 'Moldovan', 'română'];
const GIVEN = ['Adrian', 'Bogdan', 'Ciprian', 'Dorin', 'Emil', 'Florin', 'Gelu', 'Horia'];
const FAMILY = ['Marin', 'Nistor', 'Oprea', 'Pavel', 'Radu', 'Stan', 'Toma', 'Ursu', 'Vlad', 'Zamfir'];

/**
 * Forty rows, each naming a man written one of four ways and four people with him, each under
 * a name of their own: every pair of the forty is compared (780 pairs).
 */
function rows(): PersonMention[] {
  const people: PersonMention[] = [];
  for (let r = 0; r < 40; r++) {
    const record = `r${r}`;
    people.push(
      mention({
        id: `p${r}`,
        record,
        row: r + 2,
        name: SPELLINGS[r % SPELLINGS.length] as string,
        nationality: NATIONALITIES[r % NATIONALITIES.length] as string,
      }),
    );
    for (let k = 0; k < 4; k++) {
      const n = r * 4 + k;
      people.push(
        mention({
          id: `c${n}`,
          record,
          row: r + 2,
          name: `${GIVEN[n % GIVEN.length] as string} ${FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length] as string}`,
        }),
      );
    }
  }
  return people;
}

describe('the cost of rules matching', () => {
  it('asks each word its sound and each nationality its country once, however many pairs hold them', () => {
    const people = rows();
    const words = new Set(people.flatMap((p) => (p.name ?? '').toLowerCase().split(' ')));
    const found = findRuleCandidates(people);
    expect(found.compared).toBeGreaterThanOrEqual(780);
    // Before, each pair asked again: 80,360 sounds (three per pair of words compared) and 1,720
    // countries (two per pair) here; at 100,000 records that was a quarter of resolving.
    expect(asked.sounds).toBeLessThanOrEqual(words.size);
    expect(asked.countries).toBeLessThanOrEqual(NATIONALITIES.length);
  });
});

describe('what rules matching reads of each mention', () => {
  it("reads a mention's names a few times in all, not again for each pair it is in", () => {
    // Forty people of one name, born on forty days: one block, 780 pairs compared, none kept.
    const reads = new Map<string, number>();
    const people = Array.from({ length: 40 }, (_, i) => {
      const plain = mention({
        id: `n${i}`,
        record: `r${i}`,
        row: i + 2,
        name: 'Ion Popescu',
        birthDate: `19${String(50 + i)}-0${(i % 9) + 1}-1${i % 10}`,
        nationality: 'Romanian',
      });
      return new Proxy(plain, {
        get(target, property, receiver) {
          if (property === 'name' || property === 'nameLatin') reads.set(target.id, (reads.get(target.id) ?? 0) + 1);
          return Reflect.get(target, property, receiver) as unknown;
        },
      });
    });
    const found = findRuleCandidates(people);
    expect(found.compared).toBe(780);
    expect(found.candidates).toEqual([]);
    // Before, each of the 39 pairs a mention is in read its names again (162 reads a
    // mention here); at 100,000 records a mention is in about ninety pairs.
    expect(Math.max(...reads.values())).toBeLessThanOrEqual(12);
  });
});
