import { proposeProfile, type Proposal } from '../../main/core/mappingProposal';

/**
 * The proposal for one sheet of agency X in `country`: `columns` as a header and its sample
 * values, one value per row (a missing value is an empty cell).
 */
export function proposeColumns(country: string, columns: [string, ...(string | null)[]][]): Proposal {
  const header = columns.map(([name]) => name);
  const depth = Math.max(0, ...columns.map((c) => c.length - 1));
  const samples = Array.from({ length: depth }, (_, row) => columns.map((c) => c[row + 1] ?? null));
  return proposeProfile({ agency: 'X', country, header, samples });
}
