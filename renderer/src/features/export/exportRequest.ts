/**
 * What the Export dialog sends: the chart as the investigator sees it (nodes hidden by hand or by
 * the filters left off, and counted), where each node sits, the choices that drew it, and the
 * dialog's fields. Pure, so the dialog only wires it up.
 */
import type {
  ChartNodeDto,
  ExportChartInput,
  ExportFormatName,
  ExportFormatOption,
} from '../../../../main/contract/api';
import type { ChartPosition } from '../../store';

/** Roles whose holders are always shown under a pseudonym when redaction is on (as main/services/export/redact.ts). */
export const PROTECTED_ROLES = ['victim', 'witness'] as const;

type Styles = NonNullable<ExportChartInput['chart']['styles']>;

export type Paper = 'A4' | 'A3' | 'Letter';
export type Orientation = 'landscape' | 'portrait';

/** The dialog's fields. */
export interface ExportFields {
  format: ExportFormatName | null;
  title: string;
  reference: string;
  author: string;
  marking: string;
  redact: boolean;
  /** Persons flagged as protected by the analyst (victims and witnesses are, whatever is ticked). */
  protect: string[];
  includeKey: boolean;
  paper: Paper;
  orientation: Orientation;
  dpi: number;
}

export interface ShownChart {
  /** The nodes drawn: on the chart, not hidden, not filtered out. */
  nodes: ChartNodeDto[];
  positions: Record<string, ChartPosition>;
  /** How many nodes are on the chart but not drawn. */
  hidden: number;
  filtered: number;
  styles: Record<string, unknown>;
}

/** True when a person is protected by their role alone. */
export function protectedByRole(node: ChartNodeDto): boolean {
  return node.kind === 'person' && (node.roles ?? []).some((r) => (PROTECTED_ROLES as readonly string[]).includes(r));
}

/** The persons the dialog lists for redaction: protected roles first, then by name. */
export function personsToFlag(nodes: readonly ChartNodeDto[]): ChartNodeDto[] {
  return nodes
    .filter((n) => n.kind === 'person')
    .sort(
      (a, b) =>
        Number(protectedByRole(b)) - Number(protectedByRole(a)) ||
        a.label.localeCompare(b.label, 'en') ||
        (a.id < b.id ? -1 : 1),
    );
}

/** The request for main; the options a format does not take are left at their defaults. */
export function exportRequest(
  shown: ShownChart,
  fields: ExportFields & { format: ExportFormatName },
  options: readonly ExportFormatOption[],
): ExportChartInput {
  const ids = new Set(shown.nodes.map((n) => n.id));
  const positions: Record<string, ChartPosition> = {};
  for (const id of [...ids].sort()) {
    const p = shown.positions[id];
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) positions[id] = { x: p.x, y: p.y };
  }
  return {
    format: fields.format,
    chart: {
      nodes: [...ids].sort(),
      positions,
      // Plain data from the store (filters, sizing, colouring): JSON by construction.
      styles: { ...shown.styles, leftOff: { hidden: shown.hidden, filtered: shown.filtered } } as unknown as Styles,
    },
    title: fields.title.trim() || 'Link chart',
    reference: fields.reference.trim(),
    author: fields.author.trim(),
    marking: fields.marking.trim(),
    redaction: { enabled: fields.redact, persons: fields.redact ? fields.protect.filter((id) => ids.has(id)) : [] },
    ...(options.includes('paper') ? { paper: fields.paper } : {}),
    ...(options.includes('orientation') ? { orientation: fields.orientation } : {}),
    ...(options.includes('dpi') ? { dpi: fields.dpi } : {}),
    includeKey: fields.redact && fields.includeKey,
  };
}
