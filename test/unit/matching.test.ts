import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockPairs, findCandidates, resolveMatches, scorePair, type PersonMention } from '../../main/core/matching';
import {
  COMPARISONS,
  comparisonVector,
  factorInWords,
  jw,
  prepareMentions,
  seeded,
  type Prepared,
  type SharedIdentifier,
} from '../../main/core/matchModel';
import { jaroWinkler } from '../../main/core/names';
import { DEFAULT_MATCH_THRESHOLD } from '../../main/core/rules';
import { mention } from '../support/mentions';

// A population the model can learn from: a seeded world of people, each mentioned in one to three
// records of two agencies, some with a typo in the name, a date of birth left out or mistyped.
const GIVEN = [
  'Ion',
  'Maria',
  'Andrei',
  'Elena',
  'Vasile',
  'Ana',
  'Mihai',
  'Ioana',
  'Florin',
  'Daniela',
  'Piotr',
  'Anna',
];
const GIVEN2 = [
  'Tomasz',
  'Olena',
  'Arben',
  'Chloe',
  'Connor',
  'Thu',
  'Minh',
  'Jose',
  'Lucia',
  'Marek',
  'Irina',
  'Nadia',
];
const FAMILY = [
  'Popescu',
  'Ionescu',
  'Rusu',
  'Munteanu',
  'Stoica',
  'Nowak',
  'Kowalski',
  'Hoxha',
  'Smith',
  'Vu',
  'Garcia',
];
const FAMILY2 = ['Lungu', 'Marin', 'Neagu', 'Dumitru', 'Wojcik', 'Shevchenko', 'Brown', 'Nguyen', 'Lopez', 'Moraru'];

function typo(name: string, next: () => number): string {
  const at = 1 + Math.floor(next() * (name.length - 2));
  return name.slice(0, at) + name.slice(at + 1);
}

