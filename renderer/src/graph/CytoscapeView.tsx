import cytoscape, { type Core, type Layouts } from 'cytoscape';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { GraphElements } from '../../../main/contract/api';
import { registerExtensions } from './extensions';
import { FIT_PADDING, layoutFor, MAX_FIT_ZOOM } from './layout';
import { graphStylesheet } from './style';
import { toElements } from './toElements';

export interface CytoscapeViewProps {
  /** The graph to show; null before anything was loaded. */
  graph: GraphElements | null;
  /** Shown over the canvas (empty graph, loading, errors); the canvas stays mounted beneath. */
  overlay?: ReactNode;
}

/**
 * The link chart. The only component that holds the imperative Cytoscape instance: it creates it
 * once, replaces its elements when `graph` changes and lays them out.
 */
export function CytoscapeView({ graph, overlay }: CytoscapeViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutRef = useRef<Layouts | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    registerExtensions();
    const cy = cytoscape({
      container,
      style: graphStylesheet(0),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
    });
    cyRef.current = cy;
    // The canvas has no elements of its own to carry a title: show the hovered node's instead.
    cy.on('mouseover', 'node', (event) => {
      const title: unknown = event.target.data('title');
      container.title = typeof title === 'string' ? title : '';
    });
    cy.on('mouseout', 'node', () => {
      container.title = '';
    });
    // Cytoscape only notices window resizes; panels can change the canvas size too.
    const observer = new ResizeObserver(() => cy.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      layoutRef.current?.stop();
      layoutRef.current = null;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  const elements = useMemo(() => (graph ? toElements(graph) : []), [graph]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    layoutRef.current?.stop();
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    cy.style(graphStylesheet(cy.nodes().length));
    runLayout(cy, layoutRef);
  }, [elements]);

  const nodeCount = elements.filter((e) => e.group === 'nodes').length;
  const edgeCount = elements.length - nodeCount;
  const hasNodes = nodeCount > 0;

  return (
    <div className="graph-view">
      <div
        ref={containerRef}
        className="graph-canvas"
        role="img"
        aria-label={`Link chart with ${nodeCount} nodes and ${edgeCount} relationships`}
        data-testid="graph-canvas"
      />
      {hasNodes && (
        <div className="graph-toolbar" role="toolbar" aria-label="Chart view">
          <button type="button" onClick={() => cyRef.current && fitChart(cyRef.current)}>
            Fit to window
          </button>
          <button type="button" onClick={() => cyRef.current && runLayout(cyRef.current, layoutRef)}>
            Re-run layout
          </button>
        </div>
      )}
      {overlay && <div className="graph-overlay">{overlay}</div>}
    </div>
  );
}

function runLayout(cy: Core, layoutRef: { current: Layouts | null }): void {
  layoutRef.current?.stop();
  const nodeCount = cy.nodes().length;
  if (nodeCount === 0) {
    layoutRef.current = null;
    return;
  }
  const layout = cy.layout(layoutFor(nodeCount));
  layoutRef.current = layout;
  layout.one('layoutstop', () => fitChart(cy));
  layout.run();
}

function fitChart(cy: Core): void {
  cy.fit(undefined, FIT_PADDING);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
}
