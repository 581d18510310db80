/**
 * `caselink export`: a chart from seeds (node references, or a search text that finds one node)
 * or a `.caselink.json`, drawn as PDF (with its evidence appendix), SVG or PNG, or written as
 * GraphML, CSV, i2 ANX or a chart file, redacted on request.
 */
import { Option, type Command } from 'commander';
import { CaselinkFailure, toError } from '../contract/errors';
import type { ChartNoteDto } from '../contract/workspaceTypes';
import type { Connection } from '../db/connect';
import type { ChartDefinitionInput } from '../services/export/chartModel';
import type { ExportFormat, ExportResult } from '../services/export/exportService';
import type { Orientation, Paper } from '../services/export/printChart';
import { EXPORT_FORMATS, MAX_PNG_DPI, MIN_PNG_DPI, ORIENTATIONS, PAPERS } from '../contract/choices';
import { plural } from './format';
import { integerIn, nonEmpty, oneOf, repeatable } from './options';

type Out = (line?: string) => void;
type WithConnection = (work: (connection: Connection) => Promise<void>) => Promise<void>;

interface ExportCliOptions {
  chart?: string;
  seed: string[];
  hops: number;
  format: ExportFormat;
  redact?: boolean;
  protect: string[];
  keyOut?: string;
  title?: string;
  marking?: string;
  reference?: string;
  author?: string;
  date?: string;
  paper: Paper;
  orientation: Orientation;
  dpi: number;
  collapse?: boolean;
  out: string;
  json?: boolean;
}

