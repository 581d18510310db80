/**
 * The one place that holds a vis-timeline instance. Loaded on demand (React.lazy) so the
 * library and its stylesheet stay out of the first screen's bundle.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Timeline, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import type { DateRange } from '../../graph/filters';
import { endOfDay, periodOfWindow, startOfDay, type TimelineData } from './timelineItems';

export interface TimelineViewProps {
  data: TimelineData;
  /** The period the chart is filtered to, drawn as a shaded band. */
  period: DateRange;
  /** A window the investigator brushed (dragged, zoomed or moved with the keys). */
  onBrush(period: { from: string; to: string }): void;
  /** An item picked: the node it belongs to. */
  onPick(node: string): void;
  /** Every date shown again (the 0 key): the period filter goes. */
  onShowAll(): void;
}

const PERIOD_ID = 'chart-period';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function itemsOf(data: TimelineData, period: DateRange): DataItem[] {
  const items: DataItem[] = data.items.map((item) => ({
    id: item.id,
    group: item.group,
    // vis-timeline writes content as HTML (through its XSS filter); labels come from agencies' files.
    content: escapeHtml(item.label),
    start: startOfDay(item.first),
    ...(item.first === item.last ? { type: 'point' } : { end: endOfDay(item.last), type: 'range' }),
  }));
  if (period.from !== null || period.to !== null) {
    const first = data.items[0]?.first ?? period.from ?? period.to!;
    const last = data.items.at(-1)?.last ?? period.to ?? period.from!;
    items.push({
      id: PERIOD_ID,
      content: '',
      start: startOfDay(period.from ?? first),
      end: endOfDay(period.to ?? last),
      type: 'background',
      className: 'timeline-period',
    });
  }
  return items;
}

const OPTIONS: TimelineOptions = {
  height: '100%',
  stack: true,
  showCurrentTime: false,
  selectable: true,
  multiselect: false,
  orientation: 'top',
  margin: { item: 4, axis: 4 },
  zoomMin: 86_400_000 * 7,
  // Records stretch over decades at most; a wider window says nothing.
  zoomMax: 86_400_000 * 365 * 60,
  groupOrder: (a: { order: number }, b: { order: number }) => a.order - b.order,
};

/** The timeline, with keys: ← → move, + − zoom, 0 shows every date (and ends the period filter). */
export function TimelineView({ data, period, onBrush, onPick, onShowAll }: TimelineViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const handlers = useRef({ onBrush, onPick });
  useEffect(() => {
    handlers.current = { onBrush, onPick };
  }, [onBrush, onPick]);

  useEffect(() => {
    if (!container.current) return;
    const instance = new Timeline(container.current, [], [], OPTIONS);
    instance.on('rangechanged', (props?: { start: Date; end: Date; byUser: boolean }) => {
      if (props?.byUser) handlers.current.onBrush(periodOfWindow(props.start, props.end));
    });
    instance.on('select', (props?: { items: (string | number)[] }) => {
      const id = props?.items[0];
      if (typeof id === 'string' && id !== PERIOD_ID) handlers.current.onPick(id.slice(0, id.indexOf('|')));
    });
    timeline.current = instance;
    return () => {
      instance.destroy();
      timeline.current = null;
    };
  }, []);

  const groups = data.groups.join('\n');
  useEffect(() => {
    timeline.current?.setGroups(
      groups.split('\n').map((group, order) => ({ id: group, content: escapeHtml(group), order })),
    );
  }, [groups]);

  const hasItems = data.items.length > 0;
  useEffect(() => {
    const instance = timeline.current;
    if (!instance) return;
    instance.setItems(itemsOf(data, period));
  }, [data, period]);

  useEffect(() => {
    if (hasItems) timeline.current?.fit({ animation: false });
  }, [hasItems, groups]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const instance = timeline.current;
    if (!instance) return;
    const { start, end } = instance.getWindow();
    const width = end.getTime() - start.getTime();
    let next: { start: Date; end: Date } | null = null;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const shift = (event.key === 'ArrowLeft' ? -1 : 1) * width * 0.2;
      next = { start: new Date(start.getTime() + shift), end: new Date(end.getTime() + shift) };
    } else if (event.key === '+' || event.key === '=' || event.key === '-') {
      const factor = event.key === '-' ? 0.25 : -0.2;
      next = {
        start: new Date(start.getTime() - width * factor),
        end: new Date(end.getTime() + width * factor),
      };
    } else if (event.key === '0') {
      event.preventDefault();
      instance.fit({ animation: false });
      onShowAll();
      return;
    }
    if (!next) return;
    event.preventDefault();
    instance.setWindow(next.start, next.end, { animation: false });
    onBrush(periodOfWindow(next.start, next.end));
  }

  return (
    <div
      ref={container}
      className="timeline-canvas"
      role="group"
      tabIndex={0}
      aria-label="Timeline of the records behind the chart. Left and right arrows move the period, plus and minus zoom, 0 shows every date; the chart follows the period shown."
      aria-keyshortcuts="ArrowLeft ArrowRight + - 0"
      data-testid="timeline"
      onKeyDown={onKeyDown}
    />
  );
}
