/**
 * Chart edges built from graph links: one edge per kind and pair of chart nodes (a person's
 * mentions are one node), carrying the records and agencies that assert it.
 */
import type { ChartEdgeDto, ChartEdgeKind } from '../../contract/workspaceTypes';
import { parseNodeRef } from '../../contract/workspaceTypes';
import { isIdentifierKind } from './chartNodes';
import { edgeKindOfType, type GraphLink } from './neighbours';

const MAX_EDGE_RECORDS = 100;

/** A chart edge's stable id. */
export function edgeId(kind: ChartEdgeKind, source: string, target: string, role?: string | null): string {
  return role ? `${kind}|${source}|${target}|${role}` : `${kind}|${source}|${target}`;
}

/** Reads an edge id back; null when it is not one. */
export function parseEdgeId(
  id: string,
): { kind: ChartEdgeKind; source: string; target: string; role: string | null } | null {
  const [kind, source, target, role] = id.split('|');
  if (!kind || !source || !target) return null;
  if (!parseNodeRef(source) || !parseNodeRef(target)) return null;
  return { kind: kind as ChartEdgeKind, source, target, role: role ?? null };
}

/** Edges gathered from links, merged by id. */
export class EdgeSet {
  readonly #edges = new Map<
    string,
    { dto: ChartEdgeDto; records: Set<string>; agencies: Set<string>; via: Set<string> }
  >();

  /** Adds one assertion of an edge (a record, its agency, and for `shares` the identifier). */
  add(
    kind: ChartEdgeKind,
    source: string,
    target: string,
    by: { record?: string | null; agency?: string | null; role?: string | null; score?: number; via?: string },
  ): string | null {
    if (source === target) return null;
    // Undirected kinds are stored one way round, so that either end finds the same edge.
    if ((kind === 'shares' || kind === 'same-as') && target < source) [source, target] = [target, source];
    const id = edgeId(kind, source, target, kind === 'mentions' ? by.role : null);
    let entry = this.#edges.get(id);
    if (!entry) {
      entry = {
        dto: { id, source, target, kind, agencies: [], records: [] },
        records: new Set(),
        agencies: new Set(),
        via: new Set(),
      };
      if (kind === 'mentions' && by.role) entry.dto.role = by.role;
      this.#edges.set(id, entry);
    }
    if (by.record) entry.records.add(by.record);
    if (by.agency) entry.agencies.add(by.agency);
    if (by.via) entry.via.add(by.via);
    if (by.score !== undefined) entry.dto.score = Math.max(entry.dto.score ?? 0, by.score);
    return id;
  }

  /**
   * Adds a graph link, its ends already turned into chart references. Identifier links run from
   * their user to the identifier, `mentions` from the record, `about` from the record to the case.
   */
  addLink(link: GraphLink, from: string, to: string): string | null {
    const kind = edgeKindOfType(link.type);
    const by = { record: link.record, agency: link.agency, role: link.role };
    const fromIsSource = kind === 'mentions' || kind === 'about' ? isRecordRef(from) : !isIdentifierKindRef(from);
    const [source, target] = fromIsSource ? [from, to] : [to, from];
    return this.add(kind as ChartEdgeKind, source, target, by);
  }

  has(id: string): boolean {
    return this.#edges.has(id);
  }

  /** The edges whose two ends pass `keep`, by id. */
  list(keep: (ref: string) => boolean = () => true): ChartEdgeDto[] {
    return [...this.#edges.values()]
      .filter((e) => keep(e.dto.source) && keep(e.dto.target))
      .map((e) => {
        const dto: ChartEdgeDto = {
          ...e.dto,
          agencies: [...e.agencies].sort(),
          records: [...e.records].sort().slice(0, MAX_EDGE_RECORDS),
        };
        if (e.via.size) dto.via = [...e.via].sort();
        return dto;
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function isIdentifierKindRef(ref: string): boolean {
  const parsed = parseNodeRef(ref);
  return parsed !== null && isIdentifierKind(parsed.kind);
}

function isRecordRef(ref: string): boolean {
  return ref.startsWith('record:');
}
