/**
 * The data formats a chart is written in: CSV (nodes, edges and their sources, every field
 * quoted and formula starts neutralised by main/core/csv.ts), GraphML and i2 Analyst's Notebook
 * exchange XML (ANX), both written with xmlbuilder2, and Caselink's own `.caselink.json`.
 * Nothing here reads a clock: the same chart writes the same bytes.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { csvDocument } from '../../core/csv';
import type { ChartNodeKind, ChartEdgeKind } from '../../contract/workspaceTypes';
import {
  canonicalJson,
  CHART_FILE_FORMAT,
  CHART_FILE_VERSION,
  type ChartFile,
  type ExportChart,
  type ExportSource,
} from './chartModel';
import { noteTexts } from '../workspace/chartNotes';

const XML = { version: '1.0', encoding: 'UTF-8' } as const;
const list = (values: readonly string[]) => values.join('; ');

/** A source in one line, as a reader checks it against the agency's file. */
export function describeSource(s: ExportSource): string {
  const column = s.column ? `, column ${s.column}` : '';
  const grade = [s.grading ? `grading ${s.grading}` : '', s.handling ? `handling ${s.handling}` : '']
    .filter(Boolean)
    .join(', ');
  return `${s.agency} ${s.fileName} › ${s.sheet} row ${s.row}${column}${grade ? ` (${grade})` : ''}; imported ${s.importedAt}; SHA-256 ${s.sha256}`;
}

// ---- CSV -------------------------------------------------------------------------------------

export const NODE_CSV_COLUMNS = [
  'id',
  'kind',
  'label',
  'redacted',
  'agencies',
  'records',
  'hub',
  'roles',
  'dates',
  'properties',
  'x',
  'y',
];
export const EDGE_CSV_COLUMNS = ['id', 'kind', 'source', 'target', 'agencies', 'records', 'role', 'score', 'via'];
export const SOURCE_CSV_COLUMNS = [
  'element',
  'agency',
  'file',
  'sha256',
  'sheet',
  'row',
  'column',
  'cell',
  'case',
  'record',
  'imported at',
  'grading',
  'handling',
];

/** nodes.csv, edges.csv and sources.csv (one line per source of a node or an edge). */
export function toCsv(chart: ExportChart): Record<string, string> {
  const pos = chart.definition.positions;
  const nodes = csvDocument(
    NODE_CSV_COLUMNS,
    chart.nodes.map((n) => [
      n.id,
      n.kind,
      n.label,
      n.redacted ?? '',
      list(n.agencies),
      n.records,
      n.hub,
      list(n.roles),
      list(n.dates),
      canonicalJson(n.properties),
      pos[n.id]?.x ?? '',
      pos[n.id]?.y ?? '',
    ]),
  );
  const edges = csvDocument(
    EDGE_CSV_COLUMNS,
    chart.edges.map((e) => [
      e.id,
      e.kind,
      e.source,
      e.target,
      list(e.agencies),
      e.records,
      e.role ?? '',
      e.score ?? '',
      list(e.via ?? []),
    ]),
  );
  const sourceRows = [...chart.nodes, ...chart.edges].flatMap((el) =>
    el.sources.map((s) => [
      el.id,
      s.agency,
      s.fileName,
      s.sha256,
      s.sheet,
      s.row,
      s.column ?? '',
      s.raw ?? '',
      s.caseRef ?? '',
      s.record,
      s.importedAt,
      s.grading ?? '',
      s.handling ?? '',
    ]),
  );
  return {
    'nodes.csv': nodes,
    'edges.csv': edges,
    'sources.csv': csvDocument(SOURCE_CSV_COLUMNS, sourceRows),
  };
}

