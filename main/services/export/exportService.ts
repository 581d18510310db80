/**
 * Export of a chart: built from its definition, redacted when asked, written in one format,
 * and recorded in the audit trail (format, fingerprint, redaction on or off). A `.caselink.json`
 * chart file read back is rebuilt from the graph and compared with the data it holds: the same
 * data writes the same bytes, changed data is reported (elements and sources added, removed,
 * changed).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CaselinkFailure } from '../../contract/errors';
import { depthBeyond } from '../../core/jsonDepth';
import type { Database } from '../../db/database';
import type { ChartNoteDto } from '../../contract/workspaceTypes';
import { audited } from '../auditService';
import { noteTexts, plainNote } from '../workspace/chartNotes';
import { buildChart } from './buildChart';
import {
  canonicalJson,
  chartDefinition,
  chartFingerprint,
  CHART_FILE_FORMAT,
  type ChartDefinitionInput,
  type ExportChart,
  type ExportEdge,
  type ExportNode,
} from './chartModel';
import type { ChartPrintOptions } from './printChart';
import { redactChart, type RedactionKeyEntry } from './redact';
import { EXPORT_FORMATS } from '../../contract/choices';

export type { ChartPrintOptions } from './printChart';

/** Drawn charts first (PDF with its evidence appendix, SVG, PNG), then the data formats. */
export { EXPORT_FORMATS };
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A chart file is read whole: bound it before parsing. */
export const MAX_CHART_FILE_BYTES = 64 * 1024 * 1024;
/** A chart file nests a dozen levels at most; far more is not one. */
export const MAX_CHART_FILE_DEPTH = 64;

/** What changed between a chart file's data and the graph now. */
export interface ChangeReport {
  added: string[];
  removed: string[];
  /** Elements whose own fields (label, agencies …) changed, sources aside. */
  changed: string[];
  sourcesAdded: { element: string; source: string }[];
  sourcesRemoved: { element: string; source: string }[];
}

export interface ExportOptions {
  definition: ChartDefinitionInput;
  format: ExportFormat;
  /** Redact protected persons (or keep the definition's setting when absent). */
  redact?: boolean;
  /** A file, or for CSV a folder (nodes.csv, edges.csv, sources.csv). */
  out: string;
  /** Where to write the pseudonym → identity key (only when redacting). */
  keyOut?: string;
  /** The data of a chart file read back, to report what changed. */
  previous?: { nodes: ExportNode[]; edges: ExportEdge[] };
  /** PDF, SVG and PNG: reference, author, date, paper, orientation, resolution. */
  print?: ChartPrintOptions;
}

export interface ExportResult {
  format: ExportFormat;
  fingerprint: string;
  redacted: boolean;
  /** The files written. */
  files: string[];
  nodes: number;
  edges: number;
  /** How many people (and identifiers of theirs) were redacted. */
  pseudonyms: number;
  notes: ChartNoteDto[];
  /** Set when the export was made from a chart file. */
  changes?: ChangeReport;
}

