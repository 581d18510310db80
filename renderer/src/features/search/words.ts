import type { ChartEdgeKind, ChartNodeKind } from '../../../../main/contract/workspaceTypes';

/** A node kind as investigators say it, singular and plural. */
export const KIND_WORDS: Record<ChartNodeKind, [string, string]> = {
  person: ['Person', 'Persons'],
  organization: ['Organisation', 'Organisations'],
  case: ['Case', 'Cases'],
  record: ['Record', 'Records'],
  phone: ['Phone', 'Phones'],
  email: ['E-mail', 'E-mails'],
  address: ['Address', 'Addresses'],
  account: ['Account', 'Accounts'],
  handle: ['Handle', 'Handles'],
  document: ['Document', 'Documents'],
  vehicle: ['Vehicle', 'Vehicles'],
};

/** An edge kind in words, as a step of a path reads ("— phone —"). */
export const EDGE_WORDS: Record<ChartEdgeKind, string> = {
  phone: 'uses phone',
  email: 'uses e-mail',
  address: 'at address',
  account: 'uses account',
  handle: 'uses handle',
  document: 'holds document',
  vehicle: 'uses vehicle',
  mentions: 'mentions',
  about: 'belongs to case',
  'same-as': 'may be the same as',
  shares: 'shares an identifier with',
};

/** "1 record" / "12 records". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The kind part of a node reference ("phone" of "phone:+44…"). */
export function kindOfRef(ref: string): string {
  return ref.slice(0, ref.indexOf(':'));
}
