/**
 * Expanding chart nodes: their neighbours by edge kind, agency and hops, hubs left out unless
 * asked, a cap whose remainder is counted ("show the rest" asks again with a larger limit), and
 * identifiers drawn as nodes or collapsed into `shares` links between their users. Neighbours are
 * taken in a fixed order (kind, then most records, then reference), so the same question draws
 * the same chart, and a larger limit draws a superset.
 */
import { DEFAULT_MATCH_THRESHOLD } from '../../core/rules';
import {
  CHART_NODE_KINDS,
  expandInput,
  readChartNodesInput,
  nodeRef,
  parseNodeRef,
  type ChartEdgeKind,
  type ChartNodeDto,
  type ChartNoteDto,
  type ChartSliceDto,
} from '../../contract/workspaceTypes';
import type { z } from 'zod';
import { inOneRead, type Database } from '../../db/database';
import { EdgeSet } from './chartEdges';
import { adviceNote, plainNote } from './chartNotes';
import {
  addChartRows,
  IDENTIFIER_RELATIONSHIPS,
  isIdentifierKind,
  loadChartNodes,
  noNodes,
  type LoadedNodes,
} from './chartNodes';
import { candidateLinks, MAX_STEP_LINKS, step, type CandidateLink, type GraphLink } from './neighbours';

export type ExpandInput = z.input<typeof expandInput>;

/** The relationship types an edge-kind filter follows; null when it follows none of them. */
export function typesFor(edgeKinds: readonly ChartEdgeKind[]): string[] | null {
  if (edgeKinds.length === 0) return [];
  const types = new Set<string>();
  for (const kind of edgeKinds) {
    if (kind === 'mentions') types.add('MENTIONS');
    else if (kind === 'about') types.add('ABOUT');
    else if (kind === 'shares') Object.values(IDENTIFIER_RELATIONSHIPS).forEach((t) => types.add(t));
    else if (kind !== 'same-as') types.add(IDENTIFIER_RELATIONSHIPS[kind]);
  }
  return types.size ? [...types].sort() : null;
}

/** Chart nodes known so far, and how graph references map onto them. */
class Known {
  readonly nodes = new Map<string, ChartNodeDto>();
  readonly chartRef = new Map<string, string>();
  readonly mentionsOf = new Map<string, string[]>();

  constructor(
    private readonly db: Database,
    private readonly joinAt: number | null,
  ) {}

  add(loaded: LoadedNodes): void {
    for (const [ref, node] of loaded.nodes) this.nodes.set(ref, node);
    for (const [from, to] of loaded.resolved) this.chartRef.set(from, to);
    for (const [ref, ids] of loaded.mentionsOf) this.mentionsOf.set(ref, ids);
  }

  /** Takes what draws the nodes links reach, where the step read it with them. */
  addReached(links: readonly GraphLink[], candidates: readonly CandidateLink[] = []): void {
    const rows = [
      ...links.flatMap((l) => (l.toChart && !this.chartRef.has(l.to) ? [l.toChart] : [])),
      ...candidates.flatMap((c) => (c.bChart && !this.chartRef.has(nodeRef('person', [c.b])) ? [c.bChart] : [])),
    ];
    if (rows.length === 0) return;
    const loaded = noNodes();
    addChartRows(rows, loaded);
    this.add(loaded);
  }

  /** Loads the chart nodes of graph references not seen yet. */
  async learn(refs: Iterable<string>): Promise<void> {
    const unknown = [...new Set(refs)].filter((r) => !this.chartRef.has(r));
    if (unknown.length) this.add(await loadChartNodes(this.db, unknown, { joinCandidatesAt: this.joinAt }));
  }

  /** The graph references behind chart nodes: a person's every mention. */
  graphRefs(chartRefs: Iterable<string>): string[] {
    const out: string[] = [];
    for (const ref of chartRefs) {
      const mentions = this.mentionsOf.get(ref);
      const kind = parseNodeRef(ref)?.kind ?? 'person';
      if (mentions) out.push(...mentions.map((m) => nodeRef(kind, [m])));
      else out.push(ref);
    }
    return out;
  }
}

