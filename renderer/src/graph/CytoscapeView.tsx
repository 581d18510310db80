import cytoscape, { type Core, type EventObject, type NodeSingular } from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ChartNodeDto } from '../../../main/contract/workspaceTypes';
import { selectChartAppearance, selectFilterResult, useAppStore, useAppStoreApi } from '../store';
import { chartElements, type ChartAppearance } from './chartElements';
import { ChartList } from './ChartList';
import { ChartMenu, type ChartMenuItem } from './ChartMenu';
import { registerExtensions } from './extensions';
import { FIT_PADDING, MAX_FIT_ZOOM, runLayout } from './layout';
import {
  EDGE_LABELS_FROM_ZOOM,
  labelBudget,
  labelFontSize,
  labelMaxWidth,
  labelWidth,
  NAMED_OVER_NODES,
  placeLabels,
  rankByImportance,
  type LabelBox,
} from './lod';
import { Navigator } from './Navigator';
import { agencyColours, CROWDED_ABOVE, graphStylesheet, SNAPSHOT_WHILE_MOVING_ABOVE } from './style';
import './chart.css';

export interface CytoscapeViewProps {
  /** Shown over the canvas (empty graph, loading, errors); the canvas stays mounted beneath. */
  overlay?: ReactNode;
  /**
   * What the filters leave visible and how the analysis sizes and colours nodes; by default the
   * store's filters and analysis (selectFilterResult, selectChartAppearance).
   */
  appearance?: ChartAppearance;
}

/**
 * How long after the last step of a zoom a large chart places its labels: the wait after which
 * Cytoscape stops moving the snapshot and draws the chart whole (its wheel timeout), so that the
 * whole drawing shows them.
 */
const ZOOM_REST_MS = 150;

/**
 * The renderer's option to move a snapshot of the chart while the view moves: Cytoscape reads it at
 * every frame and has no setter or typing for it.
 */
function snapshotOptions(core: Core): { textureOnViewport: boolean } {
  return (core as unknown as { renderer(): { textureOnViewport: boolean } }).renderer();
}

/** Above this many nodes the navigator opens by itself. */
export const NAVIGATOR_FROM = 60;

interface ContextMenu {
  x: number;
  y: number;
  /** The node or edge right-clicked (and so selected). */
  target: string;
  isNode: boolean;
  /** Opened from the keyboard list: the focus goes back there when the menu closes. */
  fromList: boolean;
}

/** The id of the element in the right-hand panel that the chart's list is drawn into, when there is one. */
export const CHART_LIST_SLOT = 'chart-list-slot';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    !!target.closest('[role="dialog"]'));

/**
 * The link chart. The only component that holds the imperative Cytoscape instance: it draws the
 * chart store's content (adding, updating and removing elements as the store changes, never
 * redrawing all), runs the layouts the store asks for, writes positions and the selection back,
 * and keeps labels legible by level of detail (lod.ts). Beside it: a toolbar, a context menu, a
 * navigator, and the keyboard list of what is on the chart.
 */
