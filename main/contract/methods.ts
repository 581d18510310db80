/**
 * The names of the CaselinkApi methods, and the IPC channel and HTTP route derived from each.
 * Kept apart from the zod schemas so the preload (which must bundle everything it uses) stays
 * small. main/contract/api.ts checks at compile time that this list and the interface agree.
 */
export const API_METHODS = [
  'getConnectionStatus',
  'getConnectionSettings',
  'testConnection',
  'saveConnectionSettings',
  'getOverview',
  'listAgencies',
  'getGraphStats',
  'stageFile',
  'proposeMapping',
  'previewMapping',
  'planImport',
  'startImport',
  'getImportJob',
  'cancelImport',
  'resolve',
  'sharedIdentifiers',
  'explainLink',
  'expandNodes',
  'readChartNodes',
  'findPaths',
  'getNodeDetails',
  'explainEdge',
  'saveInvestigation',
  'listInvestigations',
  'openInvestigation',
  'deleteInvestigation',
  'listMatches',
  'decideMatch',
  'countOpenMatches',
  'listMatchClusters',
  'confirmMatches',
  'undoMatchDecision',
  'getMatchModel',
  'listAuditEvents',
  'exportAuditCsv',
  'search',
  'listExportFormats',
  'exportChart',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** The IPC channel of a method. */
export function channelOf(method: ApiMethod): string {
  return `caselink:${method}`;
}

/** The HTTP path of a method on the `caselink serve` bridge. */
export function routeOf(method: ApiMethod): string {
  return `/api/${method}`;
}

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}
