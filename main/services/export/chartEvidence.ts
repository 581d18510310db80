/**
 * The sources of every node and link of an export chart, read in a handful of statements
 * whatever the chart's size: the links of all its nodes in one step, their mentions, the
 * same-person pairs and shared identifiers behind its links, then every row's locations, each
 * once. Per node and per link it answers the sources the details panel lists
 * (detailsService.nodeDetails and explainEdge: every property's and every agency's sources, every
 * fact's sources), which once ran several statements for each node and link: an appendix of 500
 * nodes and 700 links took some ten thousand round trips.
 */
import { nodeRef, parseNodeRef, type ChartEdgeDto, type SourceRefDto } from '../../contract/workspaceTypes';
import type { Database, Row } from '../../db/database';
import { EdgeSet, parseEdgeId } from '../workspace/chartEdges';
import { isIdentifierKind, loadMentions, type LoadedNodes } from '../workspace/chartNodes';
import {
  drawnEdgeSources,
  fieldSources,
  locations,
  PARTY_PROPERTIES,
  RECORD_FIELDS,
  sourceRef,
  useSources,
  type Location,
} from '../workspace/detailsService';
import { step, type GraphLink } from '../workspace/neighbours';

/** Sources by chart node reference and by chart edge id, unsorted, repeats possible. */
export interface ChartEvidence {
  nodes: Map<string, SourceRefDto[]>;
  edges: Map<string, SourceRefDto[]>;
}

/** What the details panel's property list leaves out (PropertyList.add). */
const blank = (value: unknown) => value === null || value === undefined || value === '';

/**
 * Every link one step out from these graph references. A statement answers at most
 * MAX_STEP_LINKS links; a batch that reaches it is read again in halves, so that no node's links
 * are cut where reading it alone would not cut them.
 */
async function stepAll(db: Database, refs: readonly string[]): Promise<GraphLink[]> {
  if (refs.length === 0) return [];
  const cut = { value: false };
  const links = await step(db, refs, { types: [], agencies: [], cut });
  if (!cut.value || refs.length === 1) return links;
  const half = Math.ceil(refs.length / 2);
  const [a, b] = await Promise.all([stepAll(db, refs.slice(0, half)), stepAll(db, refs.slice(half))]);
  return [...a, ...b];
}

/** The graph references behind a chart node (a person's every mention), as detailsService reads them. */
function graphRefsOf(loaded: LoadedNodes, chartRef: string): string[] {
  const kind = parseNodeRef(chartRef)?.kind ?? 'person';
  return loaded.mentionsOf.get(chartRef)?.map((m) => nodeRef(kind, [m])) ?? [chartRef];
}

/**
 * The sources of the chart's nodes (`chartRefs`, loaded in `loaded`) and of its edges, as
 * nodeDetails and explainEdge give them one by one (see the module comment).
 */
