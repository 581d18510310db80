/**
 * The investigator's workspace across the process boundary: search, expand, paths, details and
 * saved investigations, over one chart model.
 *
 * A chart node's id is a stable reference to what it stands for (`phone:+447700900123`,
 * `case:POL/2024-0113`), never a Neo4j element id: a saved chart (and an exported
 * `.caselink.json`) must find its nodes again after the database was copied or rebuilt.
 * {@link nodeRef} writes one and {@link parseNodeRef} reads one back.
 */
import { z } from 'zod';
import type { PlainValue } from './api';

/**
 * What a chart node stands for, in the order kinds are listed: people first, then what they are
 * about, then identifiers. A `person` is one person: every mention joined by confirmed matches.
 */
export const CHART_NODE_KINDS = [
  'person',
  'organization',
  'case',
  'record',
  'phone',
  'email',
  'address',
  'account',
  'handle',
  'document',
  'vehicle',
] as const;
export type ChartNodeKind = (typeof CHART_NODE_KINDS)[number];

/** Identifier kinds: what two records can share. */
export const IDENTIFIER_NODE_KINDS = ['phone', 'email', 'address', 'account', 'handle', 'document', 'vehicle'] as const;
export type IdentifierNodeKind = (typeof IDENTIFIER_NODE_KINDS)[number];

/**
 * What a chart edge says:
 * - an identifier kind: a person, organisation or record uses that identifier (HAS_PHONE …);
 * - `mentions`: a record names a person or organisation (with the role in `role`);
 * - `about`: a record belongs to a case;
 * - `same-as`: an open same-person candidate drawn between two persons (confirmed ones are joined
 *   into one person node instead);
 * - `shares`: identifiers collapsed into a direct link between their users (`via` lists them).
 */
export const CHART_EDGE_KINDS = [...IDENTIFIER_NODE_KINDS, 'mentions', 'about', 'same-as', 'shares'] as const;
export type ChartEdgeKind = (typeof CHART_EDGE_KINDS)[number];

/** The key parts of each kind's reference, in order (the graph's unique keys). */
export const NODE_REF_PARTS: Record<ChartNodeKind, readonly string[]> = {
  person: ['id'],
  organization: ['id'],
  case: ['agency', 'ref'],
  record: ['id'],
  phone: ['e164'],
  email: ['key'],
  address: ['key'],
  account: ['kind', 'key'],
  handle: ['platform', 'key'],
  document: ['kind', 'country', 'number'],
  vehicle: ['country', 'plate'],
};

/** A stable node reference: the kind, then each key part percent-encoded, joined by ":". */
export function nodeRef(kind: ChartNodeKind, parts: readonly string[]): string {
  return [kind, ...parts.map((p) => encodeURIComponent(p))].join(':');
}

/** Reads a reference back into its kind and key parts; null when it is not one. */
export function parseNodeRef(ref: string): { kind: ChartNodeKind; parts: string[] } | null {
  const [kind, ...encoded] = ref.split(':');
  if (!(CHART_NODE_KINDS as readonly string[]).includes(kind as string)) return null;
  const expected = NODE_REF_PARTS[kind as ChartNodeKind].length;
  if (encoded.length !== expected) return null;
  try {
    return { kind: kind as ChartNodeKind, parts: encoded.map((p) => decodeURIComponent(p)) };
  } catch {
    return null;
  }
}

/** A node reference as an API input: bounded, and only of a known kind. */
export const nodeRefInput = z
  .string()
  .min(3)
  .max(1000)
  .refine((ref) => parseNodeRef(ref) !== null, 'not a chart node reference');

/** Where one fact comes from: the row and column of an agency's file, and how it was graded. */
export interface SourceRefDto {
  record: string;
  agency: string;
  fileName: string;
  /** The source file's SHA-256. */
  sha256: string;
  sheet: string;
  row: number;
  /** The column the value was read from; null when the fact is the row itself. */
  column: string | null;
  /** The cell's text as written. */
  raw: string | null;
  caseRef: string | null;
  /** When the file was imported (ISO date-time). */
  importedAt: string;
  /** Intelligence grading of the source and the information (e.g. "B2"), when the profile gives it. */
  grading: string | null;
  /** Handling code, when the profile gives it. */
  handling: string | null;
}

/** One mention of a person (a Person node of the graph) inside a person chart node. */
export interface MentionDto {
  id: string;
  name: string | null;
  role: string | null;
  agency: string;
  record: string;
  /** The event or record date, when the row has one (YYYY-MM-DD, or a prefix of it). */
  date: string | null;
}

