import type { ChartNodeKind } from '../../../main/contract/workspaceTypes';

/**
 * One icon per chart node kind, drawn here as SVG paths on a 24×24 grid (no remote content: the
 * page's Content-Security-Policy allows `data:` images only). Stroked, so they read at 12 px.
 */
const PATHS: Record<ChartNodeKind, string> = {
  person: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7.5 8-7.5s8 3.1 8 7.5"/>',
  organization: '<path d="M4 21V5l8-3v19M12 8h8v13M2 21h20"/><path d="M7 8h2M7 12h2M7 16h2M15 12h2M15 16h2"/>',
  case: '<path d="M3 6.5h6l2 2h10V19H3z"/><path d="M3 11h18"/>',
  record: '<path d="M6 2.5h9l4 4V21.5H6z"/><path d="M9 10h7M9 14h7M9 18h5"/>',
  phone: '<rect x="7" y="2.5" width="10" height="19" rx="2"/><path d="M10.5 18.5h3"/>',
  email: '<rect x="2.5" y="5" width="19" height="14" rx="1.5"/><path d="m3 6 9 7 9-7"/>',
  address: '<path d="M12 21.5s-7-6.2-7-12a7 7 0 0 1 14 0c0 5.8-7 12-7 12z"/><circle cx="12" cy="9.5" r="2.5"/>',
  account: '<rect x="2.5" y="5" width="19" height="14" rx="2"/><path d="M2.5 9.5h19M6 15h4"/>',
  handle: '<circle cx="12" cy="12" r="3.5"/><path d="M15.5 12v1.5a2.5 2.5 0 0 0 5 0V12a8.5 8.5 0 1 0-3.3 6.7"/>',
  document:
    '<rect x="2.5" y="4.5" width="19" height="15" rx="1.5"/><circle cx="8.5" cy="11" r="2.3"/><path d="M5 16.5c.6-1.8 2-2.6 3.5-2.6s2.9.8 3.5 2.6M14.5 9.5h4M14.5 13h4"/>',
  vehicle:
    '<path d="M3 16.5v-4l2-5h14l2 5v4z"/><path d="M3 12.5h18"/><circle cx="7.5" cy="17.5" r="2"/><circle cx="16.5" cy="17.5" r="2"/>',
};

/** The icon of a kind as an SVG document, stroked in `colour`. */
export function iconSvg(kind: ChartNodeKind, colour: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="48" height="48" fill="none" ` +
    `stroke="${colour}" stroke-width="1.9" stroke-linecap="round" stroke-linejoin="round">${PATHS[kind]}</svg>`
  );
}

/** The icon of a kind as a `data:` URI, for a Cytoscape background image. */
export function iconUri(kind: ChartNodeKind, colour: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(kind, colour))}`;
}

/** Whether `kind` is a chart node kind (one with an icon). */
export function hasIcon(kind: string): kind is ChartNodeKind {
  return Object.prototype.hasOwnProperty.call(PATHS, kind);
}