export async function chartEvidence(
  db: Database,
  loaded: LoadedNodes,
  chartRefs: readonly string[],
  edges: readonly ChartEdgeDto[],
): Promise<ChartEvidence> {
  const parsedEdges = edges.map((e) => ({ edge: e, id: parseEdgeId(e.id) }));
  const mentionIds = chartRefs.flatMap((ref) => loaded.mentionsOf.get(ref) ?? []);
  const sameAsEnds = [
    ...new Set(parsedEdges.flatMap(({ id }) => (id?.kind === 'same-as' ? [id.source, id.target] : []))),
  ];
  const sameAsMentions = sameAsEnds.flatMap((ref) => loaded.mentionsOf.get(ref) ?? []);
  const [links, mentions, pairs] = await Promise.all([
    stepAll(
      db,
      chartRefs.flatMap((ref) => graphRefsOf(loaded, ref)),
    ),
    loadMentions(db, mentionIds),
    sameAsMentions.length
      ? db.read('workspace/same-as-between', { a: sameAsMentions, b: sameAsMentions })
      : Promise.resolve([] as Row[]),
  ]);

  // Each link under the chart node it was read from.
  const linksOf = new Map<string, GraphLink[]>();
  for (const l of links) {
    const owner = loaded.resolved.get(l.from) ?? l.from;
    const list = linksOf.get(owner);
    if (list) list.push(l);
    else linksOf.set(owner, [l]);
  }
  const endsLinks = (s: string, t: string) => [...(linksOf.get(s) ?? []), ...(linksOf.get(t) ?? [])];

  // Shared identifiers: explainEdge counts every identifier (off the chart or on it, hubs left out)
  // that both ends use; their users are read once for all the chart's `shares` links.
  const sharesEnds = parsedEdges.flatMap(({ id }) => (id?.kind === 'shares' ? [id.source, id.target] : []));
  const reached = [
    ...new Set(
      sharesEnds.flatMap((ref) =>
        (linksOf.get(ref) ?? []).filter((l) => isIdentifierKind(l.toKind) && !l.hub).map((l) => l.to),
      ),
    ),
  ];
  const usersOf = new Map<string, GraphLink[]>();
  for (const u of await stepAll(db, reached)) {
    const list = usersOf.get(u.from);
    if (list) list.push(u);
    else usersOf.set(u.from, [u]);
  }

  const records = new Set<string>();
  for (const l of links) if (l.record) records.add(l.record);
  for (const m of mentions.values()) for (const r of m.records) records.add(r.id);
  for (const ref of chartRefs) if (loaded.nodes.get(ref)?.kind === 'record') records.add(recordId(ref));
  const locs = await locations(db, records);
  const at = (record: string | null) => (record ? (locs.get(record) ?? []) : []);

  const nodes = new Map<string, SourceRefDto[]>();
  for (const ref of chartRefs) nodes.set(ref, nodeSources(ref, loaded, linksOf.get(ref) ?? [], mentions, locs));

  const out = new Map<string, SourceRefDto[]>();
  for (const { edge, id } of parsedEdges) {
    if (!id) continue;
    const [s, t] = [id.source, id.target];
    const ends = [s, t];
    const own = endsLinks(s, t);
    // As explainEdge reads the two ends alone: a reference stands for an end, or for itself.
    const chart = (ref: string) => {
      const c = loaded.resolved.get(ref);
      return c === s || c === t ? c : ref;
    };
    const sources: SourceRefDto[] = [];
    if (id.kind === 'shares') {
      const reachable = new Set(own.filter((l) => isIdentifierKind(l.toKind) && !l.hub).map((l) => l.to));
      for (const identifier of [...reachable].sort()) {
        const users = new Set((usersOf.get(identifier) ?? []).map((u) => chart(u.to)));
        if (ends.includes(identifier) || !users.has(s) || !users.has(t)) continue;
        const used = own.filter((l) => l.to === identifier && ends.includes(chart(l.from)));
        sources.push(...used.flatMap((l) => useSources(l, locs)));
      }
    } else if (id.kind === 'same-as') {
      const [a, b] = [new Set(loaded.mentionsOf.get(s) ?? []), new Set(loaded.mentionsOf.get(t) ?? [])];
      for (const p of pairs) {
        if (!a.has(p.string('a')) || !b.has(p.string('b'))) continue;
        const pairRecords = [p.string('a'), p.string('b')].flatMap(
          (m) => mentions.get(m)?.records.map((r) => r.id) ?? [],
        );
        sources.push(...pairRecords.flatMap((r) => at(r).map((loc) => sourceRef(loc, null, null))));
      }
    } else {
      // Every edge of this kind between the two ends (a record naming a person in two roles is
      // two `mentions` links): explainEdge gives the evidence of all of them.
      const between = new EdgeSet();
      const on = (ref: string) => {
        const c = chart(ref);
        return c === s || c === t ? c : null;
      };
      for (const l of own) {
        const [from, to] = [on(l.from), on(l.to)];
        if (from && to) between.addLink(l, from, to);
      }
      for (const e of between.list().filter((x) => x.kind === id.kind)) {
        sources.push(...drawnEdgeSources(e, own, ends, chart, locs));
      }
    }
    out.set(edge.id, sources);
  }
  return { nodes, edges: out };
}

const recordId = (ref: string) => parseNodeRef(ref)?.parts[0] as string;

/** One node's sources: its properties', its identifiers', and its records' (nodeDetails). */
function nodeSources(
  ref: string,
  loaded: LoadedNodes,
  links: readonly GraphLink[],
  mentions: Awaited<ReturnType<typeof loadMentions>>,
  locs: Map<string, Location[]>,
): SourceRefDto[] {
  const at = (record: string | null) => (record ? (locs.get(record) ?? []) : []);
  const node = loaded.nodes.get(ref);
  if (!node) return [];
  const identifierLinks = links.filter((l) => l.use !== null && l.type.startsWith('HAS_'));
  const own = (loaded.mentionsOf.get(ref) ?? []).flatMap((id) => mentions.get(id) ?? []);
  const records = new Set<string>();
  for (const m of own) for (const r of m.records) records.add(r.id);
  if (node.kind === 'record') records.add(recordId(ref));
  if (node.kind === 'case') for (const l of links) if (l.record) records.add(l.record);
  for (const l of identifierLinks) if (l.record) records.add(l.record);

  const sources: SourceRefDto[] = [];
  if (node.kind === 'person' || node.kind === 'organization') {
    for (const m of own) {
      const entity = String(m.properties.entity ?? '');
      for (const r of m.records)
        for (const [key, , fields] of PARTY_PROPERTIES)
          if (!blank(m.properties[key])) sources.push(...fieldSources(at(r.id), entity, fields));
    }
  }
  if (node.kind === 'record') {
    const recordLocs = at(recordId(ref));
    for (const [key] of RECORD_FIELDS)
      if (!blank(node.properties[key])) sources.push(...fieldSources(recordLocs, 'record', [key]));
    for (const loc of recordLocs.slice(0, 1))
      for (const [header, text] of loc.cells) if (!blank(text)) sources.push(sourceRef(loc, header, text));
  }
  if (node.kind === 'case' && !blank(node.properties.ref))
    for (const r of records) sources.push(...fieldSources(at(r), 'record', ['caseRef']));
  for (const l of identifierLinks) sources.push(...useSources(l, locs));
  for (const r of records) for (const loc of at(r)) sources.push(sourceRef(loc, null, null));
  return sources;
}
