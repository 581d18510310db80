// What features may use from the graph view; nothing else in renderer/src/graph is public.
export { CytoscapeView, type CytoscapeViewProps } from './CytoscapeView';
export { Legend } from './Legend';
export { CONFIRMED_PERSON, KIND_STYLES, styleOfKind, type KindStyle } from './style';
export { confirmedPersons, type ConfirmedPerson } from './toElements';
