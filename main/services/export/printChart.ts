/**
 * The drawn formats of a chart: PDF (the chart page and the evidence appendix), SVG and PNG (the
 * chart page). The chart reaching here is already redacted (redact.ts), so pseudonyms are all a
 * page can show. What the title block says beyond the chart's title and marking (reference,
 * author, date) and the paper come with the call; nothing is read from the clock.
 */
import { CaselinkFailure } from '../../contract/errors';
import type { ExportChart, ExportSource } from './chartModel';
import { measureText } from './chartFonts';
import { chartPages, PAPERS, ORIENTATIONS, type Orientation, type Paper, type PrintSettings } from './chartPages';
import { pagesPdf } from './pdfChart';
import { svgToPng } from './pngChart';
import { pageSvg } from './svgChart';

export { PAPERS, ORIENTATIONS, type Orientation, type Paper };

/** How a drawn chart is printed (all optional; see each field's default). */
export interface ChartPrintOptions {
  /** The operation or case reference in the title block (default: the definition's `styles.reference`, or none). */
  reference?: string;
  /** Who made the chart, in the title block and the PDF's author (default: `styles.author`, or none). */
  author?: string;
  /**
   * The date and time printed in the title block, as given (an ISO date-time is usual); it is
   * also the PDF's creation date when it parses. Default: "data as of" the latest import.
   */
  date?: string;
  /** A4 (default), A3 or Letter; either case. */
  paper?: Paper | Uppercase<Paper> | 'Letter';
  /** Landscape (default) or portrait. */
  orientation?: Orientation;
  /** PNG only: dots per inch of the paper (default 150). */
  dpi?: number;
}

export const DEFAULT_PNG_DPI = 150;

const styleText = (chart: ExportChart, key: string) => {
  const v = chart.definition.styles[key];
  return typeof v === 'string' ? v : '';
};

const latestImport = (chart: ExportChart) =>
  [...chart.nodes, ...chart.edges]
    .flatMap((el) => el.sources)
    .reduce((latest: string, s: ExportSource) => (s.importedAt > latest ? s.importedAt : latest), '');

/** The settings a chart is printed with, defaults filled in. */
export function printSettings(chart: ExportChart, options: ChartPrintOptions = {}): PrintSettings {
  const asOf = latestImport(chart);
  const paper = (options.paper ?? 'a4').toLowerCase();
  if (!(PAPERS as readonly string[]).includes(paper))
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `Paper "${paper}" is not one of ${PAPERS.join(', ')}.`,
    });
  const orientation = options.orientation ?? 'landscape';
  if (!(ORIENTATIONS as readonly string[]).includes(orientation))
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `Orientation "${orientation}" is not portrait or landscape.`,
    });
  return {
    title: chart.definition.title,
    marking: chart.definition.marking,
    reference: options.reference ?? styleText(chart, 'reference'),
    author: options.author ?? styleText(chart, 'author'),
    date: options.date ?? (asOf ? `data as of ${asOf}` : ''),
    paper: paper as Paper,
    orientation,
  };
}

/** A date for the PDF's own metadata: the print date when it parses, else the data's, else a fixed one. */
function documentDate(chart: ExportChart, options: ChartPrintOptions): Date {
  for (const candidate of [options.date, latestImport(chart)]) {
    if (!candidate) continue;
    const date = new Date(candidate);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date(Date.UTC(2000, 0, 1));
}

/** The PDF: the chart page, then the evidence appendix; marking, fingerprint and page number on each. */
export function chartPdf(chart: ExportChart, fingerprint: string, options: ChartPrintOptions = {}): Promise<Buffer> {
  const settings = printSettings(chart, options);
  const pages = chartPages(chart, settings, fingerprint, measureText(), true);
  return pagesPdf(pages, {
    title: settings.title,
    author: settings.author,
    fingerprint,
    date: documentDate(chart, options),
  });
}

/** The SVG of the chart page. */
export function chartSvg(chart: ExportChart, fingerprint: string, options: ChartPrintOptions = {}): string {
  const settings = printSettings(chart, options);
  const [page] = chartPages(chart, settings, fingerprint, measureText(), false);
  if (!page) throw new Error('a chart has a page');
  return pageSvg(page, settings.title, fingerprint);
}

/** The PNG of the chart page at `options.dpi`. */
export async function chartPng(
  chart: ExportChart,
  fingerprint: string,
  options: ChartPrintOptions = {},
): Promise<Buffer> {
  const settings = printSettings(chart, options);
  const [page] = chartPages(chart, settings, fingerprint, measureText(), false);
  if (!page) throw new Error('a chart has a page');
  return svgToPng(pageSvg(page, settings.title, fingerprint), page.width, page.height, options.dpi ?? DEFAULT_PNG_DPI);
}
