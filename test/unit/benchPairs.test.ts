import { describe, expect, it } from 'vitest';
import { febrlPerson, febrlTruePairs, pairKey, scorePairs } from '../../bench/pairs';

describe('FEBRL record ids', () => {
  it('reads the person from an original and from each duplicate', () => {
    expect(febrlPerson('rec-123-org')).toBe('123');
    expect(febrlPerson('rec-123-dup-0')).toBe('123');
    expect(febrlPerson(' rec-7-dup-12 ')).toBe('7');
  });

  it('refuses ids that are not FEBRL’s, so they never join a true pair', () => {
    for (const id of ['rec-123', 'rec-12a-org', 'rec-1-dup', 'rec-1-copy-0', '123', 'rec-1-org-x'])
      expect(febrlPerson(id)).toBeNull();
  });
});

describe('true pairs of a FEBRL set', () => {
  it('pairs every two rows of one person, across files and within one file', () => {
    const truth = febrlTruePairs([
      { location: 'a.xlsx|2', recId: 'rec-1-org' },
      { location: 'b.csv|9', recId: 'rec-1-dup-0' },
      { location: 'b.csv|4', recId: 'rec-1-dup-1' },
      { location: 'a.xlsx|3', recId: 'rec-2-org' },
      { location: 'a.xlsx|5', recId: 'rec-3-org' },
      { location: 'b.csv|2', recId: 'rec-3-dup-0' },
    ]);
    expect([...truth].sort()).toEqual(
      [
        pairKey('a.xlsx|2', 'b.csv|9'),
        pairKey('a.xlsx|2', 'b.csv|4'),
        pairKey('b.csv|9', 'b.csv|4'),
        pairKey('a.xlsx|5', 'b.csv|2'),
      ].sort(),
    );
  });

  it('names the row whose id is not FEBRL’s', () => {
    expect(() => febrlTruePairs([{ location: 'a.xlsx|2', recId: 'person 1' }])).toThrow(/a\.xlsx\|2/);
  });
});

describe('pairwise scores', () => {
  it('gives one key to a pair whichever side comes first', () => {
    expect(pairKey('b|2', 'a|9')).toBe(pairKey('a|9', 'b|2'));
  });

  it('counts precision, recall and F1 against the true pairs', () => {
    const truth = new Set([pairKey('a', 'b'), pairKey('c', 'd'), pairKey('e', 'f'), pairKey('g', 'h')]);
    const s = scorePairs(new Set([pairKey('b', 'a'), pairKey('d', 'c'), pairKey('a', 'c')]), truth);
    expect(s).toMatchObject({ predicted: 3, truth: 4, hits: 2 });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(1 / 2);
    expect(s.f1).toBeCloseTo(4 / 7);
  });

  it('scores nothing proposed as precise but recalling nothing', () => {
    expect(scorePairs(new Set(), new Set([pairKey('a', 'b')]))).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });
});