/** Reads a `.caselink.json`: its definition, and its data to compare with. */
export async function readChartFile(
  path: string,
): Promise<{ definition: ChartDefinitionInput; data: { nodes: ExportNode[]; edges: ExportEdge[] } | null }> {
  const size = (await stat(path)).size;
  if (size > MAX_CHART_FILE_BYTES)
    throw new CaselinkFailure({ kind: 'InvalidInput', message: `${path}: a chart file larger than 64 MB is refused.` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `${path}: not JSON (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  // Schemas read recursively: a hundred thousand nested brackets would overflow the stack there.
  if (depthBeyond(parsed, MAX_CHART_FILE_DEPTH) !== null)
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `${path}: nests deeper than ${MAX_CHART_FILE_DEPTH} levels; a chart file is refused past that.`,
    });
  const shape = z
    .object({
      format: z.literal(CHART_FILE_FORMAT),
      definition: z.unknown(),
      data: z
        .object({ nodes: z.array(z.any()), edges: z.array(z.any()) })
        .loose()
        .optional(),
    })
    .loose()
    .safeParse(parsed);
  // A bare definition (seeds, selection …) is a chart file too: the analyst may write one by hand.
  const definitionInput = shape.success ? shape.data.definition : parsed;
  const definition = chartDefinition.safeParse(definitionInput);
  if (!definition.success)
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `${path}: not a chart definition: ${definition.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
        .join('; ')}`,
    });
  const data =
    shape.success && shape.data.data ? (shape.data.data as { nodes: ExportNode[]; edges: ExportEdge[] }) : null;
  return { definition: definition.data, data };
}

/** What changed from `before` to `after`, element by element and source by source. */
export function compareCharts(
  before: { nodes: readonly (ExportNode | ExportEdge)[]; edges?: readonly (ExportNode | ExportEdge)[] },
  after: { nodes: readonly (ExportNode | ExportEdge)[]; edges?: readonly (ExportNode | ExportEdge)[] },
): ChangeReport {
  const index = (c: typeof before) => new Map([...c.nodes, ...(c.edges ?? [])].map((el) => [el.id, el]));
  const [a, b] = [index(before), index(after)];
  const report: ChangeReport = { added: [], removed: [], changed: [], sourcesAdded: [], sourcesRemoved: [] };
  for (const id of [...b.keys()].sort()) if (!a.has(id)) report.added.push(id);
  for (const id of [...a.keys()].sort()) if (!b.has(id)) report.removed.push(id);
  for (const id of [...a.keys()].sort()) {
    const [x, y] = [a.get(id), b.get(id)];
    if (!x || !y) continue;
    const { sources: sx, ...restX } = x;
    const { sources: sy, ...restY } = y;
    if (canonicalJson(restX) !== canonicalJson(restY)) report.changed.push(id);
    const [setX, setY] = [new Set(sx.map((s) => canonicalJson(s))), new Set(sy.map((s) => canonicalJson(s)))];
    for (const s of [...setY].sort()) if (!setX.has(s)) report.sourcesAdded.push({ element: id, source: s });
    for (const s of [...setX].sort()) if (!setY.has(s)) report.sourcesRemoved.push({ element: id, source: s });
  }
  return report;
}

/** True when a change report finds nothing. */
export const unchanged = (r: ChangeReport) =>
  r.added.length + r.removed.length + r.changed.length + r.sourcesAdded.length + r.sourcesRemoved.length === 0;

/**
 * The bytes of each file of an export, by file name (one entry named '', or CSV's three). The
 * chart is written as it is given: redact it first (prepareChart does). Each format's writer is
 * loaded when that format is asked for: the drawn formats' PDF, font, layout and PNG libraries take
 * about a third of a second of CPU to load, which a CLI export of CSV or GraphML would otherwise pay.
 */
export async function writeFormat(
  chart: ExportChart,
  format: ExportFormat,
  fingerprint: string,
  print: ChartPrintOptions = {},
): Promise<{
  files: Record<string, string | Uint8Array>;
  notes: ChartNoteDto[];
}> {
  if (format === 'pdf' || format === 'svg' || format === 'png') {
    const { chartPdf, chartPng, chartSvg } = await import('./printChart');
    if (format === 'pdf') return { files: { '': await chartPdf(chart, fingerprint, print) }, notes: [] };
    if (format === 'svg') return { files: { '': chartSvg(chart, fingerprint, print) }, notes: [] };
    return { files: { '': await chartPng(chart, fingerprint, print) }, notes: [] };
  }
  const { toAnx, toChartFile, toCsv, toGraphml } = await import('./formats');
  if (format === 'csv') return { files: toCsv(chart), notes: [] };
  if (format === 'graphml') return { files: { '': toGraphml(chart, fingerprint) }, notes: [] };
  if (format === 'json') return { files: { '': toChartFile(chart, fingerprint) }, notes: [] };
  const anx = toAnx(chart);
  return {
    files: { '': anx.xml },
    notes: anx.selfLoopsLeftOut
      ? [
          plainNote(
            `${anx.selfLoopsLeftOut} links left out of the ANX: i2 does not draw a link from an entity to itself.`,
          ),
        ]
      : [],
  };
}

/** The chart of a definition, redacted when asked, with its fingerprint and the key. */
export async function prepareChart(
  db: Database,
  definition: ChartDefinitionInput,
  redact?: boolean,
): Promise<{ chart: ExportChart; fingerprint: string; key: RedactionKeyEntry[]; secrets: string[] }> {
  const built = await buildChart(db, definition);
  if (redact !== undefined) built.definition.redaction.enabled = redact;
  const { chart, key, secrets } = built.definition.redaction.enabled
    ? redactChart(built)
    : { chart: built, key: [], secrets: [] };
  return { chart, fingerprint: chartFingerprint(chart), key, secrets };
}

async function writeOut(out: string, files: Record<string, string | Uint8Array>): Promise<string[]> {
  const written: string[] = [];
  if (Object.keys(files).length === 1 && '' in files) {
    await writeFile(out, files[''] as string | Uint8Array);
    return [out];
  }
  await mkdir(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const path = join(out, name);
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}

/**
 * Exports a chart (see the module comment); one audit event per export, failures included. The
 * one place every format is written: the CLI, the app's Export dialog and the demo all call it.
 */
export function exportChart(db: Database, options: ExportOptions): Promise<ExportResult> {
  return audited(
    db,
    { kind: 'export', action: 'export chart', details: { format: options.format, out: options.out } },
    async () => {
      const { chart, fingerprint, key } = await prepareChart(db, options.definition, options.redact);
      if (chart.nodes.length === 0)
        throw new CaselinkFailure({
          kind: 'InvalidInput',
          message: `Nothing to export, nothing written: ${noteTexts(chart.notes).join('; ') || 'the chart has no node'}.`,
        });
      const redacted = chart.definition.redaction.enabled;
      const { files, notes } = await writeFormat(chart, options.format, fingerprint, options.print);
      const written = await writeOut(options.out, files);
      if (options.keyOut) {
        if (!redacted)
          throw new CaselinkFailure({
            kind: 'InvalidInput',
            message: 'A redaction key is written only with redaction on.',
          });
        await writeFile(options.keyOut, `${canonicalJson({ fingerprint, key }, 2)}\n`);
        written.push(options.keyOut);
      }
      const result: ExportResult = {
        format: options.format,
        fingerprint,
        redacted,
        files: written,
        nodes: chart.nodes.length,
        edges: chart.edges.length,
        pseudonyms: key.length,
        notes: [...chart.notes, ...notes],
      };
      if (options.previous) result.changes = compareCharts(options.previous, chart);
      return result;
    },
    (r) => ({
      fingerprint: r.fingerprint,
      redacted: r.redacted,
      nodes: r.nodes,
      edges: r.edges,
      keyWritten: options.keyOut !== undefined,
      changed: r.changes ? !unchanged(r.changes) : undefined,
    }),
  );
}
