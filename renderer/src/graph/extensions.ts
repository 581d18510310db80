import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

let registered = false;

/** Registers Caselink's Cytoscape extensions; the one place that calls `cytoscape.use`. */
export function registerExtensions(): void {
  // Cytoscape warns when an extension is registered twice (React may mount a view more than once).
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}
