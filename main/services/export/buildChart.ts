/**
 * Builds the chart an export writes from its definition: the seeds expanded (or the selection as
 * it is), re-read from the graph, with the edges among all of its nodes and, for every node and
 * edge, the rows that assert it (the details panel's sources, read for the whole chart at once:
 * chartEvidence.ts). Everything is sorted, so that the
 * same definition over the same data builds the same chart.
 */
import { CaselinkFailure } from '../../contract/errors';
import {
  nodeRef,
  parseNodeRef,
  type ChartEdgeDto,
  type ChartNodeDto,
  type ChartNoteDto,
  type SourceRefDto,
} from '../../contract/workspaceTypes';
import type { Database } from '../../db/database';
import { loadChartNodes } from '../workspace/chartNodes';
import { plainNote } from '../workspace/chartNotes';
import { expandNodes } from '../workspace/expandService';
import { edgesAmong } from '../workspace/investigationService';
import { search } from '../workspace/searchService';
import {
  byId,
  chartDefinition,
  distinctSorted,
  type ChartDefinitionInput,
  type ExportChart,
  type ExportEdge,
  type ExportNode,
  type ExportSource,
} from './chartModel';
import { chartEvidence } from './chartEvidence';

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

/**
 * A seed typed by the analyst: a node reference (in the graph's spelling, its keys escaped), or a
 * search text that finds exactly one node (one hit in all, or one hit whose label is the text).
 * NotFound when the reference is not in the graph or the text finds nothing, as `caselink expand`
 * and `details` say it.
 */
export async function resolveSeed(db: Database, value: string): Promise<string> {
  // A reference with its key as written ("phone:+447700900123") names the node of the escaped one.
  const ref = parseNodeRef(value);
  if (ref) {
    const id = nodeRef(ref.kind, ref.parts);
    if (!(await loadChartNodes(db, [id])).resolved.has(id))
      throw new CaselinkFailure({
        kind: 'NotFound',
        message: `${id} is not in the graph.`,
        hint: 'Node references are printed by "caselink search".',
      });
    return id;
  }
  const text = value.trim();
  if (!text) throw new CaselinkFailure({ kind: 'InvalidInput', message: 'The seed is empty.' });
  const result = await search(db, { text: text.slice(0, 200), kinds: [], limit: 20 });
  const hits = result.groups.flatMap((g) => g.hits);
  const exact = hits.filter((h) => h.node.label.toLocaleLowerCase() === text.toLocaleLowerCase());
  const chosen = hits.length === 1 ? hits : exact;
  if (chosen.length === 1) return (chosen[0] as (typeof hits)[number]).node.id;
  const listed = (chosen.length ? chosen : hits)
    .slice(0, 5)
    .map((h) => `${h.node.kind} ${h.node.label} (${h.node.id})`)
    .join('; ');
  throw new CaselinkFailure({
    kind: hits.length ? 'InvalidInput' : 'NotFound',
    message: hits.length
      ? `"${text}" finds ${hits.length} nodes, not one; give a node reference: ${listed}`
      : `"${text}" finds nothing in the graph.`,
  });
}

function toSource(s: SourceRefDto): ExportSource {
  return { ...s };
}

function toNode(n: ChartNodeDto, sources: ExportSource[]): ExportNode {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    agencies: sorted(n.agencies),
    records: n.records,
    hub: n.hub,
    roles: sorted(n.roles ?? []),
    dates: sorted(n.dates ?? []),
    properties: n.properties,
    sources,
  };
}

function toEdge(e: ChartEdgeDto, sources: ExportSource[]): ExportEdge {
  const edge: ExportEdge = {
    id: e.id,
    source: e.source,
    target: e.target,
    kind: e.kind,
    agencies: sorted(e.agencies),
    records: e.records.length,
    sources,
  };
  if (e.role !== undefined) edge.role = e.role;
  if (e.score !== undefined) edge.score = e.score;
  if (e.via !== undefined) edge.via = sorted(e.via);
  return edge;
}

/** The chart of a definition, with every node's and edge's sources, unredacted. */
export async function buildChart(db: Database, input: ChartDefinitionInput): Promise<ExportChart> {
  const definition = chartDefinition.parse(input);
  const notes: ChartNoteDto[] = [];
  const refs = new Set<string>(definition.selection);
  if (definition.seeds.length && definition.hops > 0) {
    const slice = await expandNodes(db, {
      nodes: definition.seeds,
      hops: definition.hops,
      includeHubs: definition.includeHubs,
      identifiers: definition.identifiers,
      limit: definition.limit,
    });
    for (const n of slice.nodes) refs.add(n.id);
    notes.push(...slice.notes);
  } else {
    for (const s of definition.seeds) refs.add(s);
  }
  const loaded = await loadChartNodes(db, refs);
  const missing = [...refs].filter((r) => !loaded.resolved.has(r)).sort();
  if (missing.length)
    notes.push(plainNote(`${missing.length} nodes of the chart are not in the graph: ${missing.join(', ')}`));
  const chartRefs = sorted([...loaded.nodes.keys()]);
  const edges = await edgesAmong(db, loaded, chartRefs, definition.identifiers === 'collapsed', null);

  const evidence = await chartEvidence(db, loaded, chartRefs, edges);
  const nodes = chartRefs.map((ref) =>
    toNode(loaded.nodes.get(ref) as ChartNodeDto, distinctSorted((evidence.nodes.get(ref) ?? []).map(toSource))),
  );
  const exportEdges = edges.map((e) => toEdge(e, distinctSorted((evidence.edges.get(e.id) ?? []).map(toSource))));
  return { definition, nodes: nodes.sort(byId), edges: exportEdges.sort(byId), notes };
}
