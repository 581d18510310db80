/**
 * The services composed into the one {@link CaselinkApi}. Every method validates its input with
 * the contract's zod schema and answers with a Result; no exception crosses this line.
 */
import {
  API_INPUTS,
  confirmMatchesInput,
  countOpenMatchesInput,
  decideMatchInput,
  listMatchClustersInput,
  undoMatchDecisionInput,
  listAuditEventsInput,
  listMatchesInput,
  previewMappingInput,
  resolveInput,
  sharedIdentifiersInput,
  planImportInput,
  startImportInput,
  type ApiMethod,
  type CaselinkApi,
  type Result,
} from '../contract/api';
import { CaselinkFailure, describeIssues, toError } from '../contract/errors';
import { searchInput } from '../contract/workspaceTypes';
import type { Database } from '../db/database';
import { listAgencies } from './agencyService';
import { auditCsv, listEvents } from './auditService';
import { overview } from './graphService';
import { cardHasher } from './import/profiles';
import { ImportWorkspace } from './import/workspace';
import { explainLink, sharedIdentifiers } from './linkService';
import { explainEdge, nodeDetails } from './workspace/detailsService';
import { expandNodes, readChartNodes } from './workspace/expandService';
import {
  deleteInvestigation,
  listInvestigations,
  openInvestigation,
  saveInvestigation,
} from './workspace/investigationService';
import { findPaths } from './workspace/pathService';
import {
  confirmMatches,
  countOpenMatches,
  decideMatch,
  listMatchClusters,
  listMatches,
  undoMatchDecision,
} from './matchService';
import { matchModelView } from './modelView';
import { resolve } from './resolveService';
import { graphStats } from './statsService';
import { connectionStatus } from './statusService';
import { auditedSearch } from './workspace/searchService';
import { exportChartForDownload, exportFormats } from './exportDownload';

async function answer<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toError(error) };
  }
}

/** Parses `input` with the method's schema; a bad input becomes an InvalidInput Result. */
export function parseInput<M extends ApiMethod>(method: M, input: unknown): Result<unknown> {
  const parsed = API_INPUTS[method].safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: {
      kind: 'InvalidInput',
      message: `${method}: ${describeIssues(parsed.error)}`,
    },
  };
}

function fixedConnection(): CaselinkFailure {
  return new CaselinkFailure({ kind: 'InvalidInput', message: 'This Caselink works on one fixed database.' });
}

export interface ApiOptions {
  /** CASELINK_HOME: staged uploads, saved profiles, reports and the card-hash key live there. */
  home: string;
}

/** The API with what its owner (the app, `caselink serve`) calls when it stops. */
export interface CaselinkServices extends CaselinkApi {
  /** Cancels running imports and removes staged uploads. */
  dispose(): Promise<void>;
}

