/**
 * The kinds of value `normalize` reads, apart from normalize.ts so that the command line can offer
 * them without loading the phone-number tables and the row mapper (see contract/choices.ts).
 */
export const NORMALIZE_KINDS = [
  'phone',
  'address',
  'account',
  'email',
  'handle',
  'document',
  'vehicle',
  'name',
  'country',
] as const;