// ---- GraphML ---------------------------------------------------------------------------------

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
type KeyType = 'string' | 'int' | 'double' | 'boolean';
const GRAPHML_KEYS: { id: string; for: 'graph' | 'node' | 'edge'; name: string; type: KeyType }[] = [
  { id: 'g_title', for: 'graph', name: 'title', type: 'string' },
  { id: 'g_marking', for: 'graph', name: 'marking', type: 'string' },
  { id: 'g_fingerprint', for: 'graph', name: 'fingerprint', type: 'string' },
  { id: 'n_kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_redacted', for: 'node', name: 'redacted', type: 'string' },
  { id: 'n_agencies', for: 'node', name: 'agencies', type: 'string' },
  { id: 'n_records', for: 'node', name: 'records', type: 'int' },
  { id: 'n_hub', for: 'node', name: 'hub', type: 'boolean' },
  { id: 'n_roles', for: 'node', name: 'roles', type: 'string' },
  { id: 'n_dates', for: 'node', name: 'dates', type: 'string' },
  { id: 'n_properties', for: 'node', name: 'properties', type: 'string' },
  { id: 'n_sources', for: 'node', name: 'sources', type: 'string' },
  { id: 'n_x', for: 'node', name: 'x', type: 'double' },
  { id: 'n_y', for: 'node', name: 'y', type: 'double' },
  { id: 'e_kind', for: 'edge', name: 'kind', type: 'string' },
  { id: 'e_agencies', for: 'edge', name: 'agencies', type: 'string' },
  { id: 'e_records', for: 'edge', name: 'records', type: 'int' },
  { id: 'e_role', for: 'edge', name: 'role', type: 'string' },
  { id: 'e_score', for: 'edge', name: 'score', type: 'double' },
  { id: 'e_via', for: 'edge', name: 'via', type: 'string' },
  { id: 'e_sources', for: 'edge', name: 'sources', type: 'string' },
];

function data(el: XMLBuilder, key: string, value: string | number | boolean | undefined | null): void {
  if (value === undefined || value === null || value === '') return;
  el.ele('data', { key }).txt(String(value));
}

const sourceLines = (sources: readonly ExportSource[]) => sources.map(describeSource).join('\n');

/** GraphML with typed keys (opens in Gephi, yEd and networkx); sources as one line each. */
export function toGraphml(chart: ExportChart, fingerprint: string): string {
  const xsi = 'http://www.w3.org/2001/XMLSchema-instance';
  const root = create(XML)
    .ele(GRAPHML_NS, 'graphml', { 'xmlns:xsi': xsi })
    .att(xsi, 'xsi:schemaLocation', `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`);
  for (const k of GRAPHML_KEYS) root.ele('key', { id: k.id, for: k.for, 'attr.name': k.name, 'attr.type': k.type });
  const graph = root.ele('graph', { id: 'chart', edgedefault: 'directed' });
  data(graph, 'g_title', chart.definition.title);
  data(graph, 'g_marking', chart.definition.marking);
  data(graph, 'g_fingerprint', fingerprint);
  const pos = chart.definition.positions;
  for (const n of chart.nodes) {
    const el = graph.ele('node', { id: n.id });
    data(el, 'n_kind', n.kind);
    data(el, 'n_label', n.label);
    data(el, 'n_redacted', n.redacted);
    data(el, 'n_agencies', list(n.agencies));
    data(el, 'n_records', n.records);
    data(el, 'n_hub', n.hub);
    data(el, 'n_roles', list(n.roles));
    data(el, 'n_dates', list(n.dates));
    data(el, 'n_properties', canonicalJson(n.properties));
    data(el, 'n_sources', sourceLines(n.sources));
    data(el, 'n_x', pos[n.id]?.x);
    data(el, 'n_y', pos[n.id]?.y);
  }
  for (const e of chart.edges) {
    const el = graph.ele('edge', { id: e.id, source: e.source, target: e.target });
    data(el, 'e_kind', e.kind);
    data(el, 'e_agencies', list(e.agencies));
    data(el, 'e_records', e.records);
    data(el, 'e_role', e.role);
    data(el, 'e_score', e.score);
    data(el, 'e_via', list(e.via ?? []));
    data(el, 'e_sources', sourceLines(e.sources));
  }
  return `${root.end({ prettyPrint: true, wellFormed: true })}\n`;
}

// ---- i2 ANX ----------------------------------------------------------------------------------

/** Entity type names and the i2 standard icons drawn for them. */
const ANX_ENTITY_TYPES: Record<ChartNodeKind, { name: string; icon: string }> = {
  person: { name: 'Person', icon: 'Person' },
  organization: { name: 'Organisation', icon: 'Organisation' },
  case: { name: 'Case', icon: 'Case File' },
  record: { name: 'Record', icon: 'Document' },
  phone: { name: 'Telephone', icon: 'Telephone' },
  email: { name: 'E-mail Address', icon: 'E-mail' },
  address: { name: 'Address', icon: 'Address' },
  account: { name: 'Account', icon: 'Bank Account' },
  handle: { name: 'Online Identity', icon: 'Internet' },
  document: { name: 'Identity Document', icon: 'Passport' },
  vehicle: { name: 'Vehicle', icon: 'Car' },
};