export interface ChartNodeDto {
  /** A stable reference, see {@link nodeRef}. */
  id: string;
  kind: ChartNodeKind;
  /** What to write on the node. */
  label: string;
  /** The agencies whose records assert this node, sorted. */
  agencies: string[];
  /** How many records assert it. */
  records: number;
  /** An identifier that links too many records to tell anything (flagged at resolve). */
  hub: boolean;
  /** For persons: the mentions joined into this node. */
  mentions?: MentionDto[];
  /** For persons: true when open candidates (not confirmed matches) joined some of the mentions. */
  unconfirmed?: boolean;
  /** Roles this node has in the records (persons and organisations). */
  roles?: string[];
  /** Dates of the records behind it (YYYY-MM-DD or a prefix), for the timeline; at most 100. */
  dates?: string[];
  /** Display properties (no raw cells). */
  properties: Record<string, PlainValue>;
}

export interface ChartEdgeDto {
  /** Stable: `${kind}|${source}|${target}` (plus the role for `mentions`). */
  id: string;
  source: string;
  target: string;
  kind: ChartEdgeKind;
  /** The agencies whose records assert the link. */
  agencies: string[];
  /** The records that assert it (ids), at most 100. */
  records: string[];
  /** For `same-as`: the candidate's score; for `mentions`: the role. */
  score?: number;
  role?: string;
  /** For `shares`: the identifiers collapsed into this link (node references). */
  via?: string[];
}

/**
 * What a note is about, for a front end that acts on it. A kind with a remedy names what would draw
 * what was left out, and each front end words that remedy for its own controls after the note's
 * `fact`: the app "show the rest", the command line `--limit`.
 * - `hubs-left-out`: expand left hub identifiers out; expanding with hubs included draws them.
 * - `capped`: the limit left neighbours out; a larger limit draws them.
 * - `path-hubs-left-out`: paths through hubs were not searched; including hubs does.
 * - `no-path`: no path within the steps asked for; more steps may find one.
 * - `no-path-without-hubs`: as `no-path`, hubs left out; more steps or hubs may find one.
 * - `other`: nothing the user asks for changes it.
 */
export const CHART_NOTE_KINDS = [
  'hubs-left-out',
  'capped',
  'path-hubs-left-out',
  'no-path',
  'no-path-without-hubs',
  'other',
] as const;
export type ChartNoteKind = (typeof CHART_NOTE_KINDS)[number];

/** A note about what a slice, a chart or an export left out or joined. */
export interface ChartNoteDto {
  kind: ChartNoteKind;
  /** The note in plain words with the app's advice: what the app shows and a chart file keeps. */
  text: string;
  /** What it says without advice, for a front end that adds its own by `kind` (the text, for `other`). */
  fact: string;
}

/** A piece of the graph to add to the chart, and what was left out of it (never silently). */
export interface ChartSliceDto {
  nodes: ChartNodeDto[];
  edges: ChartEdgeDto[];
  /** How many neighbours were left out because they are hubs (ask with includeHubs). */
  hubsLeftOut: number;
  /** How many neighbours the cap left out (ask again with a larger limit, "show the rest"). */
  cappedOut: number;
  /** Plain-language notes about what was left out or joined. */
  notes: ChartNoteDto[];
}

// ---- search --------------------------------------------------------------------------------

