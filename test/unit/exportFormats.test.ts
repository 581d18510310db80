import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chartDefinition,
  chartFingerprint,
  type ExportChart,
  type ExportNode,
  type ExportSource,
} from '../../main/services/export/chartModel';
import { anxDateTime, toAnx, toChartFile, toCsv, toGraphml } from '../../main/services/export/formats';
import { redactChart } from '../../main/services/export/redact';
import { compareCharts, unchanged } from '../../main/services/export/exportService';
import { adviceNote, plainNote } from '../../main/services/workspace/chartNotes';

const source = (raw: string, column = 'Name'): ExportSource => ({
  record: 'r1',
  agency: 'POL',
  fileName: 'pol.csv',
  sha256: 'a'.repeat(64),
  sheet: 'pol.csv',
  row: 2,
  column,
  raw,
  caseRef: 'C-1',
  importedAt: '2026-01-02T03:04:05.000Z',
  grading: 'B2',
  handling: 'P',
});

const person = (id: string, label: string, roles: string[], extra: Partial<ExportNode> = {}): ExportNode => ({
  id,
  kind: 'person',
  label,
  agencies: ['POL'],
  records: 1,
  hub: false,
  roles,
  dates: ['2024-03'],
  properties: { name: label, birthDate: '1999-09-09' },
  sources: [source(label), source('09/09/1999', 'DOB')],
  ...extra,
});

function chart(nodes: ExportNode[], edges: ExportChart['edges'] = [], persons: string[] = []): ExportChart {
  return {
    definition: chartDefinition.parse({ seeds: [nodes[0]?.id], redaction: { enabled: true, persons } }),
    nodes,
    edges,
    notes: [],
  };
}

const phone: ExportNode = {
  id: 'phone:%2B447700900777',
  kind: 'phone',
  label: '+44 7700 900777',
  agencies: ['POL'],
  records: 1,
  hub: false,
  roles: [],
  dates: [],
  properties: { e164: '+447700900777' },
  sources: [source('07700 900777', 'Phone')],
};