const ANX_LINK_TYPES: Record<ChartEdgeKind, string> = {
  phone: 'Uses telephone',
  email: 'Uses e-mail',
  address: 'Uses address',
  account: 'Holds account',
  handle: 'Uses online identity',
  document: 'Holds document',
  vehicle: 'Uses vehicle',
  mentions: 'Named in',
  about: 'Part of case',
  'same-as': 'Possibly same person',
  shares: 'Shares identifier',
};

/**
 * A grading as detailsService writes it: the source evaluation's one character, then the
 * information assessment ("B2" in 5x5x5, "2B" in 3x5x2).
 */
function gradeParts(grading: string | null): [string, string] {
  return grading ? [grading.slice(0, 1), grading.slice(1)] : ['', ''];
}

/** The grade lists of the chart (i2 grades are indexes into them): the values its sources use. */
interface Grades {
  one: string[];
  two: string[];
  three: string[];
}

/** An ISO date-time i2 reads ("2024-03-01T00:00:00"), from a date, a prefix of one or a date-time. */
export function anxDateTime(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

function cards(parent: XMLBuilder, sources: readonly ExportSource[], grades: Grades): void {
  if (!sources.length) return;
  const coll = parent.ele('CardCollection');
  for (const s of sources) {
    const attrs: Record<string, string> = {
      Summary: `${s.agency} ${s.fileName} › ${s.sheet} row ${s.row}${s.column ? `, column ${s.column}` : ''}`,
      Text: describeSource(s),
      SourceReference: `${s.fileName} (SHA-256 ${s.sha256}) › ${s.sheet} row ${s.row}${s.column ? ` column ${s.column}` : ''}`,
      SourceType: s.agency,
    };
    const date = anxDateTime(s.importedAt);
    if (date) Object.assign(attrs, { DateTime: date, DateSet: 'true', TimeSet: 'true' });
    const [one, two] = gradeParts(s.grading);
    if (one) attrs.GradeOneIndex = String(grades.one.indexOf(one));
    if (two) attrs.GradeTwoIndex = String(grades.two.indexOf(two));
    if (s.handling) attrs.GradeThreeIndex = String(grades.three.indexOf(s.handling));
    coll.ele('Card', attrs);
  }
}

const ANX_ATTRIBUTES = [
  { name: 'Agencies', type: 'AttText' },
  { name: 'Records', type: 'AttNumber' },
  { name: 'Roles', type: 'AttText' },
  { name: 'First date', type: 'AttTime' },
  { name: 'Last date', type: 'AttTime' },
  { name: 'Score', type: 'AttNumber' },
  { name: 'Caselink reference', type: 'AttText' },
] as const;

function attributes(parent: XMLBuilder, values: [string, string | number | null | undefined][]): void {
  const present = values.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!present.length) return;
  const coll = parent.ele('AttributeCollection');
  for (const [name, value] of present) coll.ele('Attribute', { AttributeClass: name, Value: String(value) });
}

/**
 * i2 Analyst's Notebook exchange XML: entity and link types with icons, one entity per node
 * with a unique Identity (its reference), links whose ends resolve and never loop, strengths
 * (unconfirmed same-person links dashed), attributes (dates as AttTime) and one card per source
 * with its grades.
 */