export const searchInput = z
  .object({
    text: z.string().trim().min(1).max(200),
    kinds: z.array(z.enum(CHART_NODE_KINDS)).max(CHART_NODE_KINDS.length).default([]),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export interface SearchHitDto {
  node: ChartNodeDto;
  /** Why it matched, e.g. `name "Oleksandr Bondarenko" (transliterated)` or `phone +447700900123`. */
  matched: string;
  /** Higher is better; comparable within one search. */
  score: number;
}

export interface SearchResultDto {
  /** The hits grouped by kind, each group best first; groups in order of their best hit. */
  groups: { kind: ChartNodeKind; hits: SearchHitDto[]; total: number }[];
  /** How the text was read (e.g. "as a phone: +447700900123"). */
  readAs: string[];
}

// ---- expand ---------------------------------------------------------------------------------

export const expandInput = z
  .object({
    nodes: z.array(nodeRefInput).min(1).max(500),
    /** Which edge kinds to follow; empty means all. */
    edgeKinds: z.array(z.enum(CHART_EDGE_KINDS)).default([]),
    /** Only through records of these agencies; empty means all. */
    agencies: z.array(z.string().max(32)).max(50).default([]),
    hops: z.number().int().min(1).max(3).default(1),
    includeHubs: z.boolean().default(false),
    /** Join mentions by open candidates at or above this score too (drawn as unconfirmed). */
    joinCandidatesAt: z.number().min(0).max(1).nullable().default(null),
    /** Draw identifiers as nodes, or collapse them into `shares` links between their users. */
    identifiers: z.enum(['nodes', 'collapsed']).default('nodes'),
    /** At most this many new nodes; the rest are counted in `cappedOut`. */
    limit: z.number().int().min(1).max(2000).default(100),
  })
  .strict();

/** Chart nodes re-read by reference: their labels, dates, agencies and records as the graph holds them now. */
export const readChartNodesInput = z.object({ nodes: z.array(nodeRefInput).min(1).max(500) }).strict();

// ---- paths ----------------------------------------------------------------------------------

export const findPathsInput = z
  .object({
    from: nodeRefInput,
    to: nodeRefInput,
    maxHops: z.number().int().min(1).max(10).default(6),
    includeHubs: z.boolean().default(false),
    /** How many shortest paths (all of the shortest length first, up to this many). */
    limit: z.number().int().min(1).max(25).default(5),
  })
  .strict();

export interface PathDto {
  /** Node references from `from` to `to`. */
  nodes: string[];
  /** Edge ids along the path. */
  edges: string[];
}

export interface PathsResultDto {
  paths: PathDto[];
  /** Everything on the paths, to add to the chart. */
  slice: ChartSliceDto;
}

// ---- details --------------------------------------------------------------------------------

export const nodeDetailsInput = z.object({ node: nodeRefInput }).strict();

export interface PropertySourceDto {
  /** The property as an investigator reads it ("date of birth", "phone"). */
  name: string;
  value: string;
  sources: SourceRefDto[];
}

export interface NodeDetailsDto {
  node: ChartNodeDto;
  /** Every property with where it comes from. */
  properties: PropertySourceDto[];
  /** Which agencies know this node, each with its records (the "who knows this person" view). */
  agencies: { agency: string; records: SourceRefDto[] }[];
}

// ---- investigations -------------------------------------------------------------------------

/** A saved chart: what is on it and how it looks, never the data itself (that is re-read). */
export const investigationInput = z
  .object({
    /** Saves over this investigation (its id from a save or the list); a new one when absent. */
    id: z.uuid().optional(),
    name: z.string().trim().min(1).max(200),
    nodes: z
      .array(
        z
          .object({
            id: nodeRefInput,
            x: z.number().finite(),
            y: z.number().finite(),
            pinned: z.boolean().default(false),
            hidden: z.boolean().default(false),
          })
          .strict(),
      )
      .max(5000),
    /** Chart settings: filters, style choices, identifiers as nodes or collapsed … (opaque to main). */
    settings: z.record(z.string(), z.json()).default({}),
    notes: z.string().max(20000).default(''),
  })
  .strict();
export type InvestigationInput = z.input<typeof investigationInput>;

export interface InvestigationSummaryDto {
  id: string;
  name: string;
  nodeCount: number;
  savedAt: string;
  savedBy: string;
}

export interface InvestigationDto extends InvestigationSummaryDto {
  chart: z.output<typeof investigationInput>;
}

/** One saved investigation, by its id. */
export const investigationIdInput = z.object({ id: z.uuid() }).strict();

/** A saved investigation as reopened: its chart, and what the graph holds for it now. */
export interface OpenedInvestigationDto extends InvestigationDto {
  /** The chart's nodes as the graph holds them today, with the edges among them. */
  slice: ChartSliceDto;
  /** Saved node references the graph no longer holds. */
  missing: string[];
  /** Saved references now drawn under another (a person joined with another mention since). */
  moved: { from: string; to: string }[];
}

// ---- explain an edge ------------------------------------------------------------------------

/** A chart edge, by its id or by its two ends (and, optionally, its kind). */
export const explainEdgeInput = z
  .object({
    edge: z.string().min(3).max(3000).optional(),
    source: nodeRefInput.optional(),
    target: nodeRefInput.optional(),
    kind: z.enum(CHART_EDGE_KINDS).optional(),
  })
  .strict()
  .refine((e) => e.edge !== undefined || (e.source !== undefined && e.target !== undefined), {
    message: 'give the edge id, or its source and target',
  });

/** One fact behind an edge, with where it comes from. */
export interface EdgeFactDto {
  kind: ChartEdgeKind;
  /** The fact in words, e.g. `both used phone +44 7700 900123`. */
  statement: string;
  /** For identifier links: the identifier (a node reference). */
  identifier?: string;
  /** For `same-as`: the pair's status, score and reasons. */
  match?: { a: string; b: string; status: string; score: number | null; reasons: string[]; decidedBy: string | null };
  /** Every row and column that asserts the fact (both sides for a shared identifier). */
  sources: SourceRefDto[];
}

/** Why two chart nodes are linked. */
export interface EdgeEvidenceDto {
  source: string;
  target: string;
  facts: EdgeFactDto[];
  notes: string[];
}