/** Mentions and, for each, the true person. */
function world(persons = 300, seed = 7): { people: PersonMention[]; personOf: Map<string, number> } {
  const next = seeded(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)] as T;
  const people: PersonMention[] = [];
  const personOf = new Map<string, number>();
  for (let p = 0; p < persons; p++) {
    const given = `${pick(GIVEN)}${next() < 0.5 ? '' : ` ${pick(GIVEN2)}`}`;
    const family = `${pick(FAMILY)}${next() < 0.5 ? '' : `-${pick(FAMILY2)}`}`;
    const birthDate = `${1950 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    const nationality = pick(['RO', 'MD', 'PL', 'GB', 'AL', 'VN']);
    const phone: SharedIdentifier = { label: 'Phone', id: `phone-${p}`, display: `+40 7${String(p).padStart(8, '0')}` };
    const mentions = 1 + Math.floor(next() * 3);
    for (let k = 0; k < mentions; k++) {
      const id = `m${p}-${k}`;
      const roll = next();
      people.push(
        mention({
          id,
          record: `r${p}-${k}`,
          agency: k % 2 ? 'RO-POL' : 'BORDER',
          row: people.length + 2,
          name:
            roll < 0.15
              ? `${given} ${typo(family, next)}`
              : k % 2
                ? `${family.toUpperCase()} ${given}`
                : `${given} ${family}`,
          birthDate: roll > 0.85 ? null : birthDate,
          nationality,
          identifiers: next() < 0.3 ? [phone] : [],
        }),
      );
      personOf.set(id, p);
    }
  }
  return { people, personOf };
}

const { people, personOf } = world();
const same = (a: string, b: string) => personOf.get(a) === personOf.get(b);

function shuffled<T>(list: T[], seed: number): T[] {
  const next = seeded(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('the match model, estimated on the data being resolved', { timeout: 60_000 }, () => {
  const run = resolveMatches(people);
  const proposed = run.candidates.filter((c) => c.score >= DEFAULT_MATCH_THRESHOLD);

  it('proposes the mentions of one person and not namesakes', () => {
    const right = proposed.filter((c) => same(c.a, c.b)).length;
    let truePairs = 0;
    const count = new Map<number, number>();
    for (const p of personOf.values()) count.set(p, (count.get(p) ?? 0) + 1);
    for (const n of count.values()) truePairs += (n * (n - 1)) / 2;
    expect(right / proposed.length).toBeGreaterThanOrEqual(0.98);
    expect(right / truePairs).toBeGreaterThanOrEqual(0.7);
  });

  it('learns that a date of birth one digit off says less against than a different one', () => {
    const dob = run.model.comparisons.dob ?? {};
    const weight = (level: string) => Math.log2((dob[level]?.m ?? 0) / (dob[level]?.u ?? 1));
    expect(weight('exact')).toBeGreaterThan(5);
    expect(weight('different')).toBeLessThan(-2);
    expect(weight('near')).toBeGreaterThan(weight('different'));
  });

  it('counts a common name for less than a rare one (term frequency)', () => {
    const common = Array.from({ length: 30 }, (_, i) =>
      mention({ id: `c${i}`, record: `rc${i}`, name: 'John Smith', birthDate: `19${50 + i}-01-01` }),
    );
    const pair = [
      mention({ id: 'common-a', record: 'ra', name: 'John Smith' }),
      mention({ id: 'common-b', record: 'rb', name: 'John Smith' }),
      mention({ id: 'rare-a', record: 'rc', name: 'Zbigniew Brzęczyszczykiewicz' }),
      mention({ id: 'rare-b', record: 'rd', name: 'Zbigniew Brzeczyszczykiewicz' }),
    ];
    const all = [...people, ...common, ...pair];
    const { fitted } = resolveMatches(all);
    const prepared = prepareMentions(all);
    const score = (a: string, b: string) =>
      scorePair(
        fitted,
        prepared.find((p) => p.mention.id === a) as Prepared,
        prepared.find((p) => p.mention.id === b) as Prepared,
      ).score;
    expect(score('rare-a', 'rare-b')).toBeGreaterThan(score('common-a', 'common-b'));
  });

  it('counts one shared word of the names by how common the word is (a rare family name over a common given name)', () => {
    const ions = Array.from({ length: 30 }, (_, i) =>
      mention({
        id: `ion${i}`,
        record: `ri${i}`,
        name: `Ion ${FAMILY2[i % FAMILY2.length]}`,
        birthDate: `19${60 + (i % 30)}-02-02`,
      }),
    );
    const pair = [
      mention({ id: 'given-a', record: 'rga', name: 'Ion Popescu', birthDate: '1980-05-05' }),
      mention({ id: 'given-b', record: 'rgb', name: 'Ion Szymborski', birthDate: '1980-05-05' }),
      mention({ id: 'family-a', record: 'rfa', name: 'Anca Brzęczyszczykiewicz', birthDate: '1981-06-06' }),
      mention({ id: 'family-b', record: 'rfb', name: 'Teodora Brzeczyszczykiewicz', birthDate: '1981-06-06' }),
    ];
    const all = [...people, ...ions, ...pair];
    const { fitted } = resolveMatches(all);
    const prepared = prepareMentions(all);
    const find = (id: string) => prepared.find((p) => p.mention.id === id) as Prepared;
    const given = scorePair(fitted, find('given-a'), find('given-b'));
    const family = scorePair(fitted, find('family-a'), find('family-b'));
    expect(family.score).toBeGreaterThan(given.score);
    expect(family.reasons).toContainEqual(
      expect.stringMatching(/'brzeczyszczykiewicz' a word 2 mentions in the data bear/),
    );
  });

  it('gives reasons in words, each with its weight and where it was written, strongest first', () => {
    const a = mention({
      id: 'za',
      record: 'rza',
      name: 'Ion Popescu',
      birthDate: '1991-03-04',
      nationality: 'RO',
      identifiers: [{ label: 'Phone', id: 'p-za', display: '+40 721 234 567' }],
    });
    const b = mention({
      id: 'zb',
      record: 'rzb',
      agency: 'RO-POL',
      fileName: 'persoane.xlsx',
      sheet: 'Persoane',
      row: 17,
      name: 'Йон Попеску',
      nameLatin: 'Ion Popescu',
      birthDate: '1991-03-04',
      nationality: 'Romanian',
      identifiers: [{ label: 'Phone', id: 'p-za', display: '+40 721 234 567' }],
    });
    const found = resolveMatches([...people, a, b]).candidates.find((c) => c.a === 'za' && c.b === 'zb');
    expect(found?.score).toBeGreaterThan(0.99);
    const reasons = found?.reasons ?? [];
    expect(reasons).toContainEqual(
      expect.stringMatching(
        /^the same date of birth 1991-03-04 \(BORDER encounters\.csv Sheet1 row 2; RO-POL persoane\.xlsx Persoane row 17\): about [\d,.]+ times more likely if they are the same person$/,
      ),
    );
    expect(reasons).toContainEqual(
      expect.stringMatching(/^a phone, account, e-mail or handle both used phone \+40 721 234 567 /),
    );
    const factors = reasons.map((r) => Number(/about ([\d,.]+) times/.exec(r)?.[1]?.replace(/,/g, '') ?? 1));
    expect(factors[0]).toBeGreaterThanOrEqual(factors[factors.length - 1] as number);
  });

  it('does not propose namesakes with different dates of birth', () => {
    const extra = [
      mention({ id: 'na', record: 'rna', name: 'Ion Popescu', birthDate: '1991-03-04' }),
      mention({ id: 'nb', record: 'rnb', name: 'Ion Popescu', birthDate: '1975-11-20' }),
    ];
    const { fitted } = resolveMatches([...people, ...extra]);
    const [na, nb] = prepareMentions(extra) as [Prepared, Prepared];
    expect(scorePair(fitted, na, nb).score).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });

  it('says how much less likely a difference makes it', () => {
    expect(factorInWords(200)).toBe('about 200 times more likely if they are the same person');
    expect(factorInWords(1 / 40)).toBe('about 40 times less likely if they are the same person');
    expect(factorInWords(1.04)).toBe('about as likely either way');
  });

  it('takes a nationality it cannot read as missing, never as different', () => {
    const [x, y] = prepareMentions([
      mention({ id: 'a', nationality: 'Narnian' }),
      mention({ id: 'b', record: 'r2', nationality: 'RO' }),
    ]) as [Prepared, Prepared];
    expect(comparisonVector(x, y)[COMPARISONS.findIndex((c) => c.key === 'nationality')]).toBe(-1);
  });
});

describe('the match model on a graph too small to learn from', () => {
  const passport = (id: string): SharedIdentifier => ({
    label: 'Document',
    id,
    key: 'AB1234567',
    kind: 'PASSPORT',
    display: 'RO passport AB1234567',
  });
  const three = [
    mention({
      id: 'a',
      record: 'ra',
      name: 'Ion Popescu',
      birthDate: '1991-03-04',
      nationality: 'RO',
      identifiers: [passport('d1')],
    }),
    mention({
      id: 'b',
      record: 'rb',
      agency: 'RO-POL',
      fileName: 'persoane.xlsx',
      name: 'POPESCU Ion',
      birthDate: '1991-03-04',
      nationality: 'RO',
      identifiers: [passport('d1')],
    }),
    mention({ id: 'c', record: 'rc', name: 'Maria Ionescu', birthDate: '1984-11-20', nationality: 'MD' }),
  ];

  it('proposes one person written twice (same name, date of birth and passport), and nobody else', () => {
    const proposed = findCandidates(three).filter((c) => c.score >= DEFAULT_MATCH_THRESHOLD);
    expect(proposed.map((c) => [c.a, c.b])).toEqual([['a', 'b']]);
  });

  it('does not propose two namesakes of a tiny graph with different dates of birth', () => {
    const namesakes = [
      mention({ id: 'a', record: 'ra', name: 'Ion Popescu', birthDate: '1991-03-04' }),
      mention({ id: 'b', record: 'rb', name: 'Ion Popescu', birthDate: '1975-11-20' }),
      mention({ id: 'c', record: 'rc', name: 'Maria Ionescu', birthDate: '1984-11-20' }),
    ];
    expect(findCandidates(namesakes).filter((c) => c.score >= DEFAULT_MATCH_THRESHOLD)).toEqual([]);
  });
});

describe('comparison levels for the typos of real files', () => {
  const levelOf = (comparison: string, a: Partial<PersonMention>, b: Partial<PersonMention>) => {
    const [x, y] = prepareMentions([
      mention({ id: 'a', record: 'ra', ...a }),
      mention({ id: 'b', record: 'rb', ...b }),
    ]) as [Prepared, Prepared];
    const c = COMPARISONS.findIndex((s) => s.key === comparison);
    return COMPARISONS[c]?.levels[comparisonVector(x, y)[c] as number]?.key;
  };
  const doc = (id: string, key: string): SharedIdentifier => ({
    label: 'Document',
    id,
    key,
    kind: 'ID_CARD',
    display: key,
  });
  const address = (id: string, key: string): SharedIdentifier => ({ label: 'Address', id, key, display: key });

  it('takes two neighbouring digits swapped as one typo, in a document number and a date of birth', () => {
    expect(levelOf('document', { identifiers: [doc('d1', '1125271')] }, { identifiers: [doc('d2', '1125721')] })).toBe(
      'oneEdit',
    );
    expect(levelOf('dob', { birthDate: '1938-04-11' }, { birthDate: '1938-04-11' })).toBe('exact');
    expect(levelOf('dob', { birthDate: '1938-04-12' }, { birthDate: '1938-04-21' })).toBe('near');
  });

  it('tells a shared family name from a name with a typo', () => {
    expect(levelOf('name', { name: 'Maria Dumitru' }, { name: 'Andrei DUMITRU' })).toBe('oneWord');
    expect(levelOf('name', { name: 'Lucy Alddrson' }, { name: 'Thomas ALDERSON' })).toBe('oneWord');
    expect(levelOf('name', { name: 'Mitchell Whte' }, { name: 'Mitchell WHITE' })).toBe('jw92');
  });

  it('finds addresses alike through a typo or two words run together, but not a neighbour', () => {
    const a = address('x1', 'AU|||2159 4 camelot est rosslea street temperley');
    const typo = address('x2', 'AU|||2195 4 camelot est rossle street temperley');
    const runTogether = address('x3', 'AU|||2159 4 camelot est rosslea streettemperley');
    const neighbour = address('x4', 'AU|||2159 6 camelot est rosslea street temperley');
    expect(levelOf('ties', { identifiers: [a] }, { identifiers: [typo] })).toBe('similarAddress');
    expect(levelOf('ties', { identifiers: [a] }, { identifiers: [runTogether] })).toBe('similarAddress');
    expect(levelOf('ties', { identifiers: [a] }, { identifiers: [neighbour] })).toBe('different');
  });
});

describe('word similarity', () => {
  it('gives the published Jaro-Winkler values, whatever was compared before, and 0 for a word longer than a name', () => {
    const long = 'x'.repeat(200);
    expect(jaroWinkler(long, `${long}y`)).toBeGreaterThan(0.99);
    expect(jw('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jw('dwayne', 'duane')).toBeCloseTo(0.84, 3);
    expect(jw('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jw(long, `${long}y`)).toBe(0);
    expect(jw(long, long)).toBe(1);
  });
});

describe('blocking', { timeout: 60_000 }, () => {
  it('compares a document typo with a name typo: blocked by the document number one edit apart', () => {
    const doc = (id: string, key: string): SharedIdentifier => ({
      label: 'Document',
      id,
      key,
      kind: 'PASSPORT',
      display: `RO passport ${key}`,
    });
    const prepared = prepareMentions([
      mention({ id: 'a', name: 'Gheorghe Stanescu', identifiers: [doc('d1', '059123456')] }),
      mention({ id: 'b', record: 'r2', name: 'Gehorghe Stanecsu', identifiers: [doc('d2', '059123457')] }),
    ]);
    expect(blockPairs(prepared).a).toHaveLength(1);
  });

  it('drops a block over the cap and counts it', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      mention({
        id: `s${i}`,
        record: `r${i}`,
        name: `Person ${String.fromCharCode(97 + i)}x${i}`,
        birthDate: '1990-01-01',
      }),
    );
    const blocked = blockPairs(prepareMentions(many), 10);
    expect(blocked.droppedBlocks).toBeGreaterThanOrEqual(1);
  });
});

describe('symmetry and determinism', { timeout: 60_000 }, () => {
  const { fitted } = resolveMatches(people);
  const prepared = prepareMentions(people);

  it('scores a pair, with its reasons, the same whichever mention comes first', () => {
    fc.assert(
      fc.property(fc.nat(prepared.length - 1), fc.nat(prepared.length - 1), (i, j) => {
        fc.pre(i !== j);
        const a = prepared[i] as Prepared;
        const b = prepared[j] as Prepared;
        expect(scorePair(fitted, a, b)).toEqual(scorePair(fitted, b, a));
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('finds the same candidates, scores and reasons whatever the order of the mentions', () => {
    const first = findCandidates(people);
    expect(first.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (seed) => {
        expect(findCandidates(shuffled(people, seed))).toEqual(first);
      }),
      { numRuns: 3, seed: 7 },
    );
  }, 60_000);
});
