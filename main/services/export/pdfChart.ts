/**
 * A printed chart as a vector PDF, drawn with pdfkit from chartPages' items: the chart page, then
 * the evidence appendix. DejaVu is embedded (subset) so names in any script print and copy out
 * as text; the document's dates are the print date given, never the clock, so the same chart
 * over the same data writes the same bytes (pdfkit derives the file ID from those dates).
 */
import PDFDocument from 'pdfkit';
import { fontFile } from './chartFonts';
import type { Page } from './chartPages';
import { KIND_ICONS } from './chartStyle';

export interface PdfInfo {
  title: string;
  author: string;
  /** The chart fingerprint, kept in the document's keywords as well as on every page. */
  fingerprint: string;
  /** The document's creation date. */
  date: Date;
}

/** Fills and/or strokes the shape just drawn, as the item asks, and restores the graphics state. */
function paint(doc: PDFKit.PDFDocument, item: { fill?: string | undefined; stroke?: string | undefined }): void {
  if (item.fill && item.stroke) doc.fillAndStroke(item.fill, item.stroke);
  else if (item.fill) doc.fill(item.fill);
  else if (item.stroke) doc.stroke(item.stroke);
  doc.restore();
}

/** Draws the pages into one PDF and answers its bytes. */
export function pagesPdf(pages: readonly Page[], info: PdfInfo): Promise<Buffer> {
  const first = pages[0];
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: first ? [first.width, first.height] : 'A4',
    margin: 0,
    font: fontFile('sans'),
    compress: true,
    pdfVersion: '1.7',
    info: {
      Title: info.title,
      Author: info.author,
      Subject: 'Link chart with evidence appendix',
      Keywords: `chart fingerprint SHA-256 ${info.fingerprint}`,
      Creator: 'Caselink',
      Producer: 'Caselink (pdfkit)',
      CreationDate: info.date,
      ModDate: info.date,
    },
  });
  // Fonts are named by their file: pdfkit caches a font under the name it was first asked by,
  // and a registered alias of the constructor's font is opened again on every use (pdfkit 0.20).
  for (const font of ['sans', 'bold', 'mono'] as const) doc.font(fontFile(font));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const item of page.items) {
      switch (item.t) {
        case 'line':
          doc.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width);
          if (item.dash) doc.dash(item.dash[0], { space: item.dash[1] });
          doc.stroke(item.stroke).restore();
          break;
        case 'path':
          doc.save().path(item.d);
          if (item.stroke) doc.lineWidth(item.width ?? 1);
          if (item.dash) doc.dash(item.dash[0], { space: item.dash[1] });
          paint(doc, item);
          break;
        case 'circle':
          doc.save().circle(item.cx, item.cy, item.r);
          if (item.stroke) doc.lineWidth(item.width ?? 1);
          paint(doc, item);
          break;
        case 'rect':
          doc.save().rect(item.x, item.y, item.w, item.h);
          if (item.opacity !== undefined) doc.fillOpacity(item.opacity);
          if (item.stroke) doc.lineWidth(item.width ?? 1);
          paint(doc, item);
          break;
        case 'text':
          doc
            .font(fontFile(item.font))
            .fontSize(item.size)
            .fillColor(item.fill)
            .text(item.text, item.x, item.y, { lineBreak: false, baseline: 'alphabetic' });
          break;
        case 'icon': {
          const s = item.size / 24;
          doc
            .save()
            .translate(item.cx - item.size / 2, item.cy - item.size / 2)
            .scale(s)
            .path(KIND_ICONS[item.kind])
            .fill(item.fill, 'even-odd')
            .restore();
          break;
        }
      }
    }
  }
  doc.end();
  return done;
}
