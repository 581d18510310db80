/**
 * The chart an export writes: its definition (what to draw and how, saved as `.caselink.json`)
 * and its data (nodes and edges re-read from the graph, each with the rows that assert it).
 * Every list is sorted, so that the same definition over the same data gives the same bytes and
 * the same fingerprint.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  nodeRefInput,
  type ChartEdgeKind,
  type ChartNodeKind,
  type ChartNoteDto,
  type SourceRefDto,
} from '../../contract/workspaceTypes';
import type { PlainValue } from '../../contract/api';
import { noteTexts } from '../workspace/chartNotes';

export const CHART_FILE_FORMAT = 'caselink-chart';
export const CHART_FILE_VERSION = 1;

/** What to draw: seeds expanded by hops, or a fixed selection; positions, styles and redaction. */
export const chartDefinition = z
  .object({
    title: z.string().max(200).default('Link chart'),
    marking: z.string().max(200).default(''),
    /** Nodes to start from, each expanded `hops` times. */
    seeds: z.array(nodeRefInput).max(500).default([]),
    hops: z.number().int().min(0).max(3).default(1),
    /** Nodes drawn as they are, not expanded (a saved investigation's nodes). */
    selection: z.array(nodeRefInput).max(5000).default([]),
    identifiers: z.enum(['nodes', 'collapsed']).default('nodes'),
    includeHubs: z.boolean().default(false),
    /** At most this many nodes from expanding. */
    limit: z.number().int().min(1).max(2000).default(500),
    positions: z.record(z.string().max(1000), z.object({ x: z.number().finite(), y: z.number().finite() })).default({}),
    /** Style choices, opaque to export (kept so the chart re-creates as drawn). */
    styles: z.record(z.string(), z.json()).default({}),
    redaction: z
      .object({
        enabled: z.boolean().default(false),
        /** Persons the analyst flagged as protected, whatever their role. */
        persons: z.array(nodeRefInput).max(1000).default([]),
      })
      .default({ enabled: false, persons: [] }),
  })
  .strict()
  .refine((d) => d.seeds.length + d.selection.length > 0, { message: 'a chart needs seeds or a selection' });
export type ChartDefinition = z.output<typeof chartDefinition>;
export type ChartDefinitionInput = z.input<typeof chartDefinition>;

/** A source row as the export writes it (no record id: it names nothing outside the graph). */
export type ExportSource = Omit<SourceRefDto, 'record'> & { record: string };

export interface ExportNode {
  id: string;
  kind: ChartNodeKind;
  label: string;
  agencies: string[];
  records: number;
  hub: boolean;
  roles: string[];
  dates: string[];
  properties: Record<string, PlainValue>;
  /** Set when the node was redacted: its pseudonym category ("Victim", "Witness", "Protected person"). */
  redacted?: string;
  sources: ExportSource[];
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  kind: ChartEdgeKind;
  agencies: string[];
  records: number;
  role?: string;
  score?: number;
  via?: string[];
  sources: ExportSource[];
}

export interface ExportChart {
  definition: ChartDefinition;
  nodes: ExportNode[];
  edges: ExportEdge[];
  /** A chart file keeps their texts only (and its fingerprint reads those). */
  notes: ChartNoteDto[];
}

/** The chart as a `.caselink.json` holds it, with its fingerprint. */
export interface ChartFile {
  format: typeof CHART_FILE_FORMAT;
  version: typeof CHART_FILE_VERSION;
  fingerprint: string;
  definition: ChartDefinition;
  data: { nodes: ExportNode[]; edges: ExportEdge[]; notes: string[] };
}

/** JSON with object keys sorted at every level: one text per value, whatever the build order. */
export function canonicalJson(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent || undefined);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * SHA-256 of the canonical chart definition and its data, as written (so after redaction): the
 * notes by their texts, as the chart file holds them.
 */
export function chartFingerprint(chart: Pick<ExportChart, 'definition' | 'nodes' | 'edges' | 'notes'>): string {
  const { definition, nodes, edges } = chart;
  const notes = noteTexts(chart.notes);
  return createHash('sha256').update(canonicalJson({ definition, nodes, edges, notes })).digest('hex');
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order sources are written in: agency, file, sheet, row, column, then the rest. */
export function sourceOrder(a: ExportSource, b: ExportSource): number {
  return (
    text(a.agency, b.agency) ||
    text(a.fileName, b.fileName) ||
    text(a.sheet, b.sheet) ||
    a.row - b.row ||
    text(a.column ?? '', b.column ?? '') ||
    text(a.raw ?? '', b.raw ?? '') ||
    text(a.sha256, b.sha256) ||
    text(a.record, b.record)
  );
}

/** Sources without repeats, in {@link sourceOrder}. */
export function distinctSorted(sources: readonly ExportSource[]): ExportSource[] {
  const seen = new Map<string, ExportSource>();
  for (const s of sources) seen.set(canonicalJson(s), s);
  return [...seen.values()].sort(sourceOrder);
}

export const byId = <T extends { id: string }>(a: T, b: T) => text(a.id, b.id);
