import type { GraphStatsDto } from '../contract/importTypes';
import type { Database } from '../db/database';

export type GraphStats = GraphStatsDto;
export type AgencyStats = GraphStatsDto['byAgency'][number];

const num = (v: unknown) => Number(v ?? 0);

/** Nodes and relationships by agency, label and type. */
export async function graphStats(db: Database): Promise<GraphStats> {
  const [agencies, labels, types] = await Promise.all([
    db.read('stats/by-agency'),
    db.read('stats/nodes-by-label'),
    db.read('stats/relationships-by-type'),
  ]);
  return {
    byAgency: agencies.map((r) => ({
      agency: r.get('agency') as string,
      name: r.get('name') as string,
      sources: num(r.get('sources')),
      completeSources: num(r.get('completeSources')),
      records: num(r.get('records')),
      cases: num(r.get('cases')),
      persons: num(r.get('persons')),
      organizations: num(r.get('organizations')),
      identifiers: num(r.get('identifiers')),
    })),
    nodesByLabel: Object.fromEntries(labels.map((r) => [r.get('label') as string, num(r.get('count'))])),
    relationshipsByType: Object.fromEntries(types.map((r) => [r.get('type') as string, num(r.get('count'))])),
  };
}