export function CytoscapeView({ overlay, appearance }: CytoscapeViewProps) {
  const chart = useAppStore((s) => s.chart);
  const selection = useAppStore((s) => s.chartSelection);
  const layoutRequest = useAppStore((s) => s.chartLayout);
  const notes = useAppStore((s) => s.chartNotes);
  const canUndo = useAppStore((s) => s.chartPast.length > 0);
  const canRedo = useAppStore((s) => s.chartFuture.length > 0);
  const fitRequest = useAppStore((s) => s.chartFit);
  const pathStart = useAppStore((s) => s.pathStart);
  const store = useAppStoreApi();

  const containerRef = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const cyRef = useRef<Core | null>(null);
  const fitZoomRef = useRef<number | null>(null);
  const ranksRef = useRef<string[]>([]);
  const syncingRef = useRef(false);
  const lastLayoutRef = useRef(0);
  const [revision, setRevision] = useState(0);
  const [menu, setMenu] = useState<ContextMenu | null>(null);
  const [navigatorOpen, setNavigatorOpen] = useState<boolean | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  // The right-hand panel draws the list when it is there (it is mounted with the view, in the same commit).
  const [listSlot, setListSlot] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setListSlot(document.getElementById(CHART_LIST_SLOT)));
    return () => cancelAnimationFrame(frame);
  }, []);

  const updateLod = useCallback(() => {
    const core = cyRef.current;
    if (!core) return;
    const zoom = core.zoom();
    const font = Math.round(labelFontSize(zoom) * 10) / 10;
    const view = core.extent();
    const candidates: LabelBox[] = [];
    const discs: LabelBox[] = [];
    let shown = 0;
    for (const id of ranksRef.current) {
      const node = core.getElementById(id);
      if (node.empty() || node.hasClass('hidden')) continue;
      shown += 1;
      const at = node.position();
      if (at.x < view.x1 || at.x > view.x2 || at.y < view.y1 || at.y > view.y2) continue;
      const half = Number(node.data('size')) / 2 || 16;
      discs.push({ id, x: at.x, top: at.y - half * 0.6, width: half * 1.2, height: half * 1.2 });
      const text = String(node.data('label') ?? '');
      candidates.push({ id, x: at.x, top: at.y + half, width: labelWidth(text, font) + 6, height: font * 1.35 + 4 });
    }
    const budget = labelBudget(shown, zoom, fitZoomRef.current ?? zoom, core.width() * core.height());
    const labelled = placeLabels(candidates, budget, discs, NAMED_OVER_NODES);
    const edgeFont = Math.round(labelFontSize(zoom) * 9) / 10;
    const edgeLabels = zoom >= EDGE_LABELS_FROM_ZOOM;
    core.batch(() => {
      core.nodes().forEach((node) => {
        if (node.hasClass('group')) {
          if (node.data('fontSize') !== font * 1.15)
            node.data({ fontSize: font * 1.15, labelWidth: labelMaxWidth(font) * 2 });
          return;
        }
        // Only where it changes: Cytoscape's toggleClass restyles an element even when its class
        // stays as it was (every node and edge of a 20,000-element chart, 1.6 s, at each placing).
        const named = labelled.has(node.id());
        if (node.hasClass('labelled') !== named) node.toggleClass('labelled', named);
        if (node.data('fontSize') !== font) node.data({ fontSize: font, labelWidth: labelMaxWidth(font) });
      });
      core.edges().forEach((edge) => {
        if (edge.hasClass('labelled') !== edgeLabels) edge.toggleClass('labelled', edgeLabels);
        if (edge.data('fontSize') !== edgeFont) edge.data('fontSize', edgeFont);
      });
    });
    // On the stage, not on Cytoscape's container: Cytoscape takes any change of its container's
    // attributes for a resize, and a resize calls this again.
    stageRef.current?.setAttribute('data-labelled', String(labelled.size));
  }, []);

  const fitChart = useCallback(() => {
    const core = cyRef.current;
    if (!core || core.elements(':visible').length === 0) return;
    core.fit(core.elements(':visible'), FIT_PADDING);
    if (core.zoom() > MAX_FIT_ZOOM) {
      core.zoom(MAX_FIT_ZOOM);
      core.center(core.elements(':visible'));
    }
    fitZoomRef.current = core.zoom();
    updateLod();
  }, [updateLod]);

  // The Cytoscape instance, created once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    registerExtensions();
    const core = cytoscape({
      container,
      style: graphStylesheet(0),
      // Low enough to fit a chart of thousands of nodes (laid out as balloon trees, it is wide).
      minZoom: 0.002,
      maxZoom: 4,
      boxSelectionEnabled: true,
    });
    cyRef.current = core;
    setCy(core);

    const hoverOn = (event: EventObject) => {
      const target = event.target as NodeSingular;
      const title: unknown = target.data('title');
      // The tooltip goes on the stage: a change to the container's attributes is a resize to Cytoscape.
      if (stageRef.current) stageRef.current.title = typeof title === 'string' ? title : '';
      target.addClass('hover');
      if (target.isNode()) {
        target.connectedEdges().addClass('hover');
        target.neighborhood('node').addClass('neighbour');
      }
    };
    const hoverOff = () => {
      if (stageRef.current) stageRef.current.title = '';
      core.elements('.hover, .neighbour').removeClass('hover neighbour');
    };
    core.on('mouseover', 'node, edge', hoverOn);
    core.on('mouseout', 'node, edge', hoverOff);

    // Selections made on the canvas (clicks, Shift/Ctrl-clicks, box select) go to the store once per frame.
    let selectionQueued = false;
    core.on('select unselect', () => {
      if (syncingRef.current || selectionQueued) return;
      selectionQueued = true;
      queueMicrotask(() => {
        selectionQueued = false;
        store.getState().selectOnChart(core.$(':selected').map((e) => e.id()));
      });
    });

    // A drag is an undo step; every node it moved (a selection, a group's members) is recorded once.
    let dragQueued = false;
    core.on('dragfree', 'node', () => {
      if (dragQueued) return;
      dragQueued = true;
      queueMicrotask(() => {
        dragQueued = false;
        const positions = Object.fromEntries(core.nodes(':childless').map((n) => [n.id(), { ...n.position() }]));
        store.getState().moveNodes(positions, { record: true });
      });
    });

    core.on('cxttap', 'node, edge', (event) => {
      const target = event.target as NodeSingular;
      if (!target.selected()) {
        core.$(':selected').unselect();
        target.select();
      }
      setMenu({
        x: event.renderedPosition.x,
        y: event.renderedPosition.y,
        target: target.id(),
        isNode: target.isNode(),
        fromList: false,
      });
    });
    core.on('tap cxttap', (event) => {
      if (event.target === core) setMenu(null);
    });
    core.on('zoom', () => setMenu(null));

    let lodFrame = 0;
    let lodAfterZoom: ReturnType<typeof setTimeout> | undefined;
    const lodNextFrame = () => {
      if (lodFrame) return;
      lodFrame = requestAnimationFrame(() => {
        lodFrame = 0;
        updateLod();
      });
    };
    core.on('resize', lodNextFrame);
    core.on('zoom', () => {
      // A large chart zooms a snapshot of itself (SNAPSHOT_WHILE_MOVING_ABOVE), on which new
      // labels would not show: relabelling every node at each step of the wheel only slowed it
      // (a frame a second at 20,000 elements). Its labels are placed once the zoom rests, as
      // Cytoscape draws the chart whole again.
      if (!snapshotOptions(core).textureOnViewport) lodNextFrame();
      else {
        clearTimeout(lodAfterZoom);
        lodAfterZoom = setTimeout(updateLod, ZOOM_REST_MS);
      }
    });

    // Cytoscape only notices window resizes; panels can change the canvas size too.
    const observer = new ResizeObserver(() => core.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(lodFrame);
      clearTimeout(lodAfterZoom);
      core.destroy();
      cyRef.current = null;
      setCy(null);
    };
  }, [updateLod, store]);

  // The store's chart onto the canvas: only what changed.
  const filtered = useAppStore(selectFilterResult);
  const analysed = useAppStore(selectChartAppearance);
  const highlighted = useAppStore((state) => state.highlighted);
  const drawnAs = useMemo<ChartAppearance>(
    () =>
      appearance ?? {
        visible: { nodes: filtered.visibleNodes, edges: filtered.visibleEdges },
        sizes: analysed.sizes,
        colours: analysed.colours,
        highlighted,
      },
    [appearance, filtered, analysed, highlighted],
  );
  const elements = useMemo(() => chartElements(chart, drawnAs), [chart, drawnAs]);
  useEffect(() => {
    const core = cyRef.current;
    if (!core) return;
    const wanted = new Map(elements.map((e) => [e.data.id as string, e]));
    const before = core.nodes().length;
    core.batch(() => {
      core.elements().forEach((ele) => {
        const def = wanted.get(ele.id());
        const sameParent = !def || !ele.isNode() || (ele.data('parent') ?? null) === (def.data.parent ?? null);
        if (!def || !sameParent) ele.remove();
      });
      const missing = elements.filter((e) => core.getElementById(e.data.id as string).empty());
      core.add(missing);
      for (const def of elements) {
        const ele = core.getElementById(def.data.id as string);
        for (const [key, value] of Object.entries(def.data)) {
          if (
            key !== 'id' &&
            key !== 'parent' &&
            key !== 'source' &&
            key !== 'target' &&
            key !== 'fontSize' &&
            key !== 'labelWidth'
          ) {
            if (ele.data(key) !== value) ele.data(key, value);
          }
        }
        if (ele.classes().join(' ') !== def.classes) {
          const keep = ele.classes().filter((c) => ['labelled', 'hover', 'neighbour'].includes(c));
          ele.classes([...((def.classes as string) ? (def.classes as string).split(' ') : []), ...keep].join(' '));
        }
        if (def.group === 'nodes' && def.position && !ele.isParent()) {
          const at = ele.position();
          if (Math.abs(at.x - def.position.x) > 0.5 || Math.abs(at.y - def.position.y) > 0.5)
            ele.position(def.position);
        }
      }
    });
    const nodeCount = Object.keys(chart.nodes).length;
    if (before > CROWDED_ABOVE !== nodeCount > CROWDED_ABOVE || before === 0) core.style(graphStylesheet(nodeCount));
    snapshotOptions(core).textureOnViewport = nodeCount > SNAPSHOT_WHILE_MOVING_ABOVE;
    ranksRef.current = rankByImportance(Object.values(chart.nodes), Object.values(chart.edges));
    updateLod();
    setRevision((r) => r + 1);
  }, [elements, chart, updateLod]);

  // The layouts the store asks for: the whole chart, or new nodes around the rest.
  useEffect(() => {
    const core = cyRef.current;
    if (!core || layoutRequest.seq === lastLayoutRef.current) return;
    lastLayoutRef.current = layoutRequest.seq;
    runLayout(core, store.getState().chart, layoutRequest.scope, layoutRequest.nodes);
    // Rounded to a tenth of a pixel on the canvas and in the store alike, so that undo puts a
    // node back exactly where it was drawn.
    const positions: Record<string, { x: number; y: number }> = {};
    core.batch(() => {
      core.nodes(':childless').forEach((n) => {
        const at = { x: Math.round(n.position().x * 10) / 10, y: Math.round(n.position().y * 10) / 10 };
        n.position(at);
        positions[n.id()] = at;
      });
    });
    store.getState().moveNodes(positions);
    if (layoutRequest.scope === 'all') fitChart();
    else {
      const isNew = new Set(layoutRequest.nodes);
      const added = core.nodes().filter((n) => isNew.has(n.id()));
      if (added.nonempty()) core.animate({ center: { eles: added } }, { duration: 200 });
    }
  }, [layoutRequest, fitChart, store]);

  // A chart put back as it was saved: fitted to the window, since the view still shows the old one.
  const lastFitRef = useRef(fitRequest);
  useEffect(() => {
    if (fitRequest === lastFitRef.current) return;
    lastFitRef.current = fitRequest;
    fitChart();
  }, [fitRequest, elements, fitChart]);

  // The store's selection onto the canvas (a pick in the list, a search hit added).
  useEffect(() => {
    const core = cyRef.current;
    if (!core) return;
    const wanted = new Set(selection);
    syncingRef.current = true;
    core.batch(() => {
      core.elements().forEach((ele) => {
        if (wanted.has(ele.id()) && !ele.selected()) ele.select();
        else if (!wanted.has(ele.id()) && ele.selected()) ele.unselect();
      });
    });
    syncingRef.current = false;
  }, [selection, revision]);

  // Undo and redo from anywhere outside text fields and dialogs.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isEditable(event.target) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        store.getState().undoChart();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        store.getState().redoChart();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const shownNodes = useMemo(() => {
    const byId = chart.nodes;
    const visible = drawnAs.visible?.nodes;
    const order = rankByImportance(Object.values(chart.nodes), Object.values(chart.edges));
    return order
      .map((id) => byId[id] as ChartNodeDto)
      .filter((n) => !chart.hidden[n.id] && (!visible || visible.has(n.id)));
  }, [chart, drawnAs]);
  const nodeCount = Object.keys(chart.nodes).length;
  const edgeCount = Object.keys(chart.edges).length;
  const hiddenCount = nodeCount - shownNodes.length;
  const selectedNodes = selection.filter((id) => id in chart.nodes);
  const selectedGroups = selection.filter((id) => id in chart.groups);
  const groupsOfSelection = Object.values(chart.groups)
    .filter((g) => g.members.some((m) => selection.includes(m)))
    .map((g) => g.id);
  const anyPinned = selectedNodes.some((id) => chart.pinned[id]);
  const showNavigator = navigatorOpen ?? nodeCount >= NAVIGATOR_FROM;

  const choose = useCallback(
    (id: string, add: boolean) => {
      store.getState().selectOnChart([id], { add });
      const core = cyRef.current;
      const node = core?.getElementById(id);
      if (core && node && node.nonempty()) {
        if (core.zoom() < (fitZoomRef.current ?? 1) * 1.5)
          core.zoom({ level: (fitZoomRef.current ?? 1) * 1.5, position: node.position() });
        core.animate({ center: { eles: node } }, { duration: 150 });
      }
    },
    [store],
  );

  /** Zooms around the middle of the canvas (the keyboard's way to zoom). */
  const zoomBy = (factor: number) => {
    const core = cyRef.current;
    if (!core) return;
    core.zoom({ level: core.zoom() * factor, renderedPosition: { x: core.width() / 2, y: core.height() / 2 } });
  };

  /**
   * Opens the context menu from the keyboard list for `id`: selected (alone, unless it already
   * was), brought into view, and the menu put beside it on the canvas.
   */
  const openMenuFor = useCallback(
    (id: string) => {
      const state = store.getState();
      if (!state.chartSelection.includes(id)) state.selectOnChart([id]);
      const core = cyRef.current;
      const node = core?.getElementById(id);
      if (!core || !node || node.empty()) return;
      const at = node.renderedPosition();
      if (at.x < 0 || at.y < 0 || at.x > core.width() || at.y > core.height()) core.center(node);
      const shown = node.renderedPosition();
      setMenu({ x: shown.x, y: shown.y, target: id, isNode: true, fromList: true });
    },
    [store],
  );

  const closeMenu = useCallback(
    (chosen: boolean) => {
      const wasFromList = menu?.fromList ?? false;
      setMenu(null);
      // Back where the keyboard was, unless the item chosen moved the focus itself (a panel, a form).
      if (wasFromList && !chosen) document.querySelector<HTMLElement>('[data-testid="chart-list"]')?.focus();
    },
    [menu],
  );

  const a = store.getState();
  const selectionActions = [
    {
      label: 'Pin',
      title: 'Keep in place when the chart is laid out',
      enabled: selectedNodes.length > 0 && !anyPinned,
      act: () => a.pinNodes(selectedNodes),
    },
    {
      label: 'Unpin',
      title: 'Let layouts move the selected nodes',
      enabled: anyPinned,
      act: () => a.unpinNodes(selectedNodes),
    },
    {
      label: 'Hide',
      title: 'Keep on the chart but do not draw',
      enabled: selection.length > 0,
      act: () => a.hideElements(selection),
    },
    {
      label: 'Group',
      title: 'Draw the selected nodes inside one box',
      enabled: selectedNodes.length > 1,
      act: () => a.groupNodes(selectedNodes),
    },
    {
      label: 'Ungroup',
      title: 'Dissolve the selected groups',
      enabled: selectedGroups.length + groupsOfSelection.length > 0,
      act: () => a.ungroup([...selectedGroups, ...groupsOfSelection]),
    },
    {
      label: 'Remove',
      title: 'Take off the chart (Delete)',
      enabled: selection.length > 0,
      act: () => a.removeFromChart(selection),
    },
  ];

  /** The context menu's entries for what was right-clicked (or chosen in the list), with the selection around it. */
  const menuItems = (target: ContextMenu): ChartMenuItem[] => {
    const items: ChartMenuItem[] = [];
    const label = chart.nodes[target.target]?.label ?? 'this node';
    if (target.isNode) {
      items.push({
        label: 'Details',
        title: 'Every fact about the node with its sources, in the left panel',
        act: () => {
          a.selectOnChart([target.target]);
          a.revealDetails();
        },
        testId: 'menu-details',
      });
      items.push({
        label: selectedNodes.length > 1 ? `Expand ${selectedNodes.length} nodes` : 'Expand',
        title: 'Add the neighbours with the expand options as they are (E opens them)',
        separated: true,
        act: () => void a.expand(selectedNodes),
        testId: 'menu-expand',
      });
      items.push({
        label: 'Expand by kind, hops, agency…',
        title: 'Choose the links to follow, the agencies and how many hops',
        act: () => a.openExpand(),
        testId: 'menu-expand-options',
      });
      if (selectedNodes.length === 2) {
        items.push({
          label: 'Find paths between the two…',
          title: 'Shortest paths between the two selected nodes (P)',
          act: () => a.openPaths(),
          testId: 'menu-paths',
        });
      } else if (pathStart && pathStart !== target.target && pathStart in chart.nodes) {
        const from = chart.nodes[pathStart]?.label ?? pathStart;
        items.push({
          label: `Find paths from ${from} to here…`,
          title: 'Shortest paths between the node marked as the start and this one',
          act: () => {
            a.selectOnChart([pathStart, target.target]);
            a.setPathStart(null);
            a.openPaths();
          },
          testId: 'menu-paths-to',
        });
      }
      if (selectedNodes.length !== 2 && pathStart !== target.target) {
        items.push({
          label: 'Find paths from here',
          title: `Mark ${label} as the start; then open this menu on another node`,
          act: () => a.setPathStart(target.target),
          testId: 'menu-paths-from',
        });
      }
    } else {
      items.push({
        label: 'Explain link',
        title: 'The facts behind this link with their sources, in the left panel',
        act: () => {
          a.selectOnChart([target.target]);
          a.revealDetails();
        },
        testId: 'menu-details',
      });
    }
    selectionActions
      .filter((action) => action.enabled)
      .forEach((action, i) =>
        items.push({
          label: action.label,
          title: action.title,
          separated: i === 0,
          act: action.act,
          testId: `menu-${action.label.toLowerCase()}`,
        }),
      );
    return items;
  };

  const list =
    nodeCount > 0 ? (
      <ChartList
        nodes={shownNodes}
        selection={selection}
        hiddenCount={hiddenCount}
        onChoose={choose}
        onMenu={openMenuFor}
      />
    ) : null;

  return (
    <div
      className={`graph-view chart-view${listSlot ? ' chart-view-list-elsewhere' : ''}`}
      onKeyDown={(event) => {
        if (
          (event.key === 'Delete' || event.key === 'Backspace') &&
          !isEditable(event.target) &&
          selection.length > 0
        ) {
          event.preventDefault();
          a.removeFromChart(selection);
        } else if (event.key === 'Escape') setMenu(null);
      }}
    >
      <div className="chart-stage" ref={stageRef}>
        <div
          ref={containerRef}
          className="graph-canvas"
          role="img"
          aria-label={`Link chart with ${nodeCount} nodes and ${edgeCount} relationships; the list beside it reaches each node`}
          data-testid="graph-canvas"
        />
        <div className="chart-top">
          {nodeCount > 0 && (
            <div className="graph-toolbar chart-toolbar" role="toolbar" aria-label="Chart">
              <button type="button" onClick={() => a.undoChart()} disabled={!canUndo} title="Undo (Ctrl+Z)">
                Undo
              </button>
              <button type="button" onClick={() => a.redoChart()} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">
                Redo
              </button>
              <span className="toolbar-gap" />
              {selectionActions.map((action) => (
                <button
                  key={action.label}
                  type="button"
                  onClick={action.act}
                  disabled={!action.enabled}
                  title={action.title}
                >
                  {action.label}
                </button>
              ))}
              <button
                type="button"
                onClick={() => a.showElements()}
                disabled={Object.keys(chart.hidden).length === 0}
                title="Draw every hidden element again"
              >
                Show hidden
              </button>
              <span className="toolbar-gap" />
              <button type="button" onClick={() => zoomBy(1.4)} aria-label="Zoom in" title="Zoom in">
                +
              </button>
              <button type="button" onClick={() => zoomBy(1 / 1.4)} aria-label="Zoom out" title="Zoom out">
                −
              </button>
              <button type="button" onClick={fitChart} aria-label="Fit to window" title="Fit to window">
                Fit
              </button>
              <button type="button" onClick={() => a.relayoutChart()} title="Lay out again; pinned nodes stay">
                Re-run layout
              </button>
              <button type="button" aria-pressed={showNavigator} onClick={() => setNavigatorOpen(!showNavigator)}>
                Navigator
              </button>
            </div>
          )}
          {notes.length > 0 && (
            <ul className="chart-notes" aria-label="What the chart leaves out">
              {notes.map((note) => (
                <li key={note.text}>{note.text}</li>
              ))}
            </ul>
          )}
          {pathStart && pathStart in chart.nodes && (
            <p className="chart-path-start" role="status" data-testid="path-start">
              Paths from <strong>{chart.nodes[pathStart]?.label}</strong>: open the menu on another node (right-click,
              or the context-menu key in the list).{' '}
              <button type="button" className="button-small button-secondary" onClick={() => a.setPathStart(null)}>
                Cancel
              </button>
            </p>
          )}
        </div>
        <div className="chart-bottom">
          {nodeCount > 0 && <AgencyKey nodes={shownNodes} />}
          <span className="spacer" />
          {nodeCount > 0 && showNavigator && <Navigator cy={cy} revision={revision} />}
        </div>
        {menu && (
          <ChartMenu
            x={menu.x}
            y={menu.y}
            about={menu.isNode ? (chart.nodes[menu.target]?.label ?? 'node') : 'link'}
            items={menuItems(menu)}
            onClose={closeMenu}
          />
        )}
        {overlay && <div className="graph-overlay">{overlay}</div>}
      </div>
      {list && (listSlot ? createPortal(list, listSlot) : list)}
    </div>
  );
}

/** The agencies' colours on the chart's rings, and what a purple link means. */
function AgencyKey({ nodes }: { nodes: readonly ChartNodeDto[] }) {
  const colours = agencyColours(nodes.flatMap((n) => n.agencies));
  if (colours.size === 0) return null;
  return (
    <ul className="chart-key" aria-label="Agency colours">
      {[...colours].map(([agency, colour]) => (
        <li key={agency}>
          <span className="agency-dot" style={{ background: colour }} aria-hidden="true" />
          {agency}
        </li>
      ))}
      <li>
        <span className="cross-line" aria-hidden="true" />
        links across agencies
      </li>
    </ul>
  );
}
