/**
 * Same-person matching: which mentions of persons in different records may be one person, with
 * a score and the reasons in words a reviewer who is not a data scientist can check. Caselink
 * proposes; an analyst decides. Nothing here merges anything.
 */
import { countryCode } from './countries';
import { nameKey, nameSimilarity } from './names';

export interface SharedIdentifier {
  /** Node label: Phone, Email, Account, Document, Handle, Vehicle, Address. */
  label: string;
  /** The identifier node's id in the graph. */
  id: string;
  display: string;
}

export interface PersonMention {
  id: string;
  /** The record (spreadsheet row) the mention stands in. */
  record: string;
  /** The agency's case and row reference of that record, when it has them. */
  caseRef: string | null;
  recordRef: string | null;
  agency: string;
  /** Where the mention stands, for the reasons. */
  fileName: string;
  sheet: string;
  row: number;
  name: string | null;
  nameLatin: string | null;
  birthDate: string | null;
  nationality: string | null;
  /** Identifiers this person used (hubs left out), with where each was written. */
  identifiers: SharedIdentifier[];
  /** Identifiers anyone in this mention's record used (hubs left out): the record's links. */
  recordIdentifiers: SharedIdentifier[];
}

export interface MatchCandidate {
  a: string;
  b: string;
  /** 0..1; at or above the threshold it is proposed for review. */
  score: number;
  reasons: string[];
}

/** The default threshold at or above which a candidate is proposed. */
export const DEFAULT_MATCH_THRESHOLD = 0.8;

/** Candidates below this are not kept at all. */
export const MIN_KEPT_SCORE = 0.5;

/** How much a shared identifier of each kind says that two mentions are one person. */
const IDENTIFIER_WEIGHT: Record<string, number> = {
  Document: 5,
  Account: 3.5,
  Email: 3.5,
  Phone: 3,
  Handle: 3,
  Vehicle: 1.5,
  Address: 1,
};

const LABEL_WORDS: Record<string, string> = {
  Document: 'identity document',
  Account: 'account',
  Email: 'e-mail',
  Phone: 'phone',
  Handle: 'online handle',
  Vehicle: 'vehicle',
  Address: 'address',
};

function names(p: PersonMention): string[] {
  return [p.name, p.nameLatin].filter((n): n is string => !!n && n.trim() !== '');
}

function where(p: PersonMention): string {
  return `${p.agency} ${p.fileName} ${p.sheet} row ${p.row}`;
}

function nationalityOf(p: PersonMention): string | null {
  return countryCode(p.nationality) ?? (p.nationality ? p.nationality.trim().toUpperCase() : null);
}

/** What the whole data says: the dates of birth seen with each name, and the networks of records. */
export interface MatchContext {
  dates: Map<string, Set<string>>;
  /** The same, within each network: `${network}|${name}`. */
  networkDates: Map<string, Set<string>>;
  /** The network (connected records) each record belongs to, and each network's size. */
  networkOf: Map<string, string>;
  networkSize: Map<string, number>;
}

/** Networks larger than this are too loose to say that two mentions in them are related. */
const MAX_NETWORK = 1000;

export function matchContext(people: PersonMention[]): MatchContext {
  const dates = new Map<string, Set<string>>();
  for (const p of people) {
    for (const n of names(p)) {
      const key = nameKey(n).comparable;
      const set = dates.get(key) ?? new Set<string>();
      if (p.birthDate) set.add(p.birthDate);
      dates.set(key, set);
    }
  }
  // Records joined by any shared identifier (hubs are already left out) form a network.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(x, root);
    return root;
  };
  const firstRecordOf = new Map<string, string>();
  for (const p of people) {
    find(p.record);
    for (const i of p.recordIdentifiers) {
      const other = firstRecordOf.get(i.id);
      if (other === undefined) firstRecordOf.set(i.id, p.record);
      else parent.set(find(p.record), find(other));
    }
  }
  const networkOf = new Map<string, string>();
  const networkSize = new Map<string, number>();
  for (const record of new Set(people.map((p) => p.record))) {
    const root = find(record);
    networkOf.set(record, root);
    networkSize.set(root, (networkSize.get(root) ?? 0) + 1);
  }
  const networkDates = new Map<string, Set<string>>();
  for (const p of people) {
    for (const n of names(p)) {
      const key = `${networkOf.get(p.record)}|${nameKey(n).comparable}`;
      const set = networkDates.get(key) ?? new Set<string>();
      if (p.birthDate) set.add(p.birthDate);
      networkDates.set(key, set);
    }
  }
  return { dates, networkDates, networkOf, networkSize };
}