describe('redaction', () => {
  const nodes = [
    person('person:b', 'Ana Witness', ['witness']),
    person('person:c', 'Vera Victim', ['victim']),
    person('person:a', 'Ina Victim', ['victim', 'suspect']),
    person('person:d', 'Sam Suspect', ['suspect']),
    phone,
  ];
  const edges: ExportChart['edges'] = [
    {
      id: 'phone|person:c|phone:%2B447700900777',
      source: 'person:c',
      target: phone.id,
      kind: 'phone',
      agencies: ['POL'],
      records: 1,
      sources: [source('07700 900777', 'Phone')],
    },
    {
      id: 'phone|person:d|phone:%2B447700900777',
      source: 'person:d',
      target: phone.id,
      kind: 'phone',
      agencies: ['POL'],
      records: 1,
      sources: [source('Vera Victim called 07700 900777', 'Note')],
    },
  ];

  it('numbers victims and witnesses in the order of their references, and names their identifiers after them', () => {
    const { chart: out, key } = redactChart(chart(nodes, edges));
    expect(out.nodes.map((n) => n.label).sort()).toEqual([
      'Phone 1 of Victim 2',
      'Sam Suspect',
      'Victim 1',
      'Victim 2',
      'Witness 1',
    ]);
    expect(key.map((k) => [k.pseudonym, k.ref])).toEqual([
      ['Phone 1 of Victim 2', phone.id],
      ['Victim 1', 'person:a'],
      ['Victim 2', 'person:c'],
      ['Witness 1', 'person:b'],
    ]);
    // The same chart in another order numbers them alike.
    expect(redactChart(chart([...nodes].reverse(), edges)).key).toEqual(key);
  });

  it('takes names, birth dates and identifier values out of every format, cells of other rows included', () => {
    const { chart: out } = redactChart(chart(nodes, edges, ['person:d']));
    const fp = chartFingerprint(out);
    const texts = [toGraphml(out, fp), toAnx(out).xml, toChartFile(out, fp), ...Object.values(toCsv(out))];
    for (const secret of [
      'Ana Witness',
      'Vera Victim',
      'Ina Victim',
      'Sam Suspect',
      '1999-09-09',
      '09/09/1999',
      '07700 900777',
      '+447700900777',
      '+44 7700 900777',
      '2B447700900777',
    ]) {
      for (const text of texts) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(texts[0]).toContain('Protected person 1');
  });

  it("scrubs a note's words and keeps its kind", () => {
    const noted = {
      ...chart(nodes, edges),
      notes: [adviceNote('hubs-left-out', '1 hub identifier left out (+44 7700 900777): they link too many records')],
    };
    expect(redactChart(noted).chart.notes).toEqual([
      {
        kind: 'hubs-left-out',
        text: '1 hub identifier left out ([redacted]): they link too many records; expand with hubs included to draw them.',
        fact: '1 hub identifier left out ([redacted]): they link too many records',
      },
    ]);
  });

  it('leaves a chart without protected persons as it was', () => {
    const plain = chart([person('person:d', 'Sam Suspect', ['suspect'])]);
    expect(redactChart(plain).chart).toBe(plain);
  });
});

describe('data formats', () => {
  it("keeps a chart file's notes as their texts, and its fingerprint as it was when notes were texts", () => {
    const noted: ExportChart = {
      ...chart([person('person:d', 'Sam Suspect', ['suspect'])]),
      notes: [
        adviceNote(
          'hubs-left-out',
          '1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything',
        ),
        adviceNote('capped', '3 more neighbours not drawn (limit 500)'),
        plainNote('1 nodes of the chart are not in the graph: phone:%2B449999999990'),
      ],
    };
    const texts = [
      '1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything; expand with hubs included to draw them.',
      '3 more neighbours not drawn (limit 500): show the rest to draw them.',
      '1 nodes of the chart are not in the graph: phone:%2B449999999990',
    ];
    const { definition, nodes, edges } = noted;
    const asTexts = createHash('sha256')
      .update(canonicalJson({ definition, nodes, edges, notes: texts }))
      .digest('hex');
    expect(chartFingerprint(noted)).toBe(asTexts);
    expect(JSON.parse(toChartFile(noted, asTexts)).data.notes).toEqual(texts);
  });

  it('quotes every CSV field and neutralises formula starts (the audit CSV’s neutraliser)', () => {
    const c = chart([person('person:x', '=cmd|" /C calc"!A0', ['suspect'])]);
    const { 'nodes.csv': nodes, 'sources.csv': sources } = toCsv(c);
    expect(nodes).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(sources).toContain(`"'=cmd|"" /C calc""!A0"`);
  });

  it('writes i2 date-times from dates and prefixes, and leaves a self-loop out of the ANX', () => {
    expect(anxDateTime('2024-03')).toBe('2024-03-01T00:00:00');
    expect(anxDateTime('2026-01-02T03:04:05.000Z')).toBe('2026-01-02T03:04:05');
    expect(anxDateTime('unknown')).toBeNull();
    const a = person('person:a', 'A', ['suspect']);
    const { xml, selfLoopsLeftOut } = toAnx(
      chart(
        [a],
        [
          {
            id: 'same-as|person:a|person:a',
            source: 'person:a',
            target: 'person:a',
            kind: 'same-as',
            agencies: [],
            records: 0,
            sources: [],
          },
        ],
      ),
    );
    expect(selfLoopsLeftOut).toBe(1);
    expect(xml).not.toContain('<Link ');
    expect(xml).toContain('GradeOneIndex="0"');
  });

  it('reports elements and sources added, removed and changed', () => {
    const a = person('person:a', 'A', ['suspect']);
    const b = person('person:b', 'B', ['suspect']);
    const a2 = { ...a, label: 'A2', sources: [source('A'), source('new')] };
    const r = compareCharts({ nodes: [a, b] }, { nodes: [a2] });
    expect(r.removed).toEqual(['person:b']);
    expect(r.changed).toEqual(['person:a']);
    expect(r.sourcesAdded.map((s) => s.element)).toEqual(['person:a']);
    expect(r.sourcesRemoved.map((s) => s.element)).toEqual(['person:a']);
    expect(unchanged(compareCharts({ nodes: [a] }, { nodes: [a] }))).toBe(true);
  });
});
