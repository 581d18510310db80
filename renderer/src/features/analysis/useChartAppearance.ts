import { useMemo } from 'react';
import { selectChartAppearance, selectFilterResult, useAppStore } from '../../store';

/**
 * What the filters and the analysis ask of the chart's drawing, for `CytoscapeView`'s
 * `appearance`: the elements left visible, node sizes and fills by id. The same object while
 * none of these changes, so the view redraws only when it must.
 */
export function useChartAppearance(): {
  visible: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
  sizes: Readonly<Record<string, number>>;
  colours: Readonly<Record<string, string>>;
} {
  const result = useAppStore(selectFilterResult);
  const { sizes, colours } = useAppStore(selectChartAppearance);
  return useMemo(
    () => ({ visible: { nodes: result.visibleNodes, edges: result.visibleEdges }, sizes, colours }),
    [result, sizes, colours],
  );
}
