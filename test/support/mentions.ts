import type { PersonMention } from '../../main/core/matching';
import type { SharedIdentifier } from '../../main/core/matchModel';
import { findRuleCandidates } from '../../main/core/ruleMatching';

/** A person mention for matching tests: a border encounter row unless told otherwise. */
export const mention = (over: Partial<PersonMention>): PersonMention => ({
  id: 'x',
  record: 'r1',
  caseRef: null,
  recordRef: null,
  agency: 'BORDER',
  fileName: 'encounters.csv',
  sheet: 'Sheet1',
  row: 2,
  name: null,
  nameLatin: null,
  birthDate: null,
  nationality: null,
  identifiers: [],
  recordIdentifiers: [],
  ...over,
});

/** A phone shared between mentions. */
export const phone = (id: string, display: string): SharedIdentifier => ({ label: 'Phone', id, display });

/** A Romanian passport by its number. */
export const passport = (number: string): SharedIdentifier => ({
  label: 'Document',
  id: `doc-${number}`,
  display: `RO passport ${number}`,
  key: number,
  kind: 'PASSPORT',
});

/** The candidate for a pair, as resolution by the rules proposes it from all the mentions. */
export function candidate(people: PersonMention[], a: string, b: string) {
  return findRuleCandidates(people).candidates.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));
}
