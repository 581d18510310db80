/**
 * What crosses the process boundary between Caselink's services and the renderer.
 *
 * One interface, {@link CaselinkApi}, is implemented by the services, exposed to the Electron
 * renderer by the preload over IPC and to a browser by `caselink serve` over HTTP. Channel names
 * and HTTP routes are derived from the method names in {@link API_METHODS}; nobody writes one by
 * hand. Every input is parsed with the zod schema in {@link API_INPUTS} before a handler runs.
 */
import { z } from 'zod';
import { profileSchema } from '../core/profile';
import {
  expandInput,
  readChartNodesInput,
  explainEdgeInput,
  findPathsInput,
  investigationIdInput,
  investigationInput,
  nodeDetailsInput,
  type ChartNodeDto,
  type ChartSliceDto,
  type EdgeEvidenceDto,
  type InvestigationSummaryDto,
  type NodeDetailsDto,
  type OpenedInvestigationDto,
  type PathsResultDto,
} from './workspaceTypes';
import { DEFAULT_HUB_THRESHOLD, DEFAULT_MATCH_THRESHOLD } from '../core/rules';
import { MATCHERS } from './choices';
import type { CaselinkError } from './errors';
import type {
  AgencySummaryDto,
  GraphStatsDto,
  ImportJobDto,
  ImportPlanDto,
  LinkExplanationDto,
  MappingProposalDto,
  MatchPairDto,
  ResolveSummaryDto,
  SharedIdentifierDto,
  SheetPreviewDto,
  StagedFile,
} from './importTypes';
import type { ApiMethod } from './methods';
import { AUDIT_KINDS, type AuditEventDto } from './auditTypes';
import type { BulkDecisionDto, MatchClusterDto, OpenMatchCountDto } from './matchTypes';
import type { MatchModelDto } from './modelTypes';
import { exportChartInput, type ExportedChartDto, type ExportFormatDto } from './exportTypes';
import { searchInput, type SearchResultDto } from './workspaceTypes';
import {
  connectionSettingsInput,
  type ConnectionSettingsInput,
  type ConnectionSettingsView,
  type ConnectionTestResult,
} from './connectionTypes';

export type { CaselinkError, CaselinkErrorKind } from './errors';
export type * from './importTypes';
export type * from './auditTypes';
export type * from './matchTypes';
export type * from './modelTypes';
export type * from './workspaceTypes';
export type * from './connectionTypes';
export type * from './exportTypes';
export { AUDIT_KINDS } from './auditTypes';
export { API_METHODS, channelOf, isApiMethod, routeOf, type ApiMethod } from './methods';

/** The envelope every API method answers with: data or a typed error, never a thrown one. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CaselinkError };

/** Where the graph lives and what it holds, as the status bar shows it. */
export interface ConnectionStatus {
  /** The Bolt URI Caselink is connected to (never includes credentials). */
  uri: string;
  /** The Neo4j database name in use. */
  database: string;
  /** True when this is the local database Caselink starts itself. */
  local: boolean;
  /** Server product and version as the server reports it, e.g. `Neo4j/5.26.30`. */
  serverAgent: string;
  /** The version number alone, e.g. `5.26.30`. */
  serverVersion: string;
  /** `community` or `enterprise`. */
  edition: string;
  /** The schema version recorded in the graph, or null when the schema was never applied. */
  schemaVersion: number | null;
  nodeCount: number;
  relationshipCount: number;
  /** The score from which same-person pairs are proposed for review (the review queue's default). */
  matchThreshold: number;
}

/** A graph element shaped like a Cytoscape element definition; ids are Neo4j element ids. */
export interface NodeElement {
  group: 'nodes';
  data: {
    id: string;
    /** The node's first label, from the data model's allow-list. */
    kind: string;
    /** What to write on the node. */
    label: string;
    properties: Record<string, PlainValue>;
  };
}

export interface EdgeElement {
  group: 'edges';
  data: {
    id: string;
    source: string;
    target: string;
    /** The relationship type. */
    kind: string;
    properties: Record<string, PlainValue>;
  };
}

/** A property value after mapping away every driver type. */
export type PlainValue = string | number | boolean | null | PlainValue[];

export interface GraphElements {
  nodes: NodeElement[];
  edges: EdgeElement[];
  /** True when the limit cut the answer short. */
  truncated: boolean;
}

