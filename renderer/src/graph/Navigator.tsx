import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef } from 'react';

/** The navigator's size on screen (CSS px). */
const WIDTH = 200;
const HEIGHT = 130;

/**
 * A small overview of a large chart: every node as a dot, and a rectangle for the part the main
 * view shows. A click or drag in it moves the main view there. A second, non-interactive
 * Cytoscape instance, copied from the main one whenever `revision` changes.
 */
export function Navigator({ cy, revision }: { cy: Core | null; revision: number }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<Core | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !cy) return;
    const nav = cytoscape({
      container,
      style: [
        {
          selector: 'node',
          style: { width: 'data(size)', height: 'data(size)', 'background-color': '#52606d', label: '' },
        },
        { selector: 'node.cross', style: { 'background-color': '#5b2a86' } },
        { selector: 'edge', style: { width: 1, 'line-color': '#c4ccd5', 'curve-style': 'haystack' } },
      ],
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      autounselectify: true,
    });
    navRef.current = nav;

    const drawFrame = () => {
      const frame = frameRef.current;
      if (!frame || nav.elements().length === 0) return;
      const extent = cy.extent();
      const zoom = nav.zoom();
      const pan = nav.pan();
      const left = Math.max(0, extent.x1 * zoom + pan.x);
      const top = Math.max(0, extent.y1 * zoom + pan.y);
      const right = Math.min(WIDTH, extent.x2 * zoom + pan.x);
      const bottom = Math.min(HEIGHT, extent.y2 * zoom + pan.y);
      frame.style.left = `${left}px`;
      frame.style.top = `${top}px`;
      frame.style.width = `${Math.max(4, right - left)}px`;
      frame.style.height = `${Math.max(4, bottom - top)}px`;
    };
    let scheduled = 0;
    const onViewport = () => {
      if (scheduled) return;
      scheduled = requestAnimationFrame(() => {
        scheduled = 0;
        drawFrame();
      });
    };
    cy.on('viewport resize', onViewport);
    // Remembered on the container so that the copy effect below can redraw the frame.
    (container as HTMLDivElement & { drawFrame?: () => void }).drawFrame = drawFrame;

    const moveTo = (event: PointerEvent) => {
      const box = container.getBoundingClientRect();
      const zoom = nav.zoom();
      const pan = nav.pan();
      const x = (event.clientX - box.left - pan.x) / zoom;
      const y = (event.clientY - box.top - pan.y) / zoom;
      cy.pan({ x: cy.width() / 2 - x * cy.zoom(), y: cy.height() / 2 - y * cy.zoom() });
    };
    const onDown = (event: PointerEvent) => {
      container.setPointerCapture(event.pointerId);
      moveTo(event);
    };
    const onMove = (event: PointerEvent) => {
      if (container.hasPointerCapture(event.pointerId)) moveTo(event);
    };
    container.addEventListener('pointerdown', onDown);
    container.addEventListener('pointermove', onMove);
    return () => {
      cancelAnimationFrame(scheduled);
      cy.off('viewport resize', onViewport);
      container.removeEventListener('pointerdown', onDown);
      container.removeEventListener('pointermove', onMove);
      nav.destroy();
      navRef.current = null;
    };
  }, [cy]);

  useEffect(() => {
    const nav = navRef.current;
    if (!nav || !cy) return;
    const shown = cy.elements().filter((e) => !e.hasClass('hidden') && !e.hasClass('group'));
    const nodes = shown.nodes();
    nav.batch(() => {
      nav.elements().remove();
      nav.add(
        nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id(), size: Math.max(8, Number(n.data('size')) || 30) },
          position: { ...n.position() },
          classes: Number(n.data('ring2Size')) > 0 ? 'cross' : '',
        })),
      );
      nav.add(
        shown.edges().map((e) => ({
          group: 'edges' as const,
          data: { id: e.id(), source: e.source().id(), target: e.target().id() },
        })),
      );
    });
    nav.resize();
    nav.fit(undefined, 6);
    (containerRef.current as (HTMLDivElement & { drawFrame?: () => void }) | null)?.drawFrame?.();
  }, [cy, revision]);

  return (
    <div className="chart-navigator" aria-hidden="true" title="Overview: click or drag to move the chart">
      <div ref={containerRef} className="chart-navigator-canvas" style={{ width: WIDTH, height: HEIGHT }} />
      <div ref={frameRef} className="chart-navigator-frame" />
    </div>
  );
}
