/**
 * Scoring free-text extraction against the labelled snippets in snippets.json: per identifier
 * kind, what was found that the label names (true positives), what was found that it does not
 * (inventions) and what the label names that was not found (misses).
 */
import { identifiersInText } from '../../main/core/freeText';
import type { Identifier } from '../../main/core/identifiers';
import data from './snippets.json';

export const KINDS = ['phone', 'email', 'handle', 'iban'] as const;
export type Kind = (typeof KINDS)[number];

export interface Snippet {
  id: number;
  /** The agency's country: national numbers are read by its numbering plan. */
  country: string;
  text: string;
  /** Canonical forms: phone E.164, e-mail lower case, handle platform:handle, IBAN electronic format. */
  expected: Partial<Record<Kind, string[]>>;
}

export const SNIPPETS: Snippet[] = data.snippets;

/** Odd ids are the dev half, even ids the held-out half: fixed before any rule was tuned. */
export type Split = 'dev' | 'held-out';
export const splitOf = (s: Snippet): Split => (s.id % 2 === 1 ? 'dev' : 'held-out');

/** The label of an identifier the extractor found, in the snippets' canonical form. */
export function labelOf(i: Identifier): { kind: Kind; value: string } | null {
  if (i.kind === 'phone' || i.kind === 'email') return { kind: i.kind, value: i.key };
  if (i.kind === 'handle') return { kind: 'handle', value: `${i.subkind}:${i.key}` };
  if (i.kind === 'account' && i.subkind === 'iban') return { kind: 'iban', value: i.key };
  return null;
}

export interface Tally {
  truePositives: number;
  /** "id: value" of each identifier found that the label does not name. */
  inventions: string[];
  /** "id: value" of each labelled identifier not found. */
  misses: string[];
}

export type Score = Record<Kind | 'all', Tally>;

const empty = (): Tally => ({ truePositives: 0, inventions: [], misses: [] });

/** Runs the extractor over each snippet and tallies the results by kind and overall. */
export function score(snippets: readonly Snippet[]): Score {
  const result = Object.fromEntries([...KINDS, 'all'].map((k) => [k, empty()])) as Score;
  for (const snippet of snippets) {
    const found = identifiersInText(snippet.text, snippet.country).identifiers.map(labelOf);
    for (const kind of KINDS) {
      const expected = new Set(snippet.expected[kind] ?? []);
      const got = new Set(found.filter((f) => f?.kind === kind).map((f) => (f as { value: string }).value));
      for (const tally of [result[kind], result.all]) {
        for (const value of got) {
          if (expected.has(value)) tally.truePositives++;
          else tally.inventions.push(`${snippet.id}: ${value}`);
        }
        for (const value of expected) if (!got.has(value)) tally.misses.push(`${snippet.id}: ${value}`);
      }
    }
  }
  return result;
}

/** Precision and recall of a tally; 1 where nothing was found or expected. */
export function rates(t: Tally): { precision: number; recall: number; found: number; expected: number } {
  const found = t.truePositives + t.inventions.length;
  const expected = t.truePositives + t.misses.length;
  return {
    precision: found === 0 ? 1 : t.truePositives / found,
    recall: expected === 0 ? 1 : t.truePositives / expected,
    found,
    expected,
  };
}