export function createApi(db: Database, options: ApiOptions): CaselinkServices {
  const imports = new ImportWorkspace(db, options.home);
  return {
    dispose: () => imports.dispose(),
    getConnectionStatus: () => answer(() => connectionStatus(db)),
    // The app and `caselink serve` answer these through the ConnectionManager (connectionService),
    // which owns the database; an API made over one fixed database can only describe it.
    getConnectionSettings: () =>
      answer(async () => ({
        ...(db.settings.local
          ? { local: true as const }
          : {
              local: false as const,
              uri: db.settings.uri,
              user: db.settings.user,
              database: db.settings.database,
              passwordStored: true,
            }),
        source: 'environment' as const,
        canSave: false,
        persistent: false,
      })),
    testConnection: () => answer(() => Promise.reject(fixedConnection())),
    saveConnectionSettings: () => answer(() => Promise.reject(fixedConnection())),
    getOverview: (input) => answer(() => overview(db, input)),
    listAgencies: () => answer(() => listAgencies(db)),
    getGraphStats: () => answer(() => graphStats(db)),
    stageFile: (input) => answer(() => imports.stage(input.name, Buffer.from(input.contentBase64, 'base64'))),
    proposeMapping: (input) =>
      answer(async () => {
        const agency = (await listAgencies(db)).find((a) => a.code === input.agency);
        if (!agency)
          throw new CaselinkFailure({ kind: 'NotFound', message: `The agency ${input.agency} is not registered.` });
        return imports.propose(input.fileId, input.agency, input.country ?? agency.country);
      }),
    previewMapping: (input) =>
      answer(() => imports.preview(input.fileId, previewMappingInput.parse(input).profile, input.rows ?? 10)),
    planImport: (input) =>
      answer(() => {
        const parsed = planImportInput.parse(input);
        return imports.plan(parsed.fileIds, parsed.agency, parsed.profile);
      }),
    startImport: (input) =>
      answer(() => {
        const parsed = startImportInput.parse(input);
        return imports.start(parsed.fileIds, parsed.agency, parsed.profile, parsed.saveProfile);
      }),
    getImportJob: (input) => answer(async () => imports.job(input.jobId)),
    cancelImport: (input) => answer(async () => imports.cancel(input.jobId)),
    resolve: (input) =>
      answer(async () => {
        const { hubThreshold, matcher, incremental } = resolveInput.parse(input);
        return resolve(db, { hubThreshold, matcher, incremental, relinkWith: await cardHasher(options.home) });
      }),
    sharedIdentifiers: (input) => answer(() => sharedIdentifiers(db, sharedIdentifiersInput.parse(input))),
    explainLink: (input) => answer(() => explainLink(db, input.a, input.b)),
    expandNodes: (input) => answer(() => expandNodes(db, input)),
    readChartNodes: (input) => answer(() => readChartNodes(db, input)),
    findPaths: (input) => answer(() => findPaths(db, input)),
    getNodeDetails: (input) => answer(() => nodeDetails(db, input)),
    explainEdge: (input) => answer(() => explainEdge(db, input)),
    saveInvestigation: (input) => answer(() => saveInvestigation(db, input)),
    listInvestigations: () => answer(() => listInvestigations(db)),
    openInvestigation: (input) => answer(() => openInvestigation(db, input.id)),
    deleteInvestigation: (input) => answer(() => deleteInvestigation(db, input.id)),
    listMatches: (input) => answer(() => listMatches(db, listMatchesInput.parse(input))),
    decideMatch: (input) =>
      answer(async () => {
        await decideMatch(db, decideMatchInput.parse(input));
        return null;
      }),
    countOpenMatches: (input) => answer(() => countOpenMatches(db, countOpenMatchesInput.parse(input).minScore)),
    listMatchClusters: (input) => answer(() => listMatchClusters(db, listMatchClustersInput.parse(input))),
    confirmMatches: (input) => answer(() => confirmMatches(db, confirmMatchesInput.parse(input))),
    undoMatchDecision: (input) => answer(() => undoMatchDecision(db, undoMatchDecisionInput.parse(input))),
    getMatchModel: () => answer(() => matchModelView(db)),
    listAuditEvents: (input) => answer(() => listEvents(db, listAuditEventsInput.parse(input))),
    exportAuditCsv: (input) =>
      answer(async () => ({
        fileName: `caselink-audit-${new Date().toISOString().slice(0, 10)}.csv`,
        csv: auditCsv(await listEvents(db, listAuditEventsInput.parse(input))),
      })),
    search: (input) => answer(() => auditedSearch(db, searchInput.parse(input))),
    listExportFormats: () => answer(async () => exportFormats()),
    exportChart: (input) => answer(() => exportChartForDownload(db, input)),
  };
}

/**
 * Calls `method` on `api` with an untrusted input (from IPC or HTTP): parses it first, so a
 * handler only ever sees what the contract allows.
 */
export async function dispatch(api: CaselinkApi, method: ApiMethod, input: unknown): Promise<Result<unknown>> {
  const parsed = parseInput(method, input);
  if (!parsed.ok) return parsed;
  const call = api[method] as (arg: unknown) => Promise<Result<unknown>>;
  try {
    return await call.call(api, parsed.value);
  } catch (error) {
    return { ok: false, error: toError(error) };
  }
}
