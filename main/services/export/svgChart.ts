/**
 * A printed chart page as SVG, written by hand from chartPages' items: the page in points
 * (`width="…pt"`, one user unit a point), text in DejaVu with its position already worked out,
 * icons as paths. Numbers are written with two decimals at most and items in their given order,
 * so the same chart writes the same bytes.
 */
import type { Page, Item } from './chartPages';
import { SVG_FAMILIES } from './chartFonts';
import { KIND_ICONS } from './chartStyle';

/** XML 1.0 allows no control characters but tab, LF and CR; spreadsheet cells may hold them. */
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const num = (n: number) => String(Math.round(n * 100) / 100);

function paint(fill?: string, stroke?: string, width?: number, dash?: [number, number]): string {
  const parts = [`fill="${fill ?? 'none'}"`];
  if (stroke) parts.push(`stroke="${stroke}"`, `stroke-width="${num(width ?? 1)}"`);
  if (dash) parts.push(`stroke-dasharray="${dash.map(num).join(' ')}"`);
  return parts.join(' ');
}

function itemSvg(item: Item): string {
  switch (item.t) {
    case 'line':
      return `<line x1="${num(item.x1)}" y1="${num(item.y1)}" x2="${num(item.x2)}" y2="${num(item.y2)}" ${paint(undefined, item.stroke, item.width, item.dash)}/>`;
    case 'path':
      return `<path d="${item.d}" ${paint(item.fill, item.stroke, item.width, item.dash)}/>`;
    case 'circle':
      return `<circle cx="${num(item.cx)}" cy="${num(item.cy)}" r="${num(item.r)}" ${paint(item.fill, item.stroke, item.width)}/>`;
    case 'rect': {
      const opacity = item.opacity !== undefined ? ` fill-opacity="${num(item.opacity)}"` : '';
      return `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" ${paint(item.fill, item.stroke, item.width)}${opacity}/>`;
    }
    case 'text': {
      const weight = item.font === 'bold' ? ' font-weight="bold"' : '';
      return `<text x="${num(item.x)}" y="${num(item.y)}" font-family="${SVG_FAMILIES[item.font]}" font-size="${num(item.size)}"${weight} fill="${item.fill}" xml:space="preserve">${escapeXml(item.text)}</text>`;
    }
    case 'icon': {
      const s = item.size / 24;
      return `<path transform="translate(${num(item.cx - item.size / 2)} ${num(item.cy - item.size / 2)}) scale(${String(Math.round(s * 10000) / 10000)})" d="${KIND_ICONS[item.kind]}" fill="${item.fill}" fill-rule="evenodd"/>`;
    }
  }
}

/** One page as a standalone SVG document, titled, with the fingerprint in its description. */
export function pageSvg(page: Page, title: string, fingerprint: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(page.width)}pt" height="${num(page.height)}pt" viewBox="0 0 ${num(page.width)} ${num(page.height)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>Caselink link chart; chart fingerprint (SHA-256) ${fingerprint}</desc>`,
    `<rect x="0" y="0" width="${num(page.width)}" height="${num(page.height)}" fill="#FFFFFF"/>`,
    ...page.items.map(itemSvg),
    '</svg>',
  ];
  return `${lines.join('\n')}\n`;
}