const EMPTY_CONTEXT: MatchContext = {
  dates: new Map(),
  networkDates: new Map(),
  networkOf: new Map(),
  networkSize: new Map(),
};

/** Scores one pair of mentions; null when they cannot be the same person on the evidence. */
export function scorePair(
  a: PersonMention,
  b: PersonMention,
  context: MatchContext = EMPTY_CONTEXT,
): MatchCandidate | null {
  const reasons: string[] = [];
  let evidence = 0;

  let best = 0;
  let bestPair: [string, string] = ['', ''];
  for (const x of names(a)) {
    for (const y of names(b)) {
      const s = nameSimilarity(x, y);
      if (s > best) {
        best = s;
        bestPair = [x, y];
      }
    }
  }
  const [nameA, nameB] = bestPair;
  if (best >= 0.97) {
    evidence += 3;
    reasons.push(
      nameKey(nameA).comparable === nameKey(nameB).comparable && nameA !== nameB
        ? `names '${nameA}' and '${nameB}' are the same once case, accents, script and word order are set aside`
        : `same name '${nameA}'`,
    );
  } else if (best >= 0.9) {
    evidence += 2;
    reasons.push(`names '${nameA}' and '${nameB}' are alike (a spelling, transliteration or familiar form)`);
  } else if (best >= 0.82) {
    evidence += 0.5;
    reasons.push(`names '${nameA}' and '${nameB}' are somewhat alike`);
  } else if (names(a).length && names(b).length) {
    evidence -= 3;
    reasons.push(`names '${names(a)[0]}' and '${names(b)[0]}' differ`);
  }

  // The same name with a date of birth on one side only is doubtful when several people with
  // different dates of birth bear it — within the two mentions' network, if they share one.
  const network = context.networkOf.get(a.record);
  const sameNetwork =
    network !== undefined &&
    network === context.networkOf.get(b.record) &&
    (context.networkSize.get(network) ?? 0) <= MAX_NETWORK;
  if (best >= 0.97 && (!a.birthDate || !b.birthDate)) {
    const comparable = nameKey(nameA).comparable;
    const known =
      (sameNetwork ? context.networkDates.get(`${network}|${comparable}`) : context.dates.get(comparable)) ??
      new Set<string>();
    if (known.size > 1) {
      evidence -= 1;
      reasons.push(
        `${known.size} people with different dates of birth are named '${nameA}'; a date of birth is missing here`,
      );
    }
  }

  if (a.birthDate && b.birthDate) {
    if (a.birthDate === b.birthDate) {
      evidence += 3;
      reasons.push(`same date of birth ${a.birthDate}`);
    } else {
      const [ya, ma, da] = a.birthDate.split('-');
      const [yb, mb, db] = b.birthDate.split('-');
      if (ya === yb && ma === db && da === mb) {
        evidence += 1;
        reasons.push(`dates of birth ${a.birthDate} and ${b.birthDate} differ only by day and month order`);
      } else {
        evidence -= 5;
        reasons.push(`different dates of birth ${a.birthDate} and ${b.birthDate}`);
      }
    }
  }

  const shared = a.identifiers.filter((x) => b.identifiers.some((y) => y.id === x.id));
  const seen = new Set<string>();
  let identifierEvidence = 0;
  for (const s of shared) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    identifierEvidence += IDENTIFIER_WEIGHT[s.label] ?? 1;
    reasons.push(`both used ${LABEL_WORDS[s.label] ?? s.label.toLowerCase()} ${s.display} (${where(a)}; ${where(b)})`);
  }
  evidence += Math.min(identifierEvidence, 7);

  // Records that are linked (someone in each used the same phone, address, account…) put the
  // two mentions in one network; a shared name there means more than a shared name anywhere.
  if (shared.length === 0 && best >= 0.9 && a.record !== b.record) {
    const link = a.recordIdentifiers.find((x) => b.recordIdentifiers.some((y) => y.id === x.id));
    const size = network ? (context.networkSize.get(network) ?? 0) : 0;
    // The row naming one of them gives an identifier the other used himself ("Ionut rings from
    // +40 740 629 640" in a tip; Ionut Marin's phone in a police record).
    const crossA = a.recordIdentifiers.find((x) => b.identifiers.some((y) => y.id === x.id));
    const crossB = crossA ? undefined : b.recordIdentifiers.find((x) => a.identifiers.some((y) => y.id === x.id));
    const cross = crossA ?? crossB;
    if (cross) {
      const [row, user] = crossA ? [a, b] : [b, a];
      evidence += 3;
      reasons.push(
        `the row naming '${names(row)[0] ?? '?'}' (${where(row)}) also gives ${LABEL_WORDS[cross.label] ?? cross.label.toLowerCase()} ${cross.display}, which '${names(user)[0] ?? '?'}' used (${where(user)})`,
      );
    } else if (link) {
      evidence += 2;
      reasons.push(
        `their records are linked: both name ${LABEL_WORDS[link.label] ?? link.label.toLowerCase()} ${link.display} (${where(a)}; ${where(b)})`,
      );
    } else if (sameNetwork) {
      evidence += 2;
      reasons.push(
        `their records belong to one network of ${size} records linked by shared phones, addresses or accounts`,
      );
    }
  }

  // One agency's case names its people in several sheets (persons, contacts) under the same
  // case reference and often the same person number.
  if (a.record !== b.record && a.agency === b.agency && a.caseRef && a.caseRef === b.caseRef && best >= 0.9) {
    if (a.recordRef && a.recordRef === b.recordRef) {
      evidence += 4;
      reasons.push(`the same person number ${a.recordRef} in ${a.agency} case ${a.caseRef}`);
    } else {
      evidence += 2;
      reasons.push(`both named in ${a.agency} case ${a.caseRef}`);
    }
  }

  // Two people named in one row are usually two people (a suspect and a victim, a traveller and
  // a companion), unless they share something personal, as an account holder paying themself.
  if (a.record === b.record && !shared.some((s) => s.label === 'Account' || s.label === 'Document')) {
    evidence -= 3;
    reasons.push('both are named in the same row, in different roles');
  }

  const na = nationalityOf(a);
  const nb = nationalityOf(b);
  if (na && nb) {
    if (na === nb) {
      evidence += 0.5;
      reasons.push(`same nationality ${na}`);
    } else {
      evidence -= 1;
      reasons.push(`different nationalities ${na} and ${nb}`);
    }
  }

  // Log-odds to 0..1: a same name and date of birth (6) is 0.95; a name alone (3) is 0.5.
  const score = 1 / (1 + Math.exp(-(evidence - 3)));
  // Weaker pairs are not kept: they would only bury the real ones in the review queue.
  if (score < MIN_KEPT_SCORE) return null;
  const [first, second] = a.id < b.id ? [a, b] : [b, a];
  return { a: first.id, b: second.id, score: Math.round(score * 1000) / 1000, reasons };
}

