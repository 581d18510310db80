/**
 * Exporting the investigator's chart from the app: which formats this Caselink writes, what the
 * Export dialog sends, and the file it answers with (bytes to save, never a path on the server).
 */
import { z } from 'zod';
import { nodeRefInput, type ChartNoteDto } from './workspaceTypes';

/**
 * Every format Caselink can name. Which of them the export service writes is asked with
 * `listExportFormats`: a format named here but not offered is refused in plain words.
 */
export const EXPORT_FORMAT_NAMES = ['pdf', 'svg', 'png', 'graphml', 'csv', 'anx', 'json'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

export const PAPER_SIZES = ['A4', 'A3', 'Letter'] as const;
export const PAGE_ORIENTATIONS = ['landscape', 'portrait'] as const;
/** Resolutions a PNG chart may be drawn at (dots per inch of the chosen paper). */
export const MIN_DPI = 72;
export const MAX_DPI = 600;

/** The options a format takes beyond title, reference, author, marking and redaction. */
export type ExportFormatOption = 'paper' | 'orientation' | 'dpi';

/** A format the export service writes, as the Export dialog offers it. */
export interface ExportFormatDto {
  format: ExportFormatName;
  /** What the dialog calls it ("PDF chart", "i2 Analyst's Notebook (ANX)"). */
  label: string;
  /** One sentence: what it holds and what opens it. */
  description: string;
  /** A drawn chart (pages or an image) or the chart's data. */
  kind: 'chart' | 'data';
  /** The extension of the file the app saves (`zip` for CSV's three files). */
  extension: string;
  options: ExportFormatOption[];
}

/** At most this many style entries travel with a chart (filters, sizing, colouring …). */
const MAX_STYLE_ENTRIES = 50;

/** The chart on the investigator's workspace, as the Export dialog sends it. */
export const exportChartInput = z
  .object({
    format: z.enum(EXPORT_FORMAT_NAMES),
    chart: z
      .object({
        /** The nodes drawn (hidden and filtered-out ones left out), by stable reference. */
        nodes: z.array(nodeRefInput).min(1, 'the chart is empty').max(5000),
        /** Where each node sits on the chart. */
        positions: z
          .record(z.string().max(1000), z.object({ x: z.number().finite(), y: z.number().finite() }).strict())
          .default({}),
        identifiers: z.enum(['nodes', 'collapsed']).default('nodes'),
        /** Style choices and what was left out (filters, hidden nodes), kept with the chart file. */
        styles: z
          .record(z.string().max(100), z.json())
          .refine((s) => Object.keys(s).length <= MAX_STYLE_ENTRIES, `at most ${MAX_STYLE_ENTRIES} style entries`)
          .default({}),
      })
      .strict(),
    title: z.string().trim().max(200).default('Link chart'),
    /** The operation or case reference written in the title block. */
    reference: z.string().trim().max(200).default(''),
    author: z.string().trim().max(200).default(''),
    /** The handling or classification marking written on every page. */
    marking: z.string().trim().max(200).default(''),
    redaction: z
      .object({
        enabled: z.boolean().default(false),
        /** Persons flagged as protected whatever their role (victims and witnesses always are). */
        persons: z.array(nodeRefInput).max(1000).default([]),
      })
      .strict()
      .default({ enabled: false, persons: [] }),
    paper: z.enum(PAPER_SIZES).default('A4'),
    orientation: z.enum(PAGE_ORIENTATIONS).default('landscape'),
    dpi: z.number().int().min(MIN_DPI).max(MAX_DPI).default(150),
    /** Also answer the pseudonym → identity key, as a file of its own (only with redaction on). */
    includeKey: z.boolean().default(false),
  })
  .strict()
  .refine((input) => !input.includeKey || input.redaction.enabled, {
    message: 'the key from pseudonym to identity exists only with redaction on',
    path: ['includeKey'],
  });
export type ExportChartInput = z.input<typeof exportChartInput>;

/** A file to save: its name, type and bytes (base64). */
export interface ExportFileDto {
  fileName: string;
  contentType: string;
  contentBase64: string;
  /** The size of the file in bytes. */
  size: number;
}

/** What an export wrote, as the Export dialog reports it. */
export interface ExportedChartDto {
  format: ExportFormatName;
  file: ExportFileDto;
  /** The pseudonym → identity key, only when asked for (a separate file). */
  key: ExportFileDto | null;
  /** SHA-256 of the chart definition and its data, as recorded in the audit trail. */
  fingerprint: string;
  redacted: boolean;
  nodes: number;
  edges: number;
  /** How many persons (and identifiers of theirs) carry a pseudonym. */
  pseudonyms: number;
  /** What was left out or could not be drawn, in plain words. */
  notes: ChartNoteDto[];
}
