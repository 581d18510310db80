import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  chartDefinition,
  chartFingerprint,
  type ExportChart,
  type ExportEdge,
  type ExportNode,
  type ExportSource,
} from '../../main/services/export/chartModel';
import { chartPdf, chartPng, chartSvg } from '../../main/services/export/printChart';
import { redactChart } from '../../main/services/export/redact';
import { TEXT_SIZES } from '../../main/services/export/chartPages';

const source = (agency: string, row: number, column: string, raw: string): ExportSource => ({
  record: `r-${agency}-${row}`,
  agency,
  fileName: `${agency.toLowerCase()}-cases.xlsx`,
  sha256: agency === 'BORDER' ? 'b'.repeat(64) : agency === 'CITY-POL' ? 'c'.repeat(64) : 'd'.repeat(64),
  sheet: 'Cases',
  row,
  column,
  raw,
  caseRef: `${agency}-1`,
  importedAt: '2026-11-01T09:30:00.000Z',
  grading: 'B2',
  handling: 'P',
});

const node = (
  id: string,
  kind: ExportNode['kind'],
  label: string,
  agencies: string[],
  extra: Partial<ExportNode> = {},
): ExportNode => ({
  id,
  kind,
  label,
  agencies,
  records: agencies.length,
  hub: false,
  roles: [],
  dates: [],
  properties: {},
  sources: agencies.map((a, i) => source(a, 2 + i, 'Name', label)),
  ...extra,
});

const edge = (
  kind: ExportEdge['kind'],
  from: string,
  to: string,
  agencies: string[],
  extra: Partial<ExportEdge> = {},
): ExportEdge => ({
  id: `${kind}|${from}|${to}`,
  source: from,
  target: to,
  kind,
  agencies,
  records: agencies.length,
  sources: agencies.map((a) => source(a, 7, 'Phone', '07700 900123')),
  ...extra,
});

const PHONE = 'phone:%2B447700900123';

/** Three agencies around one phone; a victim (Cyrillic name), a same-person candidate, an organisation. */
function sample(definition: Record<string, unknown> = {}): ExportChart {
  const nodes = [
    node('person:ion', 'person', 'Ion Popescu', ['CITY-POL'], { roles: ['suspect'] }),
    node('person:olena', 'person', 'Олена Шевченко', ['BORDER'], {
      roles: ['victim'],
      properties: { birthDate: '1999-09-09' },
    }),
    node('person:stefan', 'person', 'Ștefan Țurcanu', ['FIU'], { roles: ['suspect'] }),
    node(PHONE, 'phone', '+44 7700 900123', ['BORDER', 'CITY-POL']),
    node('organization:agentia', 'organization', 'Agenția Muncă SRL', ['FIU']),
  ];
  const edges = [
    edge('phone', 'person:ion', PHONE, ['CITY-POL']),
    edge('phone', 'person:olena', PHONE, ['BORDER']),
    edge('same-as', 'person:ion', 'person:stefan', [], { score: 0.81, sources: [] }),
    edge('mentions', 'organization:agentia', 'person:stefan', ['FIU'], { role: 'employer' }),
  ];
  return {
    definition: chartDefinition.parse({
      seeds: [PHONE],
      title: 'Operation Harbour',
      marking: 'OFFICIAL-SENSITIVE',
      ...definition,
    }),
    nodes,
    edges,
    notes: [],
  };
}

const PRINT = { reference: 'OP-HARBOUR/17', author: 'DC Analyst', date: '2026-11-30 09:00 UTC' };

