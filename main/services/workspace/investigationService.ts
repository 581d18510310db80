/**
 * Saved investigations: a chart's definition (node references, positions, pins, settings, notes)
 * kept in the graph under a name, never the data it draws. Reopening one re-reads its nodes from
 * the graph as it is now, with the edges among them, and says which nodes are gone or now drawn
 * under another reference. Saving and deleting are recorded in the audit trail.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CaselinkFailure } from '../../contract/errors';
import {
  investigationIdInput,
  investigationInput,
  type ChartEdgeDto,
  type ChartNoteDto,
  type InvestigationDto,
  type InvestigationSummaryDto,
  type OpenedInvestigationDto,
} from '../../contract/workspaceTypes';
import type { Database, Row } from '../../db/database';
import { audited, osUserName } from '../auditService';
import { EdgeSet } from './chartEdges';
import { plainNote } from './chartNotes';
import { isIdentifierKind, loadChartNodes, type LoadedNodes } from './chartNodes';
import { candidateLinks, step } from './neighbours';
import { DEFAULT_MATCH_THRESHOLD } from '../../core/rules';
import { nodeRef, parseNodeRef } from '../../contract/workspaceTypes';

export type SaveInvestigationInput = z.input<typeof investigationInput>;

function summary(row: Row): InvestigationSummaryDto {
  return {
    id: row.string('id'),
    name: row.string('name'),
    nodeCount: row.number('nodeCount'),
    savedAt: row.string('savedAt'),
    savedBy: row.stringOrNull('savedBy') ?? 'unknown',
  };
}

const notFound = (id: string) =>
  new CaselinkFailure({
    kind: 'NotFound',
    message: `There is no saved investigation ${id}.`,
    hint: 'List the saved investigations to find it; it may have been deleted.',
  });

/** Saves a chart as a new investigation, or over the one `id` names. */
export async function saveInvestigation(db: Database, input: SaveInvestigationInput): Promise<InvestigationSummaryDto> {
  const { id: given, ...chart } = investigationInput.parse(input);
  if (given && (await db.read('workspace/get-investigation', { id: given })).length === 0) throw notFound(given);
  const id = given ?? randomUUID();
  return audited(
    db,
    {
      kind: 'investigation',
      action: `save investigation "${chart.name}"`,
      details: { investigation: id, name: chart.name, nodes: chart.nodes.length, replaced: given !== undefined },
    },
    async () => {
      const [row] = await db.write('workspace/save-investigation', {
        id,
        name: chart.name,
        chartJson: JSON.stringify(chart),
        nodeCount: chart.nodes.length,
        savedBy: osUserName(),
        now: new Date().toISOString(),
      });
      if (!row) throw new Error('saving the investigation answered nothing');
      return summary(row);
    },
  );
}

/** The saved investigations, newest first. */
export async function listInvestigations(db: Database): Promise<InvestigationSummaryDto[]> {
  return (await db.read('workspace/list-investigations')).map(summary);
}

/** One saved investigation as saved. */
export async function getInvestigation(db: Database, id: string): Promise<InvestigationDto> {
  const [row] = await db.read('workspace/get-investigation', { id: investigationIdInput.parse({ id }).id });
  if (!row) throw notFound(id);
  const chart = investigationInput.parse(JSON.parse(row.string('chartJson')));
  return { ...summary(row), chart };
}

