import { proposeProfile, type Proposal } from '../../main/core/mappingProposal';
import type { Profile } from '../../main/core/profile';

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

/** Each column as "header → entity(role).field[documentType]", the way an analyst reads a proposal. */
export function summary(profile: Profile): string[] {
  return profile.columns.map((c) => {
    const role = c.entity === 'record' ? '' : `(${profile.entities[c.entity]?.role ?? '?'})`;
    return `${c.column} → ${c.entity}${role}.${c.field}${c.documentType ? `[${c.documentType}]` : ''}`;
  });
}

/** The proposal for `columns` (as {@link proposeColumns}), its columns read by `read`, and what it left unmapped. */
export function propose(
  country: string,
  columns: [string, ...(string | null)[]][],
  read: (profile: Profile) => string[] = summary,
): { mapped: string[]; unmapped: string[] } {
  const proposal = proposeColumns(country, columns);
  return { mapped: read(proposal.profile), unmapped: proposal.unmapped };
}