/**
 * Candidate pairs by blocking: mentions that share an identifier, or whose names sound alike
 * (two phonetic keys in common). Two mentions in one record may be one person too (an account
 * holder paying themself); the score decides.
 */
export function findCandidates(people: PersonMention[]): MatchCandidate[] {
  const context = matchContext(people);
  const blocks = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    const list = blocks.get(key) ?? [];
    list.push(index);
    blocks.set(key, list);
  };
  people.forEach((p, i) => {
    for (const id of new Set(p.identifiers.map((x) => x.id))) add(`id:${id}`, i);
    const keys = new Set<string>();
    for (const n of names(p)) {
      const phonetic = nameKey(n).phonetic;
      for (let x = 0; x < phonetic.length; x++) {
        for (let y = x + 1; y < phonetic.length; y++) keys.add(`name:${phonetic[x]}|${phonetic[y]}`);
      }
      if (phonetic.length === 1) keys.add(`name:${phonetic[0]}`);
    }
    for (const k of keys) add(k, i);
  });
  const pairs = new Map<string, MatchCandidate>();
  for (const members of blocks.values()) {
    // A block this large is a common name or a hub missed; its pairs are left to other blocks.
    if (members.length > 200) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = people[members[x] as number] as PersonMention;
        const b = people[members[y] as number] as PersonMention;
        const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
        if (pairs.has(key)) continue;
        const scored = scorePair(a, b, context);
        if (scored) pairs.set(key, scored);
      }
    }
  }
  return [...pairs.values()].sort((p, q) => q.score - p.score);
}