/** Reopens a saved investigation: its chart, and its nodes and the edges among them as the graph holds them now. */
export async function openInvestigation(db: Database, id: string): Promise<OpenedInvestigationDto> {
  const saved = await getInvestigation(db, id);
  const settings = saved.chart.settings;
  const joinAt = typeof settings.joinCandidatesAt === 'number' ? settings.joinCandidatesAt : null;
  const refs = saved.chart.nodes.map((n) => n.id);
  const loaded = await loadChartNodes(db, refs, { joinCandidatesAt: joinAt });
  const missing = refs.filter((ref) => !loaded.resolved.has(ref));
  const moved = refs
    .filter((ref) => loaded.resolved.has(ref) && loaded.resolved.get(ref) !== ref)
    .map((ref) => ({ from: ref, to: loaded.resolved.get(ref) as string }));
  const onChart = [...new Set(refs.flatMap((ref) => loaded.resolved.get(ref) ?? []))];
  const notes: ChartNoteDto[] = [];
  if (missing.length)
    notes.push(
      plainNote(`${missing.length} node${missing.length === 1 ? ' is' : 's are'} no longer in the graph and left out.`),
    );
  if (moved.length)
    notes.push(
      plainNote(
        `${moved.length} node${moved.length === 1 ? ' is' : 's are'} now drawn as part of a person joined since.`,
      ),
    );
  return {
    ...saved,
    slice: {
      nodes: onChart.map((ref) => loaded.nodes.get(ref)).filter((n) => n !== undefined),
      edges: await edgesAmong(db, loaded, onChart, settings.identifiers === 'collapsed', joinAt),
      hubsLeftOut: 0,
      cappedOut: 0,
      notes,
    },
    missing,
    moved,
  };
}

/** Deletes a saved investigation. */
export async function deleteInvestigation(db: Database, id: string): Promise<{ id: string; name: string }> {
  const { id: checked } = investigationIdInput.parse({ id });
  return audited(
    db,
    { kind: 'investigation', action: `delete investigation ${checked}`, details: { investigation: checked } },
    async () => {
      const [row] = await db.write('workspace/delete-investigation', { id: checked });
      if (!row) throw notFound(checked);
      return { id: checked, name: row.string('name') };
    },
  );
}

/**
 * The edges among chart nodes: links between two of them, open candidates between persons on
 * it, and (when the chart collapses identifiers) identifiers off the chart shared by two of them.
 */
export async function edgesAmong(
  db: Database,
  loaded: LoadedNodes,
  chartRefs: readonly string[],
  collapsed: boolean,
  joinAt: number | null,
): Promise<ChartEdgeDto[]> {
  const on = new Set(chartRefs);
  const graphRefs = chartRefs.flatMap((ref) => {
    const kind = parseNodeRef(ref)?.kind ?? 'person';
    return loaded.mentionsOf.get(ref)?.map((m) => nodeRef(kind, [m])) ?? [ref];
  });
  const chart = (ref: string) => loaded.resolved.get(ref) ?? (on.has(ref) ? ref : null);
  const filter = { types: [], agencies: [] };
  const links = await step(db, graphRefs, filter);
  const edges = new EdgeSet();
  for (const l of links) {
    const [from, to] = [chart(l.from), chart(l.to)];
    if (from && to && on.has(from) && on.has(to)) edges.addLink(l, from, to);
  }
  if (collapsed) {
    const off = [
      ...new Set(links.filter((l) => isIdentifierKind(l.toKind) && !l.hub && !on.has(l.to)).map((l) => l.to)),
    ];
    const users = off.length ? await step(db, off, filter) : [];
    const byIdentifier = new Map<string, typeof users>();
    for (const u of users) byIdentifier.set(u.from, [...(byIdentifier.get(u.from) ?? []), u]);
    for (const [identifier, uses] of byIdentifier) {
      for (const a of uses) {
        for (const b of uses) {
          const [x, y] = [chart(a.to), chart(b.to)];
          if (!x || !y || x >= y || !on.has(x) || !on.has(y)) continue;
          edges.add('shares', x, y, { record: a.record, agency: a.agency, via: identifier });
          edges.add('shares', x, y, { record: b.record, agency: b.agency, via: identifier });
        }
      }
    }
  }
  const mentions = chartRefs.flatMap((ref) => (ref.startsWith('person:') ? (loaded.mentionsOf.get(ref) ?? []) : []));
  for (const c of await candidateLinks(db, mentions, joinAt ?? DEFAULT_MATCH_THRESHOLD, [])) {
    const [a, b] = [chart(nodeRef('person', [c.a])), chart(nodeRef('person', [c.b]))];
    if (!a || !b || a === b || !on.has(a) || !on.has(b)) continue;
    c.records.forEach((record, i) =>
      edges.add('same-as', a, b, { record, agency: c.agencies[i] ?? null, score: c.score }),
    );
  }
  return edges.list((ref) => on.has(ref));
}
