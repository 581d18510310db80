/**
 * A printed chart page as PNG: the page's SVG drawn by resvg (Rust, shipped as prebuilt npm
 * packages, run off the main thread by `renderAsync`) with the same DejaVu files as the PDF and
 * no system fonts, so the picture is the same on every machine.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { CaselinkFailure } from '../../contract/errors';
import { fontFile } from './chartFonts';
import { MAX_PNG_DPI, MIN_PNG_DPI } from '../../contract/choices';

let fontCopies: Promise<string[]> | null = null;

/**
 * The font files as paths resvg can open. resvg reads files itself, not through Node, so in the
 * packaged app (fonts inside app.asar, which only Electron's Node can read) they are copied out
 * once to a temporary folder.
 */
function resvgFontFiles(): Promise<string[]> {
  const files = [fontFile('sans'), fontFile('bold'), fontFile('mono')];
  if (!files.some((f) => f.includes(`.asar${sep}`))) return Promise.resolve(files);
  fontCopies ??= (async () => {
    const dir = join(tmpdir(), 'caselink-fonts');
    await mkdir(dir, { recursive: true });
    return Promise.all(
      files.map(async (f) => {
        const to = join(dir, basename(f));
        await copyFile(f, to);
        return to;
      }),
    );
  })();
  return fontCopies;
}

export { MAX_PNG_DPI, MIN_PNG_DPI };
/** An A3 page at 600 dpi is 70 million pixels (280 MB of RGBA): the most one export may ask. */
const MAX_PIXELS = 72_000_000;

/** The SVG of a page `widthPt` × `heightPt` points wide, drawn at `dpi` dots per inch. */
export async function svgToPng(svg: string, widthPt: number, heightPt: number, dpi: number): Promise<Buffer> {
  if (!Number.isFinite(dpi) || dpi < MIN_PNG_DPI || dpi > MAX_PNG_DPI)
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `A PNG is drawn at ${MIN_PNG_DPI}–${MAX_PNG_DPI} dpi, not ${dpi}.`,
    });
  const width = Math.round((widthPt / 72) * dpi);
  const height = Math.round((heightPt / 72) * dpi);
  if (width * height > MAX_PIXELS)
    throw new CaselinkFailure({
      kind: 'InvalidInput',
      message: `${width} × ${height} pixels is too large a PNG; choose a lower resolution or a smaller paper.`,
    });
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: false,
      fontFiles: await resvgFontFiles(),
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans Mono',
    },
    logLevel: 'off',
  });
  return image.asPng();
}