/** The date and time a drawn chart carries when --date is not given: now, to the minute, in UTC. */
export function printedNow(now = new Date()): string {
  return `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

type Changes = NonNullable<ExportResult['changes']>;

/**
 * A chart note as the command line gives it. The notes come from expanding the seeds, their texts
 * worded for the app ("expand with hubs included", "show the rest"), and stay so in the chart file
 * (they are part of its fingerprint); `export` has neither --hubs nor --limit, but a chart file's
 * definition has both, so the advice here, chosen by the note's kind, is to set them there and
 * export it with --chart.
 */
export function exportCommandLineNote(note: ChartNoteDto): string {
  const withChartFile = (setting: string) =>
    `to draw them, write the chart with --format json, set ${setting} in its definition and export it with --chart FILE.`;
  if (note.kind === 'hubs-left-out') return `${note.fact}; ${withChartFile('"includeHubs": true')}`;
  if (note.kind === 'capped') return `${note.fact}: ${withChartFile('a larger "limit" (up to 2,000)')}`;
  return note.text;
}

/**
 * The export's outcome in lines: files, counts, fingerprint, and what changed since the chart file
 * (`unchanged` is the export service's test, passed in as the service is loaded only to export).
 */
export function describeExport(r: ExportResult, unchanged: (changes: Changes) => boolean): string[] {
  const lines = [
    `Exported ${plural(r.nodes, 'node')} and ${plural(r.edges, 'link')} as ${r.format}${r.redacted ? `, redacted (${plural(r.pseudonyms, 'pseudonym')})` : ''}:`,
    ...r.files.map((f) => `  ${f}`),
    `Fingerprint (SHA-256): ${r.fingerprint}`,
  ];
  if (r.changes) {
    const c = r.changes;
    if (unchanged(c)) lines.push('The data has not changed since the chart file was saved.');
    else {
      lines.push('The data has changed since the chart file was saved:');
      for (const [what, ids] of [
        ['added', c.added],
        ['removed', c.removed],
        ['changed', c.changed],
      ] as const)
        for (const id of ids) lines.push(`  ${what}: ${id}`);
      for (const s of c.sourcesAdded) lines.push(`  source added to ${s.element}: ${s.source}`);
      for (const s of c.sourcesRemoved) lines.push(`  source removed from ${s.element}: ${s.source}`);
    }
  }
  for (const note of r.notes) lines.push(`Note: ${exportCommandLineNote(note)}`);
  return lines;
}

export function registerExportCommands(program: Command, out: Out, withConnection: WithConnection): void {
  program
    .command('export')
    .description(
      'write a chart (from --seed or --chart) as a PDF with its evidence appendix, SVG or PNG, or as GraphML, CSV, i2 ANX or a .caselink.json chart file',
    )
    .option('--chart <file>', 'a .caselink.json chart file (re-created from the graph; changes are reported)')
    .addOption(
      new Option('--seed <value>', 'a node reference, or a text that finds exactly one node (repeatable)')
        .argParser(repeatable(nonEmpty))
        .default([]),
    )
    .addOption(new Option('--hops <n>', 'how many steps out from the seeds').default(1).argParser(integerIn(0, 3)))
    .addOption(
      new Option('--format <format>', 'pdf, svg, png, graphml, csv, anx or json')
        .argParser(oneOf(EXPORT_FORMATS))
        .makeOptionMandatory(),
    )
    .option('--redact', 'replace victims, witnesses and --protect persons by pseudonyms')
    .addOption(
      new Option('--protect <ref>', 'a person reference to redact whatever their role (repeatable)')
        .argParser(repeatable(nonEmpty))
        .default([]),
    )
    .option('--key-out <file>', 'also write the pseudonym → identity key here (with --redact)')
    .option('--title <text>', 'the chart title')
    .option('--marking <text>', 'the handling or classification marking (printed on every page)')
    .option('--reference <text>', 'the operation or case reference, in the title block (pdf, svg, png)')
    .option('--author <text>', 'who made the chart, in the title block (pdf, svg, png)')
    .option(
      '--date <text>',
      'the date and time in the title block (default: now); give it to reproduce a PDF byte for byte',
    )
    .addOption(new Option('--paper <size>', 'a4, a3 or letter (pdf, svg, png)').argParser(oneOf(PAPERS)).default('a4'))
    .addOption(
      new Option('--orientation <o>', 'landscape or portrait (pdf, svg, png)')
        .argParser(oneOf(ORIENTATIONS))
        .default('landscape'),
    )
    .addOption(
      new Option('--dpi <n>', "the PNG's resolution, in dots per inch of the paper")
        .argParser(integerIn(MIN_PNG_DPI, MAX_PNG_DPI))
        .default(150),
    )
    .option('--collapse', 'collapse identifiers into links between the persons and records that share them')
    .requiredOption('-o, --out <path>', 'the file to write (a folder for CSV)')
    .option('--json', 'print the outcome as JSON')
    .action(async (options: ExportCliOptions) => {
      if ((options.chart === undefined) === (options.seed.length === 0))
        throw new CaselinkFailure({
          kind: 'InvalidInput',
          message:
            options.chart === undefined
              ? 'Give --chart FILE or --seed VALUE.'
              : 'Give either --chart FILE or --seed VALUE, not both.',
        });
      if (options.keyOut && !options.redact)
        throw new CaselinkFailure({ kind: 'InvalidInput', message: '--key-out needs --redact.' });
      const { recordFailure } = await import('../services/auditService');
      const { resolveSeed } = await import('../services/export/buildChart');
      const { exportChart, readChartFile, unchanged } = await import('../services/export/exportService');
      await withConnection(async ({ db }) => {
        // A chart file refused is an export that failed: the audit trail keeps it.
        const fromFile = options.chart
          ? await readChartFile(options.chart).catch(async (error: unknown) => {
              const details = { format: options.format, chart: options.chart, out: options.out };
              await recordFailure(db, { kind: 'export', action: 'export chart', details }, toError(error));
              throw error;
            })
          : null;
        const base: ChartDefinitionInput = fromFile?.definition ?? {
          seeds: await Promise.all(options.seed.map((s) => resolveSeed(db, s))),
          hops: options.hops,
          identifiers: options.collapse ? 'collapsed' : 'nodes',
        };
        const definition: ChartDefinitionInput = {
          ...base,
          ...(options.title !== undefined ? { title: options.title } : {}),
          ...(options.marking !== undefined ? { marking: options.marking } : {}),
          redaction: {
            enabled: options.redact ?? base.redaction?.enabled ?? false,
            persons: [...new Set([...(base.redaction?.persons ?? []), ...options.protect])].sort(),
          },
        };
        const result = await exportChart(db, {
          definition,
          format: options.format,
          redact: options.redact || undefined,
          out: options.out,
          ...(options.keyOut ? { keyOut: options.keyOut } : {}),
          ...(fromFile?.data ? { previous: fromFile.data } : {}),
          print: {
            ...(options.reference !== undefined ? { reference: options.reference } : {}),
            ...(options.author !== undefined ? { author: options.author } : {}),
            date: options.date ?? printedNow(),
            paper: options.paper,
            orientation: options.orientation,
            dpi: options.dpi,
          },
        });
        if (options.json) return out(JSON.stringify(result, null, 2));
        describeExport(result, unchanged).forEach((line) => out(line));
      });
    });
}
