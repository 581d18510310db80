import type { GraphElements, NodeElement, PlainValue } from '../../../main/contract/api';
import type {
  ChartEdgeDto,
  ChartEdgeKind,
  ChartNodeDto,
  ChartNoteDto,
  ChartNodeKind,
  ChartSliceDto,
  MentionDto,
} from '../../../main/contract/workspaceTypes';

/**
 * The key parts of each kind's reference, as main/contract's NODE_REF_PARTS (the renderer may take
 * only types from there; a unit test checks that the two agree).
 */
export const REF_PARTS: Record<ChartNodeKind, readonly string[]> = {
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

/** A stable node reference, written as main/contract's nodeRef writes it. */
export function chartRef(kind: ChartNodeKind, parts: readonly string[]): string {
  return [kind, ...parts.map((p) => encodeURIComponent(p))].join(':');
}

/** The overview's labels (the graph's) for each chart kind; Agency and Source are not drawn. */
const KIND_OF_LABEL: Partial<Record<string, ChartNodeKind>> = {
  Person: 'person',
  Organization: 'organization',
  Case: 'case',
  Record: 'record',
  Phone: 'phone',
  Email: 'email',
  Address: 'address',
  Account: 'account',
  Handle: 'handle',
  Document: 'document',
  Vehicle: 'vehicle',
};

const KIND_OF_RELATIONSHIP: Partial<Record<string, ChartEdgeKind>> = {
  HAS_PHONE: 'phone',
  HAS_EMAIL: 'email',
  HAS_ADDRESS: 'address',
  HAS_ACCOUNT: 'account',
  HAS_HANDLE: 'handle',
  HAS_DOCUMENT: 'document',
  HAS_VEHICLE: 'vehicle',
  MENTIONS: 'mentions',
  ABOUT: 'about',
  SAME_AS: 'same-as',
};

function str(value: PlainValue | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The stable reference of an overview node, from the graph's unique keys; null when a key is missing. */
function refOf(kind: ChartNodeKind, properties: Record<string, PlainValue>): string | null {
  const parts = REF_PARTS[kind].map((key) => {
    const value = properties[key];
    return typeof value === 'number' ? String(value) : str(value);
  });
  return parts.every((p) => p !== null) ? chartRef(kind, parts as string[]) : null;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function mentionOf(node: NodeElement): MentionDto {
  const p = node.data.properties;
  return {
    id: str(p.id) ?? node.data.id,
    name: str(p.name) ?? node.data.label,
    role: str(p.role),
    agency: str(p.agency) ?? '',
    record: str(p.record) ?? '',
    date: str(p.date),
  };
}

const RECORD_FACTS = ['eventDate', 'sourceEvaluation', 'informationAssessment', 'handlingCode'] as const;

function recordFacts(p: Record<string, PlainValue>): Record<string, PlainValue> {
  const facts: Record<string, PlainValue> = {};
  for (const key of RECORD_FACTS) if (typeof p[key] === 'string') facts[key] = p[key];
  return facts;
}

/**
 * The overview (element-id based {@link GraphElements}) as a chart slice with stable node
 * references, so that it goes onto the chart like any search or expand answer.
 *
 * Persons main marked with one confirmed `group` become one person node listing its mentions;
 * the SAME_AS between them is left out and their relationships re-pointed, so a link asserted by
 * several mentions becomes one edge carrying every asserting agency. Hubs, Agency and Source
 * nodes, and edges whose far end is not in the answer, are left out and counted in `notes`.
 */
export function overviewToSlice(graph: GraphElements): ChartSliceDto {
  const refOfElement = new Map<string, string>();
  const members = new Map<string, NodeElement[]>();
  const nodes = new Map<string, ChartNodeDto>();
  let hubs = 0;
  let notDrawn = 0;
  // A confirmed group is named after its smallest member id: the same person, whichever mention
  // the overview happens to list first.
  const groupIds = new Map<string, string>();
  for (const { data } of graph.nodes) {
    const group = data.kind === 'Person' ? str(data.properties.group) : null;
    if (group === null) continue;
    const id = str(data.properties.id) ?? data.id;
    const known = groupIds.get(group);
    if (known === undefined || id < known) groupIds.set(group, id);
  }

  for (const element of graph.nodes) {
    const kind = KIND_OF_LABEL[element.data.kind];
    if (!kind) {
      notDrawn += 1;
      continue;
    }
    const p = element.data.properties;
    if (p.hub === true) {
      hubs += 1;
      continue;
    }
    let ref: string;
    if (kind === 'person') {
      const group = str(p.group);
      const own = str(p.id) ?? element.data.id;
      ref = chartRef('person', [(group ? groupIds.get(group) : undefined) ?? own]);
    } else {
      ref = refOf(kind, p) ?? `${kind}:${encodeURIComponent(element.data.id)}`;
    }
    refOfElement.set(element.data.id, ref);
    const list = members.get(ref);
    if (list) list.push(element);
    else members.set(ref, [element]);
  }

  for (const [ref, elements] of members) {
    const first = elements[0]!;
    const kind = KIND_OF_LABEL[first.data.kind]!;
    const p = first.data.properties;
    if (kind === 'person') {
      const mentions = elements.map(mentionOf);
      const names = sortedUnique(mentions.map((m) => m.name ?? '').filter((n) => n !== ''));
      nodes.set(ref, {
        id: ref,
        kind,
        label: names.join(' / ') || first.data.label,
        agencies: sortedUnique(mentions.map((m) => m.agency).filter((a) => a !== '')),
        records: mentions.length,
        hub: false,
        mentions,
        unconfirmed: false,
        roles: sortedUnique(mentions.map((m) => m.role ?? '').filter((r) => r !== '')),
        properties: {},
      });
    } else {
      const agency = str(p.agency);
      nodes.set(ref, {
        id: ref,
        kind,
        label: first.data.label,
        agencies: agency ? [agency] : [],
        records: typeof p.records === 'number' ? p.records : 1,
        hub: false,
        ...(kind === 'organization' && str(p.role) ? { roles: [str(p.role)!] } : {}),
        // A record's date and grading: the timeline and the grading filter read them.
        ...(kind === 'record' && str(p.eventDate) ? { dates: [str(p.eventDate)!] } : {}),
        properties: kind === 'record' ? recordFacts(p) : {},
      });
    }
  }

  const edges = new Map<string, ChartEdgeDto>();
  let cut = 0;
  for (const { data } of graph.edges) {
    const kind = KIND_OF_RELATIONSHIP[data.kind];
    const source = refOfElement.get(data.source);
    const target = refOfElement.get(data.target);
    if (!kind || !source || !target) {
      cut += 1;
      continue;
    }
    // Confirmed matches are drawn as one person, not as a link from the person to itself.
    if (source === target) continue;
    const p = data.properties;
    const role = kind === 'mentions' ? str(p.role) : null;
    const id = [kind, source, target, ...(role ? [role] : [])].join('|');
    const agency = str(p.agency);
    const record = str(p.record);
    const known = edges.get(id);
    if (known) {
      if (agency) known.agencies = sortedUnique([...known.agencies, agency]);
      if (record && known.records.length < 100 && !known.records.includes(record)) known.records.push(record);
      continue;
    }
    edges.set(id, {
      id,
      source,
      target,
      kind,
      agencies: agency ? [agency] : [],
      records: record ? [record] : [],
      ...(typeof p.score === 'number' ? { score: p.score } : {}),
      ...(role ? { role } : {}),
    });
  }

  // An identifier is asserted by the agencies whose records use it.
  for (const edge of edges.values()) {
    const target = nodes.get(edge.target);
    if (target && target.kind !== 'person' && edge.agencies.length > 0) {
      target.agencies = sortedUnique([...target.agencies, ...edge.agencies]);
    }
  }

  const notes: string[] = [];
  if (hubs > 0)
    notes.push(`${hubs} hub identifier${hubs === 1 ? '' : 's'} left out: they link too many records to tell anything.`);
  if (notDrawn > 0)
    notes.push(`${notDrawn} agency or source file node${notDrawn === 1 ? '' : 's'} not drawn on the chart.`);
  if (cut > 0) notes.push(`${cut} relationship${cut === 1 ? '' : 's'} whose far end is outside the overview left out.`);
  if (graph.truncated) notes.push('Overview only: the graph holds more than the chart shows.');
  // The overview offers nothing that would draw what it leaves out: every note is plain.
  const plain = (text: string): ChartNoteDto => ({ kind: 'other', text, fact: text });
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    hubsLeftOut: hubs,
    cappedOut: 0,
    notes: notes.map(plain),
  };
}
