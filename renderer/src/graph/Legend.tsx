import type { GraphElements } from '../../../main/contract/api';
import { hasIcon, iconUri } from './icons';
import { CONFIRMED_PERSON, KIND_STYLES, styleOfKind, type KindStyle } from './style';
import { confirmedPersons } from './toElements';

const numbers = new Intl.NumberFormat();

/** The key to node colours and shapes, listing the kinds present in `graph` with their counts. */
export function Legend({ graph }: { graph: GraphElements | null }) {
  const counts = new Map<string, number>();
  for (const node of graph?.nodes ?? []) {
    counts.set(node.data.kind, (counts.get(node.data.kind) ?? 0) + 1);
  }
  const known = KIND_STYLES.filter((style) => counts.has(style.kind));
  const others = [...counts.keys()]
    .filter((kind) => !KIND_STYLES.some((style) => style.kind === kind))
    .sort()
    .map(styleOfKind);
  const rows = [...known, ...others];
  if (rows.length === 0) return null;
  const confirmed = graph ? confirmedPersons(graph).length : 0;
  return (
    <ul className="legend">
      {rows.map((style) => (
        <li key={style.kind}>
          <Swatch style={style} />
          <span className="legend-title">{style.title}</span>
          <span className="legend-count">{numbers.format(counts.get(style.kind) ?? 0)}</span>
        </li>
      ))}
      {confirmed > 0 && (
        <li>
          <svg className="legend-swatch" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" fill="#c98a3d" stroke={CONFIRMED_PERSON.border} strokeWidth="1" />
            <circle cx="7" cy="7" r="4.3" fill="none" stroke={CONFIRMED_PERSON.border} strokeWidth="1" />
          </svg>
          <span className="legend-title">{CONFIRMED_PERSON.title}</span>
          <span className="legend-count">{numbers.format(confirmed)}</span>
        </li>
      )}
    </ul>
  );
}

function regularPolygon(corners: number): string {
  return Array.from({ length: corners }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / corners;
    return `${(7 + 6 * Math.cos(angle)).toFixed(2)},${(7 + 6 * Math.sin(angle)).toFixed(2)}`;
  }).join(' ');
}

const POLYGONS: Partial<Record<string, string>> = {
  diamond: '7,1 13,7 7,13 1,7',
  'round-diamond': '7,1 13,7 7,13 1,7',
  triangle: '7,1.5 13,12.5 1,12.5',
  'round-triangle': '7,1.5 13,12.5 1,12.5',
  pentagon: regularPolygon(5),
  hexagon: regularPolygon(6),
  'cut-rectangle': '4,2 10,2 13,5 13,9 10,12 4,12 1,9 1,5',
  tag: '1,3 9,3 13,7 9,11 1,11',
};

/** A small drawing of a node kind as the chart draws it: its icon, or for kinds the chart leaves out, its shape and colours. */
function Swatch({ style }: { style: KindStyle }) {
  const kind = style.kind.toLowerCase();
  if (hasIcon(kind)) {
    return <img className="legend-swatch" src={iconUri(kind, style.border)} width="14" height="14" alt="" />;
  }
  const paint = { fill: style.fill, stroke: style.border, strokeWidth: 1.2 };
  const polygon = POLYGONS[style.shape];
  let shape;
  if (polygon) shape = <polygon points={polygon} {...paint} strokeLinejoin="round" />;
  else if (style.shape === 'ellipse') shape = <circle cx="7" cy="7" r="6" {...paint} />;
  else if (style.shape === 'barrel') shape = <rect x="1" y="2" width="12" height="10" rx="4" ry="2" {...paint} />;
  else {
    const rounded = style.shape.startsWith('round');
    shape = <rect x="1.5" y="2.5" width="11" height="9" rx={rounded ? 2.5 : 0} {...paint} />;
  }
  return (
    <svg className="legend-swatch" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
      {shape}
    </svg>
  );
}