export function toAnx(chart: ExportChart): { xml: string; selfLoopsLeftOut: number } {
  const all = [...chart.nodes, ...chart.edges].flatMap((el) => el.sources);
  const distinct = (values: string[]) => [...new Set(values)].filter(Boolean).sort();
  const grades: Grades = {
    one: distinct(all.map((s) => gradeParts(s.grading)[0])),
    two: distinct(all.map((s) => gradeParts(s.grading)[1])),
    three: distinct(all.map((s) => s.handling ?? '')),
  };
  const root = create(XML).ele('Chart', { IdReferenceLinking: 'false', Rigorous: 'true' });
  const strengths = root.ele('StrengthCollection');
  strengths.ele('Strength', { Id: 'Confirmed', Name: 'Confirmed', DotStyle: 'DotStyleSolid' });
  strengths.ele('Strength', { Id: 'Unconfirmed', Name: 'Unconfirmed', DotStyle: 'DotStyleDashed' });
  for (const [name, values] of [
    ['GradeOne', grades.one],
    ['GradeTwo', grades.two],
    ['GradeThree', grades.three],
  ] as const) {
    const coll = root.ele(name).ele('StringCollection');
    values.forEach((v) => coll.ele('String').txt(v));
  }
  const attrClasses = root.ele('AttributeClassCollection');
  for (const a of ANX_ATTRIBUTES)
    attrClasses.ele('AttributeClass', {
      Name: a.name,
      Type: a.type,
      UserCanAdd: 'true',
      UserCanRemove: 'true',
      Visible: 'true',
    });

  const kinds = [...new Set(chart.nodes.map((n) => n.kind))].sort();
  const entityTypes = root.ele('EntityTypeCollection');
  for (const k of kinds)
    entityTypes.ele('EntityType', { Name: ANX_ENTITY_TYPES[k].name, IconFile: ANX_ENTITY_TYPES[k].icon });
  const linkKinds = [...new Set(chart.edges.map((e) => e.kind))].sort();
  const linkTypes = root.ele('LinkTypeCollection');
  for (const k of linkKinds) linkTypes.ele('LinkType', { Name: ANX_LINK_TYPES[k], Colour: '0' });

  const items = root.ele('ChartItemCollection');
  const entityId = new Map<string, string>();
  const pos = chart.definition.positions;
  chart.nodes.forEach((n, i) => {
    entityId.set(n.id, `E${i + 1}`);
    const first = n.dates[0] ? anxDateTime(n.dates[0]) : null;
    const item = items.ele('ChartItem', {
      Label: n.label,
      Description: n.redacted ? `${n.redacted} (redacted)` : '',
      ...(first ? { DateTime: first, DateSet: 'true', TimeSet: 'false' } : { DateSet: 'false' }),
      XPosition: String(Math.round(pos[n.id]?.x ?? 0)),
    });
    const end = item.ele('End', { X: String(Math.round(pos[n.id]?.x ?? 0)), Y: String(Math.round(pos[n.id]?.y ?? 0)) });
    const entity = end.ele('Entity', { EntityId: `E${i + 1}`, Identity: n.id, LabelIsIdentity: 'false' });
    entity.ele('Icon').ele('IconStyle', { Type: ANX_ENTITY_TYPES[n.kind].name });
    cards(entity, n.sources, grades);
    const last = n.dates.at(-1);
    attributes(item, [
      ['Agencies', list(n.agencies)],
      ['Records', n.records],
      ['Roles', list(n.roles)],
      ['First date', first],
      ['Last date', last ? anxDateTime(last) : null],
      ['Caselink reference', n.id],
    ]);
  });
  let selfLoopsLeftOut = 0;
  for (const e of chart.edges) {
    const [end1, end2] = [entityId.get(e.source), entityId.get(e.target)];
    // i2 refuses a link whose ends are one entity, or do not resolve.
    if (!end1 || !end2 || end1 === end2) {
      selfLoopsLeftOut++;
      continue;
    }
    const item = items.ele('ChartItem', {
      Label: e.role ? `${ANX_LINK_TYPES[e.kind]} (${e.role})` : ANX_LINK_TYPES[e.kind],
      DateSet: 'false',
    });
    const strength = e.kind === 'same-as' ? 'Unconfirmed' : 'Confirmed';
    const link = item.ele('Link', { End1Id: end1, End2Id: end2, Strength: strength });
    link.ele('LinkStyle', {
      Type: ANX_LINK_TYPES[e.kind],
      ArrowStyle: 'ArrowNone',
      LineWidth: String(Math.min(1 + e.records, 5)),
      Strength: strength,
    });
    cards(link, e.sources, grades);
    attributes(item, [
      ['Agencies', list(e.agencies)],
      ['Records', e.records],
      ['Score', e.score],
      ['Caselink reference', e.id],
    ]);
  }
  return { xml: `${root.end({ prettyPrint: true, wellFormed: true })}\n`, selfLoopsLeftOut };
}

// ---- .caselink.json ---------------------------------------------------------------------------

/** The chart file: definition, data and fingerprint, as canonical JSON (keys sorted, two spaces). */
export function toChartFile(chart: ExportChart, fingerprint: string): string {
  const file: ChartFile = {
    format: CHART_FILE_FORMAT,
    version: CHART_FILE_VERSION,
    fingerprint,
    definition: chart.definition,
    data: { nodes: chart.nodes, edges: chart.edges, notes: noteTexts(chart.notes) },
  };
  return `${canonicalJson(file, 2)}\n`;
}