/** The texts of an SVG, in order, unescaped. */
function svgTexts(svg: string): { text: string; size: number; x: number; y: number }[] {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map(
    (m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      size: Number(m[3]),
      text: (m[4] ?? '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    }),
  );
}

/** The bytes of a PDF with every Flate stream inflated, as one searchable text. */
function pdfInflated(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [raw];
  for (const m of raw.matchAll(/(?<!end)stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // A stream that is not Flate-compressed is already in the raw bytes.
    }
  }
  return parts.join('\n');
}

describe('drawn charts (SVG, PDF, PNG)', () => {
  it('prints the title block, the marking, the fingerprint and the page number, in readable sizes', () => {
    const chart = sample();
    const fp = chartFingerprint(chart);
    const texts = svgTexts(chartSvg(chart, fp, PRINT)).map((t) => t.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Operation Harbour',
        'OFFICIAL-SENSITIVE',
        `Chart fingerprint (SHA-256): ${fp}`,
        'Page 1 of 1',
      ]),
    );
    expect(texts.filter((t) => t === 'OFFICIAL-SENSITIVE')).toHaveLength(2);
    expect(texts.find((t) => t.startsWith('Reference:'))).toMatch(
      /Reference: OP-HARBOUR\/17\s+Author: DC Analyst\s+Date: 2026-11-30 09:00 UTC/,
    );
    // Names in Cyrillic and with Romanian diacritics are written as they are, numbered as the appendix numbers them.
    expect(texts).toEqual(expect.arrayContaining(['N2 Олена Шевченко', 'N3 Ștefan Țurcanu', 'N5 Agenția Muncă SRL']));
    expect(texts).toEqual(expect.arrayContaining(['L1 uses phone', 'L3 possibly same person (0.81)']));
    for (const t of svgTexts(chartSvg(chart, fp, PRINT))) expect(t.size, t.text).toBeGreaterThanOrEqual(6);
    expect(TEXT_SIZES.nodeLabel).toBeGreaterThanOrEqual(7);
  });

  it('draws a legend of exactly the entity kinds, link kinds and agencies on the chart', () => {
    const chart = sample();
    const svg = chartSvg(chart, chartFingerprint(chart), PRINT);
    const texts = svgTexts(svg).map((t) => t.text);
    for (const present of [
      'Entities',
      'Person',
      'Organization',
      'Phone',
      'uses phone',
      'named in record',
      'possibly same person (unconfirmed, dashed)',
      'across agencies (highlighted)',
      'BORDER',
      'CITY-POL',
      'FIU',
    ])
      expect(texts, present).toContain(present);
    for (const absent of ['Vehicle', 'Case', 'Address', 'uses address', 'part of case', 'LABOUR'])
      expect(texts, absent).not.toContain(absent);
    // The unconfirmed same-person link is dashed; the links through the shared phone highlighted.
    expect(svg).toMatch(/<line [^>]*stroke="#C2185B"/);
    expect(svg).toMatch(/<line [^>]*stroke-dasharray="3 2"/);
  });

  it('keeps the positions the chart carries, and lays out the same chart the same way every time', () => {
    const placed = sample({
      positions: {
        'person:ion': { x: 0, y: 0 },
        'person:olena': { x: 400, y: 0 },
        'person:stefan': { x: 0, y: 300 },
        [PHONE]: { x: 200, y: 0 },
        'organization:agentia': { x: 0, y: 600 },
      },
    });
    const labelAt = (svg: string, label: string) => svgTexts(svg).find((t) => t.text.endsWith(` ${label}`));
    const svg = chartSvg(placed, chartFingerprint(placed), PRINT);
    const [ion, olena, stefan] = ['Ion Popescu', 'Олена Шевченко', 'Ștefan Țurcanu'].map((l) => labelAt(svg, l));
    expect(ion && olena && ion.x < olena.x).toBe(true);
    expect(ion && stefan && ion.y < stefan.y).toBe(true);

    const free = sample();
    const fp = chartFingerprint(free);
    expect(chartSvg(free, fp, PRINT)).toBe(chartSvg(sample(), fp, PRINT));
  });

  it('sets the page to the paper asked for', () => {
    const chart = sample();
    const fp = chartFingerprint(chart);
    expect(chartSvg(chart, fp, { paper: 'a3', orientation: 'portrait' })).toContain(
      'width="841.89pt" height="1190.55pt"',
    );
    expect(chartSvg(chart, fp, { paper: 'letter' })).toContain('width="792pt" height="612pt"');
    expect(chartSvg(chart, fp, {})).toContain('width="841.89pt" height="595.28pt"');
  });

  it('writes the same PDF bytes for the same chart and print date, with the appendix after the chart', async () => {
    const chart = sample();
    const fp = chartFingerprint(chart);
    const [a, b] = [await chartPdf(chart, fp, PRINT), await chartPdf(sample(), fp, PRINT)];
    expect(a.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(Buffer.compare(a, b)).toBe(0);
    expect(pdfInflated(a).match(/\/Type \/Page\b/g)?.length).toBe(2);
    const other = await chartPdf(chart, fp, { ...PRINT, date: '2026-12-01 09:00 UTC' });
    expect(Buffer.compare(a, other)).not.toBe(0);
  }, 60_000);

  it('draws the PNG at the resolution asked for, the same pixels every time', async () => {
    const chart = sample();
    const fp = chartFingerprint(chart);
    const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
    const at72 = await chartPng(chart, fp, { ...PRINT, dpi: 72 });
    expect(at72.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(size(at72)).toEqual([842, 595]);
    expect(size(await chartPng(chart, fp, { ...PRINT, dpi: 144, paper: 'letter', orientation: 'portrait' }))).toEqual([
      1224, 1584,
    ]);
    expect(Buffer.compare(at72, await chartPng(chart, fp, { ...PRINT, dpi: 72 }))).toBe(0);
    await expect(chartPng(chart, fp, { dpi: 5000 })).rejects.toThrow(/dpi/);
  }, 60_000);

  it('shows protected persons only under their pseudonyms in the SVG and the PDF', async () => {
    const { chart, secrets } = redactChart(sample({ redaction: { enabled: true } }));
    const fp = chartFingerprint(chart);
    expect(secrets).toEqual(expect.arrayContaining(['Олена Шевченко', '1999-09-09', '+44 7700 900123']));
    const svg = chartSvg(chart, fp, PRINT);
    const pdf = pdfInflated(await chartPdf(chart, fp, PRINT));
    const labels = svgTexts(svg).map((t) => t.text.replace(/^N\d+ /, ''));
    expect(labels).toEqual(expect.arrayContaining(['Victim 1', 'Phone 1 of Victim 1']));
    for (const secret of secrets) {
      expect(svg.toLowerCase().includes(secret.toLowerCase()), `${secret} in the SVG`).toBe(false);
      expect(pdf.toLowerCase().includes(secret.toLowerCase()), `${secret} in the PDF`).toBe(false);
    }
    // The search does find what is written in plain: the title is in the PDF's own metadata.
    expect(pdf).toContain('Operation Harbour');
  }, 60_000);
});