/** What a step reads a graph reference by: a person or organisation mention by its id alone. */
function stepKey(ref: string): string {
  const parsed = parseNodeRef(ref);
  return parsed && (parsed.kind === 'person' || parsed.kind === 'organization') ? `party:${parsed.parts[0]}` : ref;
}

const kindRank = (node: ChartNodeDto) => CHART_NODE_KINDS.indexOf(node.kind);

/** The order neighbours are taken in: kind, most records first, then reference. */
export function neighbourOrder(a: ChartNodeDto, b: ChartNodeDto): number {
  return kindRank(a) - kindRank(b) || b.records - a.records || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Chart nodes re-read by reference, in the order asked, each once: a person asked for by any of its
 * mentions comes back under the person's own reference. References that find nothing are left out.
 */
export async function readChartNodes(
  db: Database,
  input: z.input<typeof readChartNodesInput>,
): Promise<ChartNodeDto[]> {
  const { nodes: refs } = readChartNodesInput.parse(input);
  const loaded = await inOneRead(db, 'workspace/read-chart-nodes', (tx) => loadChartNodes(tx, refs));
  const out = new Map<string, ChartNodeDto>();
  for (const ref of refs) {
    const id = loaded.resolved.get(ref);
    const node = id === undefined ? undefined : loaded.nodes.get(id);
    if (node && !out.has(node.id)) out.set(node.id, node);
  }
  return [...out.values()];
}

/**
 * Expands chart nodes; see the module comment. One read transaction: each hop's statements run
 * side by side in it, pipelined on one connection.
 */
export async function expandNodes(db: Database, input: ExpandInput): Promise<ChartSliceDto> {
  const opts = expandInput.parse(input);
  return inOneRead(db, 'workspace/expand', (tx) => expandIn(tx, opts));
}

async function expandIn(db: Database, opts: z.output<typeof expandInput>): Promise<ChartSliceDto> {
  const known = new Known(db, opts.joinCandidatesAt);
  const types = typesFor(opts.edgeKinds);
  const followSameAs = opts.edgeKinds.length === 0 || opts.edgeKinds.includes('same-as');
  const minScore = opts.joinCandidatesAt ?? DEFAULT_MATCH_THRESHOLD;
  const cut = { value: false };
  // The first step from the nodes as asked runs while their chart nodes are read (one round trip
  // less); the first hop then reads only what the chart nodes add (a person's other mentions).
  const askedParties = opts.nodes.flatMap((ref) => {
    const parsed = parseNodeRef(ref);
    return parsed && (parsed.kind === 'person' || parsed.kind === 'organization') ? [parsed.parts[0] as string] : [];
  });
  // The steps read what draws the nodes they reach, so that drawing them waits on no other round.
  const reach = { joinAt: opts.joinCandidatesAt };
  const early = {
    links:
      types === null
        ? Promise.resolve([])
        : step(db, opts.nodes, { types, agencies: opts.agencies, cut, nodes: reach }),
    candidates: followSameAs ? candidateLinks(db, askedParties, minScore, opts.agencies, reach) : Promise.resolve([]),
  };
  // Awaited in the first hop, or not at all when no node asked for is found: never left to reject unheard.
  early.links.catch(() => undefined);
  early.candidates.catch(() => undefined);
  const start = await loadChartNodes(db, opts.nodes, { joinCandidatesAt: opts.joinCandidatesAt });
  known.add(start);
  const notes: ChartNoteDto[] = [];
  const missing = opts.nodes.filter((ref) => !start.resolved.has(ref));
  if (missing.length)
    notes.push(
      plainNote(
        `${missing.length} of the nodes asked for ${missing.length === 1 ? 'is' : 'are'} no longer in the graph: ${missing.slice(0, 5).join(', ')}`,
      ),
    );
  if (start.cut)
    notes.push(
      plainNote('A person joins more mentions than Caselink draws as one node; some of its mentions are left out.'),
    );

  const onChart = new Set<string>();
  const order: string[] = [];
  const put = (ref: string) => {
    if (!onChart.has(ref)) {
      onChart.add(ref);
      order.push(ref);
    }
  };
  for (const ref of opts.nodes) {
    const chart = start.resolved.get(ref);
    if (chart) put(chart);
  }

  const collapse = opts.identifiers === 'collapsed';
  const edges = new EdgeSet();
  const hubsLeftOut = new Set<string>();
  const hubLabels = new Map<string, string>();
  let cappedOut = 0;
  let added = 0;
  let frontier = [...order];

  for (let hop = 1; hop <= opts.hops && frontier.length > 0; hop += 1) {
    const filter = { types: types ?? [], agencies: opts.agencies, cut, nodes: reach };
    let graphRefs = known.graphRefs(frontier);
    let mentionIds = frontier.flatMap((ref) => known.mentionsOf.get(ref) ?? []);
    if (hop === 1) {
      const stepped = new Set(opts.nodes.map(stepKey));
      const asked = new Set(askedParties);
      graphRefs = graphRefs.filter((ref) => !stepped.has(stepKey(ref)));
      mentionIds = mentionIds.filter((id) => !asked.has(id));
    }
    const [more, moreCandidates] = await Promise.all([
      types === null || graphRefs.length === 0 ? [] : step(db, graphRefs, filter),
      followSameAs ? candidateLinks(db, mentionIds, minScore, opts.agencies, reach) : [],
    ]);
    const [links, candidates] =
      hop === 1
        ? [
            [...(await early.links), ...more],
            [...(await early.candidates), ...moreCandidates],
          ]
        : [more, moreCandidates];
    // Identifiers reached: walked through to their users when collapsed, unless hubs.
    const reachedIdentifiers = new Map<string, boolean>();
    for (const l of links) if (isIdentifierKind(l.toKind)) reachedIdentifiers.set(l.to, l.hub);
    const walkable = [...reachedIdentifiers]
      .filter(([ref, hub]) => (opts.includeHubs || !hub) && !onChart.has(ref))
      .map(([ref]) => ref);
    for (const [ref, hub] of reachedIdentifiers)
      if (hub && !opts.includeHubs && !onChart.has(ref)) hubsLeftOut.add(ref);
    for (const l of links) if (l.toLabel !== undefined && hubsLeftOut.has(l.to)) hubLabels.set(l.to, l.toLabel);
    const users = collapse && walkable.length ? await step(db, walkable, filter) : [];
    known.addReached(links, candidates);
    known.addReached(users);
    // Hubs left out are not read: they are never drawn, and reading one costs its (bounded) uses.
    // The few the note names are named from the step's rows.
    await known.learn(
      [
        ...links.map((l) => l.to),
        ...links.map((l) => l.from),
        ...users.map((u) => u.to),
        ...candidates.flatMap((c) => [nodeRef('person', [c.a]), nodeRef('person', [c.b])]),
      ].filter((ref) => !hubsLeftOut.has(ref)),
    );
    const chart = (graphRef: string) => known.chartRef.get(graphRef) ?? null;

    // Each neighbour with the edges that would draw it, before the cap chooses.
    const pending = new Map<string, ((set: EdgeSet) => void)[]>();
    const offer = (from: string | null, to: string | null, draw: (set: EdgeSet) => void) => {
      if (!from || !to || from === to) return;
      const list = pending.get(to) ?? [];
      list.push(draw);
      pending.set(to, list);
    };
    const walkableSet = new Set(walkable);
    for (const l of links) {
      const [from, to] = [chart(l.from), chart(l.to)];
      if (isIdentifierKind(l.toKind)) {
        if (l.hub && !opts.includeHubs && !(to && onChart.has(to))) continue;
        if (collapse && !(to && onChart.has(to))) continue;
      }
      offer(from, to, (set) => from && to && set.addLink(l, from, to));
    }
    if (collapse) {
      const usesFrom = new Map<string, GraphLink[]>();
      for (const l of links) {
        if (!walkableSet.has(l.to)) continue;
        const list = usesFrom.get(l.to) ?? [];
        list.push(l);
        usesFrom.set(l.to, list);
      }
      for (const u of users) {
        const user = chart(u.to);
        for (const use of usesFrom.get(u.from) ?? []) {
          const from = chart(use.from);
          offer(from, user, (set) => {
            if (!from || !user) return;
            set.add('shares', from, user, { record: use.record, agency: use.agency, via: u.from });
            set.add('shares', from, user, { record: u.record, agency: u.agency, via: u.from });
          });
        }
      }
    }
    for (const c of candidates) {
      const [a, b] = [chart(nodeRef('person', [c.a])), chart(nodeRef('person', [c.b]))];
      if (!a || !b || a === b) continue;
      const [from, to] = onChart.has(a) ? [a, b] : [b, a];
      offer(from, to, (set) => {
        for (const [i, record] of c.records.entries())
          set.add('same-as', from, to, { record, agency: c.agencies[i] ?? null, score: c.score });
      });
    }

    // Edges to nodes already on the chart are drawn; new nodes are taken in order up to the cap.
    const fresh: ChartNodeDto[] = [];
    for (const [ref, draws] of pending) {
      if (onChart.has(ref)) draws.forEach((d) => d(edges));
      else {
        const node = known.nodes.get(ref);
        if (node) fresh.push(node);
      }
    }
    fresh.sort(neighbourOrder);
    const room = Math.max(0, opts.limit - added);
    const taken = fresh.slice(0, room);
    cappedOut += fresh.length - taken.length;
    for (const node of taken) {
      put(node.id);
      pending.get(node.id)?.forEach((d) => d(edges));
    }
    added += taken.length;
    frontier = taken.filter((n) => opts.includeHubs || !n.hub).map((n) => n.id);
    if (fresh.length > taken.length) break;
  }

  if (hubsLeftOut.size) {
    const named = [...hubsLeftOut].sort().slice(0, 3);
    // The step that reached them gave their labels; only a hub reached otherwise is read.
    await known.learn(named.filter((ref) => !hubLabels.has(ref)));
    const names = named.map((ref) => hubLabels.get(ref) ?? known.nodes.get(ref)?.label ?? ref);
    notes.push(
      adviceNote(
        'hubs-left-out',
        `${hubsLeftOut.size} hub identifier${hubsLeftOut.size === 1 ? '' : 's'} left out (${names.join(', ')}${hubsLeftOut.size > 3 ? ', …' : ''}): they link too many records to tell anything`,
      ),
    );
  }
  if (cut.value) {
    notes.push(
      plainNote(
        `Some nodes have more than ${MAX_STEP_LINKS.toLocaleString('en-GB')} links: only the first of them were read. Expand fewer nodes, or by kind or agency, to see the others.`,
      ),
    );
  }
  if (cappedOut) {
    notes.push(
      adviceNote('capped', `${cappedOut} more neighbour${cappedOut === 1 ? '' : 's'} not drawn (limit ${opts.limit})`),
    );
  }
  if (opts.joinCandidatesAt !== null && [...onChart].some((ref) => known.nodes.get(ref)?.unconfirmed)) {
    notes.push(
      plainNote(
        `Some persons join mentions by open candidates scored ${opts.joinCandidatesAt} or more: those matches are not confirmed.`,
      ),
    );
  }
  const nodes = order.map((ref) => known.nodes.get(ref)).filter((n): n is ChartNodeDto => n !== undefined);
  return {
    nodes,
    edges: edges.list((ref) => onChart.has(ref)),
    hubsLeftOut: hubsLeftOut.size,
    cappedOut,
    notes,
  };
}
