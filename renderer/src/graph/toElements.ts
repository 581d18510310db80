import type { ElementDefinition } from 'cytoscape';
import type { GraphElements } from '../../../main/contract/api';

/**
 * Maps the graph DTO from main into Cytoscape element definitions.
 *
 * Edges whose source or target is not among the nodes are left out: Cytoscape refuses to add
 * them, and a limited overview can cut a relationship's far end.
 */
export function toElements(graph: GraphElements): ElementDefinition[] {
  const nodeIds = new Set(graph.nodes.map((node) => node.data.id));
  const nodes: ElementDefinition[] = graph.nodes.map(({ data }) => ({
    group: 'nodes',
    data: { id: data.id, kind: data.kind, label: data.label, properties: data.properties },
  }));
  const edges: ElementDefinition[] = graph.edges
    .filter(({ data }) => nodeIds.has(data.source) && nodeIds.has(data.target))
    .map(({ data }) => ({
      group: 'edges',
      data: {
        id: data.id,
        source: data.source,
        target: data.target,
        kind: data.kind,
        properties: data.properties,
      },
    }));
  return [...nodes, ...edges];
}
