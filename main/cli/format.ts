/**
 * Numbers and counts as the command line prints them: thousands separated, nouns agreeing with
 * their number. British English, like the rest of Caselink's text, whatever the terminal's locale,
 * so that output is the same on every machine and in the tests.
 */
const numbers = new Intl.NumberFormat('en-GB');

/** `1,234`. */
export function formatNumber(n: number): string {
  return numbers.format(n);
}

/** Nouns whose plural is not the singular with an `s`. */
const IRREGULAR: Record<string, string> = {
  match: 'matches',
  address: 'addresses',
  person: 'persons',
  hub: 'hubs',
  identity: 'identities',
  entity: 'entities',
  agency: 'agencies',
  candidate: 'candidates',
};

/** The noun for `n` of it: `plural(1, 'source')` is `1 source`, `plural(1234, 'row')` `1,234 rows`. */
export function plural(n: number, one: string, many = IRREGULAR[one] ?? `${one}s`): string {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

/** A duration as `0.4 s`, `42 s` or `3 min 05 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${Math.max(0, seconds).toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
