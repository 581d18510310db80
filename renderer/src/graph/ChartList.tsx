import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChartNodeDto } from '../../../main/contract/workspaceTypes';
import { iconUri } from './icons';
import { agencyColours, styleOfKind } from './style';

export interface ChartListProps {
  /** The nodes drawn on the chart (hidden ones left out), most important first. */
  nodes: readonly ChartNodeDto[];
  selection: readonly string[];
  /** How many nodes are on the chart but not drawn (hidden by hand or by filters). */
  hiddenCount: number;
  /** Selects on the chart and brings the node into view; `add` keeps the rest of the selection. */
  onChoose(id: string, add: boolean): void;
  /** Opens the chart's context menu for the node (the context-menu key, Shift+F10, a right-click). */
  onMenu?(id: string): void;
}

/** A row's height in pixels (the stylesheet gives `.chart-list-row` the same). */
const ROW_HEIGHT = 24;

/**
 * Up to this many nodes every row is in the page; above it only the rows in view (and a few either
 * side, and the active one) are. A screen reader's reading cursor and the browser's find see every
 * row of a chart of the size people read; a chart of thousands of nodes is not read row by row,
 * and 10,000 rows in the page made Chromium's hit testing at each mouse move over the canvas cost
 * more than half of a pan (bench:render).
 */
export const ALL_ROWS_UP_TO = 400;

/** Rows drawn beyond each edge of the view when only the rows in view are. */
const OVERSCAN = 10;

function titleCase(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/**
 * What is on the chart, as a listbox beside the canvas: the keyboard's way to the chart's
 * elements. Arrows, Home and End move; Enter selects the node on the chart (Shift+Enter or Space
 * adds it to the selection); the toolbar's actions then apply to it. The context-menu key or
 * Shift+F10 opens the chart's menu for the active node (expand, paths, details, pin, hide, group).
 */
export function ChartList({ nodes, selection, hiddenCount, onChoose, onMenu }: ChartListProps) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const colours = useMemo(() => agencyColours(nodes.flatMap((n) => n.agencies)), [nodes]);
  const selected = useMemo(() => new Set(selection), [selection]);

  // When something is selected on the canvas, the list follows it.
  const last = selection[selection.length - 1] ?? null;
  const [followed, setFollowed] = useState(last);
  if (last !== followed) {
    setFollowed(last);
    if (last !== null && nodes.some((n) => n.id === last)) setActiveId(last);
  }
  const found = activeId === null ? -1 : nodes.findIndex((n) => n.id === activeId);
  const index = found >= 0 ? found : 0;
  const activeNode = nodes[index];
  const setActive = (at: number) => setActiveId(nodes[at]?.id ?? null);

  // The app is not built with React Compiler, whose memoising this warning is about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: nodes.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: nodes.length <= ALL_ROWS_UP_TO ? nodes.length : OVERSCAN,
    getItemKey: (at) => nodes[at]?.id ?? at,
    // The active option stays in the page wherever the list is scrolled: aria-activedescendant names it.
    rangeExtractor: (range) => {
      const drawn = defaultRangeExtractor(range);
      if (index < nodes.length && !drawn.includes(index)) drawn.push(index);
      return drawn.sort((x, y) => x - y);
    },
  });

  const activeKey = activeNode?.id;
  useEffect(() => {
    if (activeKey !== undefined) rows.scrollToIndex(index, { align: 'auto' });
    // Only a new active node scrolls the list, not every change of the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = (to: number) => {
      event.preventDefault();
      setActive(Math.max(0, Math.min(nodes.length - 1, to)));
    };
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      if (!activeNode || !onMenu) return;
      event.preventDefault();
      onMenu(activeNode.id);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(nodes.length - 1);
      case 'PageDown':
        return move(index + 10);
      case 'PageUp':
        return move(index - 10);
      case 'Enter':
      case ' ':
        if (!activeNode) return;
        event.preventDefault();
        onChoose(activeNode.id, event.shiftKey || event.key === ' ' || event.ctrlKey || event.metaKey);
        return;
      default:
        return;
    }
  };

  return (
    <div className="chart-list">
      <h2 id="chart-list-heading" className="chart-list-heading">
        On the chart <span className="muted">{nodes.length}</span>
      </h2>
      {hiddenCount > 0 && (
        <p className="chart-list-note" data-testid="chart-hidden-count">
          {hiddenCount} hidden
        </p>
      )}
      <div
        ref={listRef}
        className="chart-list-rows"
        role="listbox"
        aria-labelledby="chart-list-heading"
        aria-multiselectable="true"
        aria-keyshortcuts="ContextMenu Shift+F10"
        aria-activedescendant={activeNode ? optionId(activeNode.id) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="chart-list"
      >
        <div role="none" className="chart-list-track" style={{ height: rows.getTotalSize() }}>
          {rows.getVirtualItems().map((row) => {
            const i = row.index;
            const node = nodes[i] as ChartNodeDto;
            return (
              <div
                key={node.id}
                id={optionId(node.id)}
                role="option"
                aria-selected={selected.has(node.id)}
                aria-setsize={nodes.length}
                aria-posinset={i + 1}
                className={i === index ? 'chart-list-row active' : 'chart-list-row'}
                style={{ transform: `translateY(${row.start}px)` }}
                data-node={node.id}
                onMouseDown={(event) => event.preventDefault()}
                onClick={(event) => {
                  setActive(i);
                  listRef.current?.focus();
                  onChoose(node.id, event.shiftKey || event.ctrlKey || event.metaKey);
                }}
                onContextMenu={(event) => {
                  if (!onMenu) return;
                  event.preventDefault();
                  setActive(i);
                  onMenu(node.id);
                }}
              >
                <img
                  className="chart-list-icon"
                  src={iconUri(node.kind, styleOfKind(titleCase(node.kind)).border)}
                  width="16"
                  height="16"
                  alt=""
                />
                <span className="chart-list-label">
                  {node.label}
                  <span className="visually-hidden">, {styleOfKind(titleCase(node.kind)).title}</span>
                </span>
                <span className="chart-list-agencies">
                  {node.agencies.map((agency) => (
                    <span
                      key={agency}
                      className="agency-dot"
                      style={{ background: colours.get(agency) }}
                      title={agency}
                    />
                  ))}
                  <span className="visually-hidden">{node.agencies.join(', ')}</span>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function optionId(id: string): string {
  return `chart-item-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}
