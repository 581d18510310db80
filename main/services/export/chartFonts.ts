/**
 * The fonts a printed chart is set in: DejaVu Sans, Sans Bold and Sans Mono from the npm package
 * dejavu-fonts-ttf (so the PDF, the SVG's PNG and the measurements agree on every machine, and
 * Cyrillic, Greek and Romanian names print: PDF's standard fonts have Latin-1 only), and text
 * widths measured with them.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

export type FontName = 'sans' | 'bold' | 'mono';

const FILES: Record<FontName, string> = {
  sans: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/** The family names an SVG asks for (the PNG renderer is given the same files). */
export const SVG_FAMILIES: Record<FontName, string> = {
  sans: "'DejaVu Sans', Verdana, sans-serif",
  bold: "'DejaVu Sans', Verdana, sans-serif",
  mono: "'DejaVu Sans Mono', monospace",
};

let fontDir: string | null = null;

/** The folder of DejaVu's TrueType files, inside the installed npm package. */
export function fontFolder(): string {
  if (!fontDir) {
    const require = createRequire(import.meta.url);
    fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  }
  return fontDir;
}

/** The TrueType file of a font. */
export const fontFile = (font: FontName) => join(fontFolder(), FILES[font]);

/** Width of a text in points at a size, in a font. */
export type Measure = (text: string, size: number, font: FontName) => number;

let measurer: Measure | null = null;

/**
 * Widths from the fonts' own advance widths, one character at a time (kerning left aside: a
 * fraction of a point on a label), cached per character, since a chart measures thousands of
 * short texts.
 */
export function measureText(): Measure {
  if (measurer) return measurer;
  // Fonts named by their file, as pdfChart does (a registered alias is reopened on every use).
  const doc = new PDFDocument({ autoFirstPage: false, font: fontFile('sans') });
  const cache: Record<FontName, Map<string, number>> = { sans: new Map(), bold: new Map(), mono: new Map() };
  measurer = (text, size, font) => {
    const widths = cache[font];
    let em = 0;
    for (const ch of text) {
      let w = widths.get(ch);
      if (w === undefined) {
        doc.font(fontFile(font)).fontSize(1000);
        w = doc.widthOfString(ch) / 1000;
        widths.set(ch, w);
      }
      em += w;
    }
    return em * size;
  };
  return measurer;
}

/** The longest start of a text that fits a width, with an ellipsis when cut. */
export function fitText(measure: Measure, text: string, width: number, size: number, font: FontName): string {
  if (measure(text, size, font) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`, size, font) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}
