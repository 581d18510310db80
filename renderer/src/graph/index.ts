// What features may use from the graph view; nothing else in renderer/src/graph is public.
export { CytoscapeView, type CytoscapeViewProps } from './CytoscapeView';
export { Legend } from './Legend';
export { KIND_STYLES, styleOfKind, type KindStyle } from './style';
