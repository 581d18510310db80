/**
 * A seeded chart of a given size, shaped like an imported one: persons, organisations and cases
 * of five agencies sharing phones, addresses, accounts and e-mails, each node and link with one
 * to four source rows (file, sheet, row, column, SHA-256, import date, grading, handling).
 * For bench:export and the README's page image; no database needed.
 */
import { createHash } from 'node:crypto';
import { nodeRef, type ChartEdgeKind, type ChartNodeKind } from '../../main/contract/workspaceTypes';
import {
  chartDefinition,
  type ExportChart,
  type ExportEdge,
  type ExportNode,
  type ExportSource,
} from '../../main/services/export/chartModel';
import { Rng } from '../../scripts/fixtures/random';

const AGENCIES = ['BORDER', 'CITY-POL', 'FIU', 'LABOUR', 'NGO-HOTLINE'] as const;
const GIVEN = [
  'Ion',
  'Elena',
  'Mihai',
  'Ana',
  'Олена',
  'Andrei',
  'Ștefan',
  'Maria',
  'Dmitri',
  'Ioana',
  'Petru',
  'Svetlana',
];
const FAMILY = [
  'Popescu',
  'Dima',
  'Vasile',
  'Шевченко',
  'Ionescu',
  'Rusu',
  'Țurcanu',
  'Kovalenko',
  'Munteanu',
  'Lungu',
];
const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Mill Road', 'Park Avenue', 'Dunstable Road'];

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A chart of about `size` nodes (at least 10) drawn from `seed`. */
export function sampleChart(size: number, seed = 20261130, title = `Sample chart of ${size} entities`): ExportChart {
  const rng = new Rng(seed);
  const files = AGENCIES.map((agency) => ({
    agency,
    fileName: `${agency.toLowerCase()}-cases-2026-10.xlsx`,
    sha256: sha(`${agency}-${seed}`),
    importedAt: `2026-11-0${1 + AGENCIES.indexOf(agency)}T09:30:00.000Z`,
  }));
  const sources = (agencies: readonly string[], column: string): ExportSource[] =>
    agencies.flatMap((agency) =>
      Array.from({ length: rng.int(1, 2) }, () => {
        const f = files.find((x) => x.agency === agency) ?? (files[0] as (typeof files)[number]);
        const row = rng.int(2, 4000);
        return {
          record: sha(`${agency}-${row}`).slice(0, 16),
          agency,
          fileName: f.fileName,
          sha256: f.sha256,
          sheet: 'Cases',
          row,
          column,
          raw: null,
          caseRef: `${agency}-${rng.int(100, 999)}`,
          importedAt: f.importedAt,
          grading: rng.pick(['B2', 'A1', 'C3', 'B3']),
          handling: rng.pick(['P', 'C', 'H']),
        };
      }),
    );
  const nodes: ExportNode[] = [];
  const add = (kind: ChartNodeKind, key: string[], label: string, agencies: string[], roles: string[] = []) => {
    const node: ExportNode = {
      id: nodeRef(kind, key),
      kind,
      label,
      agencies: [...new Set(agencies)].sort(),
      records: agencies.length,
      hub: false,
      roles,
      dates: [],
      properties: {},
      sources: sources([...new Set(agencies)].sort(), kind === 'person' ? 'Name' : 'Value'),
    };
    nodes.push(node);
    return node;
  };
  const n = Math.max(size, 10);
  const persons = Array.from({ length: Math.round(n * 0.4) }, (_, i) =>
    add(
      'person',
      [`p${i}`],
      `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}`,
      [rng.pick(AGENCIES)],
      [rng.pick(['suspect', 'suspect', 'recruiter', 'victim', 'witness'])],
    ),
  );
  const cases = Array.from({ length: Math.round(n * 0.1) }, (_, i) => {
    const agency = rng.pick(AGENCIES);
    return add('case', [agency, `C-${i}`], `${agency} C-${1000 + i}`, [agency]);
  });
  const orgs = Array.from({ length: Math.round(n * 0.05) }, (_, i) =>
    add('organization', [`o${i}`], `${rng.pick(FAMILY)} Recruitment SRL`, [rng.pick(AGENCIES)]),
  );
  const identifiers: [ChartNodeKind, number, (i: number) => string][] = [
    ['phone', 0.22, (i) => `+44 7700 9${String(i).padStart(5, '0')}`],
    ['address', 0.13, (i) => `${i + 1} ${rng.pick(STREETS)}, Luton LU${rng.int(1, 7)}`],
    ['account', 0.06, (i) => `GB${String(10 + (i % 89))} NWBK 6016 1331 ${String(9268 + i).padStart(4, '0')}`],
    ['email', 0.04, (i) => `contact${i}@example.com`],
  ];
  const edges: ExportEdge[] = [];
  const link = (kind: ChartEdgeKind, a: ExportNode, b: ExportNode, role?: string, score?: number) => {
    const agencies =
      kind === 'same-as'
        ? []
        : [...new Set(a.agencies.filter((x) => b.agencies.includes(x)).concat(a.agencies.slice(0, 1)))].sort();
    const edge: ExportEdge = {
      id: `${kind}|${a.id}|${b.id}${role ? `|${role}` : ''}`,
      source: a.id,
      target: b.id,
      kind,
      agencies,
      records: agencies.length,
      sources: kind === 'same-as' ? [] : sources(agencies, kind === 'mentions' ? 'Name' : 'Phone'),
    };
    if (role) edge.role = role;
    if (score !== undefined) edge.score = score;
    edges.push(edge);
  };
  const users = [...persons, ...orgs];
  for (const [kind, share, label] of identifiers) {
    for (let i = 0; i < Math.round(n * share); i++) {
      const holders = Array.from({ length: rng.int(1, 3) }, () => rng.pick(users));
      const unique = [...new Map(holders.map((h) => [h.id, h])).values()];
      const id = add(
        kind,
        kind === 'account' ? ['iban', `${kind}${i}`] : [`${kind}${i}`],
        label(i),
        unique.flatMap((h) => h.agencies),
      );
      for (const h of unique) link(kind as ChartEdgeKind, h, id);
    }
  }
  for (const p of persons) link('mentions', rng.pick(cases), p, p.roles[0]);
  for (let i = 0; i < Math.round(n * 0.02); i++)
    link('same-as', rng.pick(persons), rng.pick(persons), undefined, 0.6 + rng.next() * 0.3);
  const seen = new Set<string>();
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    definition: chartDefinition.parse({
      title,
      marking: 'OFFICIAL-SENSITIVE',
      selection: nodes.map((x) => x.id).sort(),
    }),
    nodes: nodes.sort(byId),
    edges: edges.filter((e) => e.source !== e.target && !seen.has(e.id) && seen.add(e.id)).sort(byId),
    notes: [],
  };
}