export const overviewInput = z
  .object({
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();
export type OverviewInput = z.input<typeof overviewInput>;

const noInput = z.undefined();

/** The largest file the app accepts for import through the window (the CLI has no limit). */
export const MAX_STAGED_FILE_BYTES = 200 * 1024 * 1024;

const fileId = z.string().regex(/^[a-f0-9]{32}$/, 'not a staged file id');
const agencyCodeInput = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'an agency code is 2 to 32 capital letters, digits, "-" or "_"');

export const stageFileInput = z
  .object({
    name: z.string().min(1).max(255),
    /** The file's bytes, base64-encoded. */
    contentBase64: z.string().max(Math.ceil((MAX_STAGED_FILE_BYTES * 4) / 3) + 4),
  })
  .strict();
export const proposeMappingInput = z
  .object({
    fileId,
    agency: agencyCodeInput,
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  })
  .strict();
export const previewMappingInput = z
  .object({ fileId, profile: profileSchema, rows: z.number().int().min(1).max(100).default(10) })
  .strict();
export const startImportInput = z
  .object({
    fileIds: z.array(fileId).min(1).max(100),
    agency: agencyCodeInput,
    profile: profileSchema,
    saveProfile: z.boolean().default(false),
  })
  .strict();
export const planImportInput = z
  .object({ fileIds: z.array(fileId).min(1).max(100), agency: agencyCodeInput, profile: profileSchema })
  .strict();
export const importJobInput = z.object({ jobId: z.string().regex(/^[a-f0-9]{16}$/) }).strict();
const recordId = z.string().regex(/^[a-f0-9]{32}$/, 'not a record id');
const personId = z.string().regex(/^[a-f0-9]{32}:[a-z][a-z0-9-]{0,31}$/, 'not a person id');
export const sharedIdentifiersInput = z
  .object({
    agencies: z.array(agencyCodeInput).max(50).default([]),
    kinds: z.array(z.enum(['phone', 'email', 'address', 'account', 'handle', 'document', 'vehicle'])).default([]),
    includeHubs: z.boolean().default(false),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();
export const explainLinkInput = z.object({ a: recordId, b: recordId }).strict();
export const listMatchesInput = z
  .object({
    statuses: z
      .array(z.enum(['candidate', 'confirmed', 'rejected']))
      .min(1)
      .default(['candidate']),
    minScore: z.number().min(0).max(1).default(DEFAULT_MATCH_THRESHOLD),
    limit: z.number().int().min(1).max(2000).default(200),
    /** Only pairs between a mention of one agency and one of the other (either way round). */
    agencies: z.tuple([agencyCodeInput, agencyCodeInput]).optional(),
  })
  .strict();
export const decideMatchInput = z
  .object({
    a: personId,
    b: personId,
    status: z.enum(['confirmed', 'rejected', 'candidate']),
    /** A name the reviewer types, recorded beside the OS user Caselink runs as (never instead of it). */
    reviewerName: z.string().trim().max(100).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
const matchScore = z.number().min(0).max(1);
const reviewerName = z.string().trim().max(100).optional();
export const countOpenMatchesInput = z.object({ minScore: matchScore.default(DEFAULT_MATCH_THRESHOLD) }).strict();
export const listMatchClustersInput = z
  .object({
    minScore: matchScore.default(DEFAULT_MATCH_THRESHOLD),
    limit: z.number().int().min(1).max(500).default(100),
    /** How many clusters to pass over first (the next page of a long list). */
    offset: z.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
/** Which open pairs a bulk confirmation takes: named pairs, one cluster, or every pair at a score (of two agencies). */
export const confirmMatchesFilter = z.discriminatedUnion('by', [
  z
    .object({
      by: z.literal('pairs'),
      pairs: z
        .array(z.object({ a: personId, b: personId }).strict())
        .min(1)
        .max(5000),
      /** The filter under which the reviewer saw these pairs, recorded with the decision. */
      shown: z
        .object({ minScore: matchScore, agencies: z.tuple([agencyCodeInput, agencyCodeInput]).optional() })
        .strict()
        .optional(),
    })
    .strict(),
  z
    .object({ by: z.literal('cluster'), person: personId, minScore: matchScore.default(DEFAULT_MATCH_THRESHOLD) })
    .strict(),
  z
    .object({
      by: z.literal('score'),
      minScore: matchScore,
      agencies: z.tuple([agencyCodeInput, agencyCodeInput]).optional(),
    })
    .strict(),
]);
export const confirmMatchesInput = z
  .object({ filter: confirmMatchesFilter, reviewerName, note: z.string().max(2000).optional() })
  .strict();
export const undoMatchDecisionInput = z
  .object({ decision: z.uuid(), reviewerName, note: z.string().max(2000).optional() })
  .strict();
export const listAuditEventsInput = z
  .object({
    /** Events at or after this date (YYYY-MM-DD) or ISO date-time. */
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'a date YYYY-MM-DD or an ISO date-time')
      .optional(),
    kind: z.enum(AUDIT_KINDS).optional(),
    limit: z.number().int().min(1).max(10000).default(500),
  })
  .strict();
export const resolveInput = z
  .object({
    hubThreshold: z.number().int().min(2).max(100000).default(DEFAULT_HUB_THRESHOLD),
    matcher: z.enum(MATCHERS).default('rules'),
    /** Match only what files imported since the last resolution added (see the README). */
    incremental: z.boolean().default(false),
  })
  .strict();

/** The one API the renderer sees. Every method answers with a {@link Result}. */
export interface CaselinkApi {
  /** The connected server, database, schema version and graph size. */
  getConnectionStatus(): Promise<Result<ConnectionStatus>>;
  /** The connection settings in force, where they come from, and whether a password is stored; never the password. */
  getConnectionSettings(): Promise<Result<ConnectionSettingsView>>;
  /**
   * Tries settings without changing anything: connects with a short timeout and runs a trivial
   * read. Answers the outcome in plain words (a failed test is an `ok` Result with `ok: false`).
   */
  testConnection(input: ConnectionSettingsInput): Promise<Result<ConnectionTestResult>>;
  /** Keeps the settings (the password encrypted, or in memory under `caselink serve`) and moves the app to that database. */
  saveConnectionSettings(input: ConnectionSettingsInput): Promise<Result<ConnectionSettingsView>>;
  /** A first look at the graph: up to `limit` nodes and the relationships between them. */
  getOverview(input: OverviewInput): Promise<Result<GraphElements>>;
  /** The agencies, with what each has contributed. */
  listAgencies(): Promise<Result<AgencySummaryDto[]>>;
  /** Nodes and relationships by agency, label and type. */
  getGraphStats(): Promise<Result<GraphStatsDto>>;
  /** Hands a file to Caselink for import; answers its id for the calls below. */
  stageFile(input: z.input<typeof stageFileInput>): Promise<Result<StagedFile>>;
  /** The agency's saved profile, or one proposed from the file's headers and values. */
  proposeMapping(input: z.input<typeof proposeMappingInput>): Promise<Result<MappingProposalDto>>;
  /** The first rows of a staged file as the profile will import them. */
  previewMapping(input: z.input<typeof previewMappingInput>): Promise<Result<SheetPreviewDto[]>>;
  /** What importing staged files with a profile will do (new, unchanged, a second source), before it starts. */
  planImport(input: z.input<typeof planImportInput>): Promise<Result<ImportPlanDto[]>>;
  /** Starts importing staged files with a profile; answers the job to follow. */
  startImport(input: z.input<typeof startImportInput>): Promise<Result<ImportJobDto>>;
  /** An import job's progress and, when finished, its results. */
  getImportJob(input: z.input<typeof importJobInput>): Promise<Result<ImportJobDto>>;
  /** Cancels an import job after the batch being written. */
  cancelImport(input: z.input<typeof importJobInput>): Promise<Result<ImportJobDto>>;
  /** Flags hubs and proposes same-person candidates over the whole graph; decisions are kept. */
  resolve(input: z.input<typeof resolveInput>): Promise<Result<ResolveSummaryDto>>;
  /** Identifiers that records of two or more agencies assert, with every record on every side. */
  sharedIdentifiers(input: z.input<typeof sharedIdentifiersInput>): Promise<Result<SharedIdentifierDto[]>>;
  /** Why two records are linked, down to agency, file, sheet, row and column on both sides. */
  explainLink(input: z.input<typeof explainLinkInput>): Promise<Result<LinkExplanationDto[]>>;
  /** Neighbours of chart nodes by edge kind, agency and hops; hubs and what the cap leaves out are counted. */
  expandNodes(input: z.input<typeof expandInput>): Promise<Result<ChartSliceDto>>;
  /** Chart nodes re-read by reference (a person by any of its mentions); references that find nothing are left out. */
  readChartNodes(input: z.input<typeof readChartNodesInput>): Promise<Result<ChartNodeDto[]>>;
  /** Shortest paths between two chart nodes (hubs left out unless asked), with everything on them. */
  findPaths(input: z.input<typeof findPathsInput>): Promise<Result<PathsResultDto>>;
  /** Every property of a chart node with its sources, and which agencies know it through which records. */
  getNodeDetails(input: z.input<typeof nodeDetailsInput>): Promise<Result<NodeDetailsDto>>;
  /** The evidence behind a chart edge (by id, or by its two ends), down to file, sheet, row and column. */
  explainEdge(input: z.input<typeof explainEdgeInput>): Promise<Result<EdgeEvidenceDto>>;
  /** Saves a chart (new, or over the investigation `id` names); recorded in the audit trail. */
  saveInvestigation(input: z.input<typeof investigationInput>): Promise<Result<InvestigationSummaryDto>>;
  /** The saved investigations, newest first. */
  listInvestigations(): Promise<Result<InvestigationSummaryDto[]>>;
  /** A saved investigation with its nodes re-read from the graph (those gone or joined since are listed). */
  openInvestigation(input: z.input<typeof investigationIdInput>): Promise<Result<OpenedInvestigationDto>>;
  /** Deletes a saved investigation (never the graph it draws); recorded in the audit trail. */
  deleteInvestigation(input: z.input<typeof investigationIdInput>): Promise<Result<{ id: string; name: string }>>;
  /** The same-person review queue, best first. */
  listMatches(input: z.input<typeof listMatchesInput>): Promise<Result<MatchPairDto[]>>;
  /** Confirms, rejects or reopens a same-person pair; who and when are kept. */
  decideMatch(input: z.input<typeof decideMatchInput>): Promise<Result<null>>;
  /** How many pairs are open for review at a score (the threshold unless given): the one count. */
  countOpenMatches(input: z.input<typeof countOpenMatchesInput>): Promise<Result<OpenMatchCountDto>>;
  /** Open pairs grouped with the confirmed ones into clusters of mentions, best first. */
  listMatchClusters(input: z.input<typeof listMatchClustersInput>): Promise<Result<MatchClusterDto[]>>;
  /** Confirms many open pairs (named, one cluster, or all at a score) as one decision in the audit trail. */
  confirmMatches(input: z.input<typeof confirmMatchesInput>): Promise<Result<BulkDecisionDto>>;
  /** Undoes a bulk decision by its id: the pairs still carrying it are open again; recorded as a decision. */
  undoMatchDecision(input: z.input<typeof undoMatchDecisionInput>): Promise<Result<BulkDecisionDto>>;
  /** The same-person match model as last estimated: each comparison level with m, u and its weight. */
  getMatchModel(): Promise<Result<MatchModelDto>>;
  /** The audit trail (who did what, when, and how it ended), newest first. */
  listAuditEvents(input: z.input<typeof listAuditEventsInput>): Promise<Result<AuditEventDto[]>>;
  /** The same events as a CSV document (every field quoted, formula starts neutralised). */
  exportAuditCsv(input: z.input<typeof listAuditEventsInput>): Promise<Result<{ fileName: string; csv: string }>>;
  /**
   * One search box over names (in any script), case references, phones in any written form,
   * addresses, accounts, e-mails, handles, documents and plates: hits grouped by kind, best first,
   * with how the text was read. Recorded in the audit trail (the text, never the hits).
   */
  search(input: z.input<typeof searchInput>): Promise<Result<SearchResultDto>>;
  /** The formats the export service writes, with the options each takes, as the Export dialog offers them. */
  listExportFormats(): Promise<Result<ExportFormatDto[]>>;
  /**
   * Exports the workspace's chart with its evidence trail in one format, redacted on request, and
   * answers the file's bytes to save (and the pseudonym key as a separate file, only when asked).
   * Recorded in the audit trail, failures included.
   */
  exportChart(input: z.input<typeof exportChartInput>): Promise<Result<ExportedChartDto>>;
}

/** Zod schemas for each method's single argument (`undefined` for none). */
export const API_INPUTS = {
  getConnectionStatus: noInput,
  getConnectionSettings: noInput,
  testConnection: connectionSettingsInput,
  saveConnectionSettings: connectionSettingsInput,
  getOverview: overviewInput,
  listAgencies: noInput,
  getGraphStats: noInput,
  stageFile: stageFileInput,
  proposeMapping: proposeMappingInput,
  previewMapping: previewMappingInput,
  planImport: planImportInput,
  startImport: startImportInput,
  getImportJob: importJobInput,
  cancelImport: importJobInput,
  resolve: resolveInput,
  sharedIdentifiers: sharedIdentifiersInput,
  explainLink: explainLinkInput,
  expandNodes: expandInput,
  readChartNodes: readChartNodesInput,
  findPaths: findPathsInput,
  getNodeDetails: nodeDetailsInput,
  explainEdge: explainEdgeInput,
  saveInvestigation: investigationInput,
  listInvestigations: noInput,
  openInvestigation: investigationIdInput,
  deleteInvestigation: investigationIdInput,
  listMatches: listMatchesInput,
  decideMatch: decideMatchInput,
  countOpenMatches: countOpenMatchesInput,
  listMatchClusters: listMatchClustersInput,
  confirmMatches: confirmMatchesInput,
  undoMatchDecision: undoMatchDecisionInput,
  getMatchModel: noInput,
  listAuditEvents: listAuditEventsInput,
  exportAuditCsv: listAuditEventsInput,
  search: searchInput,
  listExportFormats: noInput,
  exportChart: exportChartInput,
} as const satisfies Record<ApiMethod, z.ZodType>;

// Compile-time check: API_METHODS names exactly the methods of CaselinkApi, both ways round.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsMatchInterface: Same<ApiMethod, keyof CaselinkApi> = true;
void methodsMatchInterface;
