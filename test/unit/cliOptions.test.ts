import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatSeconds, plural } from '../../main/cli/format';
import {
  agencyCode,
  country,
  exitCodeOf,
  integerIn,
  isoDate,
  numberIn,
  oneOf,
  repeatable,
} from '../../main/cli/options';

const refused = (parse: () => unknown) => expect(parse).toThrow(InvalidArgumentError);

describe('command-line option parsers', () => {
  it('takes whole numbers within bounds and refuses anything else', () => {
    const limit = integerIn(1, 100_000);
    expect(limit('50')).toBe(50);
    expect(limit(' 100000 ')).toBe(100_000);
    for (const bad of ['abc', '', '1.5', '1e3', '0', '100001', '-1', '0x10', 'NaN', 'Infinity'])
      refused(() => limit(bad));
    expect(() => limit('abc')).toThrow('Give a whole number from 1 to 100,000.');
  });

  it('takes decimal numbers within bounds', () => {
    const score = numberIn(0, 1);
    expect(score('0.85')).toBe(0.85);
    expect(score('.5')).toBe(0.5);
    for (const bad of ['2', '-0.1', 'x', '', '1e-1']) refused(() => score(bad));
  });

  it('reads countries as codes or names, and refuses what is not one', () => {
    expect(country('gb')).toBe('GB');
    expect(country('ROU')).toBe('RO');
    expect(country('Romania')).toBe('RO');
    for (const bad of ['ZZ', 'XX', 'Atlantis', '']) refused(() => country(bad));
  });

  it('upper-cases agency codes and refuses malformed ones', () => {
    expect(agencyCode('nl-kmar')).toBe('NL-KMAR');
    for (const bad of ['X', 'a b', '-AB', 'A'.repeat(33)]) refused(() => agencyCode(bad));
  });

  it('takes one word of a fixed list, and collects repeated values', () => {
    const kinds = repeatable(oneOf(['phone', 'email'] as const));
    expect(kinds('email', kinds('phone'))).toEqual(['phone', 'email']);
    expect(() => kinds('phones')).toThrow('Choose one of: phone, email.');
  });

  it('takes ISO dates that exist', () => {
    expect(isoDate('2026-02-28')).toBe('2026-02-28');
    expect(isoDate('2026-03-01T09:30:00Z')).toBe('2026-03-01T09:30:00Z');
    for (const bad of ['2026-02-30', '01/03/2026', '2026-13-01', '2026-03-01T25:00', 'yesterday'])
      refused(() => isoDate(bad));
  });

  it('maps each kind of error to its exit code', () => {
    expect(exitCodeOf('InvalidInput')).toBe(2);
    expect(exitCodeOf('ConnectionUnavailable')).toBe(3);
    expect(exitCodeOf('NotFound')).toBe(4);
    expect(exitCodeOf('FileRejected')).toBe(1);
    expect(exitCodeOf('AuthFailed')).toBe(1);
  });
});

describe('counts as the command line prints them', () => {
  it('agrees in number and separates thousands', () => {
    expect(plural(1, 'source')).toBe('1 source');
    expect(plural(0, 'source')).toBe('0 sources');
    expect(plural(1234, 'problem')).toBe('1,234 problems');
    expect(plural(2, 'match')).toBe('2 matches');
    expect(plural(1, 'new record')).toBe('1 new record');
    expect(formatNumber(1_000_000)).toBe('1,000,000');
  });

  it('gives durations in seconds or minutes', () => {
    expect(formatSeconds(0.42)).toBe('0.4 s');
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(185)).toBe('3 min 05 s');
  });
});
