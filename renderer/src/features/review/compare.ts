import type { MatchSideDto } from '../../../../main/contract/api';

/** One line of the side-by-side comparison. */
export interface ComparedField {
  label: string;
  a: string | null;
  b: string | null;
  /**
   * `differs` when both sides say something and it is not the same, `one-side` when only one
   * does, `same` otherwise. Provenance (agency, where, case) is never marked: it differs by design.
   */
  agreement: 'same' | 'differs' | 'one-side';
}

const PERSON_FIELDS: { label: string; value(side: MatchSideDto): string | null }[] = [
  { label: 'Name', value: (s) => s.name },
  { label: 'Latin name', value: (s) => s.nameLatin },
  { label: 'Date of birth', value: (s) => s.birthDate },
  { label: 'Nationality', value: (s) => s.nationality },
  { label: 'Gender', value: (s) => s.gender },
  { label: 'Role', value: (s) => s.role },
];

const PROVENANCE_FIELDS: { label: string; value(side: MatchSideDto): string | null }[] = [
  { label: 'Agency', value: (s) => s.agency },
  { label: 'File › sheet › row', value: (s) => `${s.fileName} › ${s.sheet} › row ${s.row}` },
  { label: 'Case ref', value: (s) => s.caseRef },
];

function present(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

/** Case and spacing are not differences a reviewer needs pointed out. */
function comparable(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** The two mentions field by field: first what describes the person, then where each comes from. */
export function compareMentions(
  a: MatchSideDto,
  b: MatchSideDto,
): { person: ComparedField[]; provenance: ComparedField[] } {
  const person = PERSON_FIELDS.map(({ label, value }) => {
    const va = present(value(a));
    const vb = present(value(b));
    let agreement: ComparedField['agreement'] = 'same';
    if ((va === null) !== (vb === null)) agreement = 'one-side';
    else if (va !== null && vb !== null && comparable(va) !== comparable(vb)) agreement = 'differs';
    return { label, a: va, b: vb, agreement };
  });
  const provenance = PROVENANCE_FIELDS.map(({ label, value }) => ({
    label,
    a: present(value(a)),
    b: present(value(b)),
    agreement: 'same' as const,
  }));
  return { person, provenance };
}
