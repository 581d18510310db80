import type { PersonMention } from '../../main/core/matching';

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
