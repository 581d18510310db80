/**
 * The app's Export: the workspace's chart handed to the export service (main/services/export),
 * which writes it, redacts it and records it in the audit trail exactly as `caselink export`
 * does; the files it wrote are read back as bytes for the window to save (a save dialog in the
 * desktop app, a download under `caselink serve`) and removed. CSV's three files travel as one
 * zip, so that one click saves one file.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { CaselinkFailure } from '../contract/errors';
import {
  exportChartInput,
  type ExportChartInput,
  type ExportedChartDto,
  type ExportFileDto,
  type ExportFormatDto,
  type ExportFormatName,
} from '../contract/exportTypes';
import type { Database } from '../db/database';
import type { ChartDefinitionInput } from './export/chartModel';
import { EXPORT_FORMATS, exportChart, type ExportFormat } from './export/exportService';

/** How the dialog presents each format the service may write; only those it writes are offered. */
const FORMAT_VIEWS: Record<ExportFormatName, Omit<ExportFormatDto, 'format'>> = {
  pdf: {
    label: 'PDF chart',
    description:
      'The chart on pages with its title block, legend and marking, and the evidence appendix: for a court bundle.',
    kind: 'chart',
    extension: 'pdf',
    options: ['paper', 'orientation'],
  },
  svg: {
    label: 'SVG chart',
    description: 'The chart as a vector drawing, to place in a report or edit in a drawing program.',
    kind: 'chart',
    extension: 'svg',
    options: ['paper', 'orientation'],
  },
  png: {
    label: 'PNG image',
    description: 'The chart as a picture at the resolution chosen, for slides and e-mail.',
    kind: 'chart',
    extension: 'png',
    options: ['paper', 'orientation', 'dpi'],
  },
  graphml: {
    label: 'GraphML',
    description: 'Nodes and links with their types, properties and sources; opens in Gephi, yEd and networkx.',
    kind: 'data',
    extension: 'graphml',
    options: [],
  },
  csv: {
    label: 'CSV (zip of three files)',
    description: 'nodes.csv, edges.csv and sources.csv, every field quoted and formula starts neutralised.',
    kind: 'data',
    extension: 'zip',
    options: [],
  },
  anx: {
    label: "i2 Analyst's Notebook (ANX)",
    description: 'The exchange XML that Analyst’s Notebook imports, each source a card with its grading.',
    kind: 'data',
    extension: 'anx',
    options: [],
  },
  json: {
    label: 'Caselink chart file (.caselink.json)',
    description: 'The chart’s definition and data: re-created later from the graph, with what changed since.',
    kind: 'data',
    extension: 'caselink.json',
    options: [],
  },
};

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
  graphml: 'application/xml',
  anx: 'application/xml',
  zip: 'application/zip',
  'caselink.json': 'application/json',
};

/** The zip's entries carry a fixed date, so the same chart zips to the same bytes. */
const ZIP_DATE = '1980-01-01T00:00:00';

const offered = (format: string): format is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(format);

/** The formats the export service writes, in the service's order, as the dialog offers them. */
export function exportFormats(): ExportFormatDto[] {
  return EXPORT_FORMATS.filter((f): f is ExportFormat & ExportFormatName => f in FORMAT_VIEWS).map((format) => ({
    format,
    ...FORMAT_VIEWS[format],
  }));
}

/** A file name from the chart's title: letters, digits and dashes, never a path. */
export function fileBaseName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return base || 'chart';
}

/** The definition the export service draws: the chart's nodes as they are (a selection, not expanded). */
function definitionOf(input: ReturnType<typeof exportChartInput.parse>): ChartDefinitionInput {
  const { chart } = input;
  const onChart = new Set(chart.nodes);
  return {
    title: input.title || 'Link chart',
    marking: input.marking,
    selection: [...onChart].sort(),
    hops: 0,
    identifiers: chart.identifiers,
    // Positions of nodes left off the export (hidden, filtered) would name them in the file.
    positions: Object.fromEntries(Object.entries(chart.positions).filter(([ref]) => onChart.has(ref))),
    styles: { ...chart.styles, reference: input.reference, author: input.author },
    redaction: {
      enabled: input.redaction.enabled,
      persons: [...new Set(input.redaction.persons)].filter((ref) => onChart.has(ref)).sort(),
    },
  };
}

function fileOf(fileName: string, bytes: Uint8Array, contentType: string): ExportFileDto {
  return { fileName, contentType, contentBase64: Buffer.from(bytes).toString('base64'), size: bytes.byteLength };
}

/**
 * Exports the workspace's chart (see the module comment). The service records the audit event,
 * failures included; nothing stays on disk whatever happens.
 */
export async function exportChartForDownload(db: Database, raw: ExportChartInput): Promise<ExportedChartDto> {
  const input = exportChartInput.parse(raw);
  const format: string = input.format;
  if (!offered(format))
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `This Caselink does not write ${format.toUpperCase()}; it writes ${EXPORT_FORMATS.join(', ')}.`,
    });
  const view = FORMAT_VIEWS[format as ExportFormatName];
  const base = fileBaseName(input.title);
  const dir = await mkdtemp(join(tmpdir(), 'caselink-export-'));
  try {
    const out = join(dir, `${base}.${format === 'csv' ? 'csv' : view.extension}`);
    const keyOut = input.includeKey ? join(dir, `${base}-key.json`) : undefined;
    const result = await exportChart(db, {
      definition: definitionOf(input),
      format,
      redact: input.redaction.enabled,
      out,
      print: {
        reference: input.reference,
        author: input.author,
        // The title block says when the chart was made (as `caselink export` writes it: the minute, in UTC).
        date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        paper: input.paper,
        orientation: input.orientation,
        dpi: input.dpi,
      },
      ...(keyOut ? { keyOut } : {}),
    });
    let file: ExportFileDto;
    if (format === 'csv') {
      const names = (await readdir(out)).sort();
      const entries: Record<string, Uint8Array> = {};
      for (const name of names) entries[name] = await readFile(join(out, name));
      file = fileOf(`${base}-csv.zip`, zipSync(entries, { level: 6, mtime: ZIP_DATE }), CONTENT_TYPES.zip as string);
    } else {
      file = fileOf(
        `${base}.${view.extension}`,
        await readFile(out),
        CONTENT_TYPES[view.extension] ?? 'application/octet-stream',
      );
    }
    const key = keyOut ? fileOf(`${base}-key.json`, await readFile(keyOut), 'application/json') : null;
    return {
      format,
      file,
      key,
      fingerprint: result.fingerprint,
      redacted: result.redacted,
      nodes: result.nodes,
      edges: result.edges,
      pseudonyms: result.pseudonyms,
      notes: result.notes,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
