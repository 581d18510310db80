import { describe, expect, it } from 'vitest';
import { describePaths, describeSlice } from '../../main/cli/workspaceCommands';

const slice = (notes: string[]) => ({ nodes: [], edges: [], hubsLeftOut: 0, cappedOut: 0, notes });

// The services' notes name the app's actions ("show the rest", "include hubs"); on the command
// line the advice names the options that do it.
describe('caselink expand and path: notes name the options', () => {
  it('says --limit and --hubs after an expansion', () => {
    const lines = describeSlice(
      slice([
        '3 more neighbours not drawn (limit 5): show the rest to draw them.',
        '1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything; expand with hubs included to draw them.',
      ]),
    );
    expect(lines).toContain('Note: 3 more neighbours not drawn (limit 5): give a larger --limit to draw them.');
    expect(lines).toContain(
      'Note: 1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything; add --hubs to draw them.',
    );
  });

  it('says --max-hops and --hubs after a path search', () => {
    const lines = describePaths({
      paths: [],
      slice: slice([
        'No path of 3 steps or fewer without hubs: try more steps or include hubs.',
        'Paths through hub identifiers are left out; include hubs to see them.',
      ]),
    });
    expect(lines).toEqual([
      'No path found.',
      'Note: No path of 3 steps or fewer without hubs: try a larger --max-hops (up to 10) or add --hubs.',
      'Note: Paths through hub identifiers are left out; add --hubs to see them.',
    ]);
    expect(describePaths({ paths: [], slice: slice(['No path of 10 steps or fewer: try more steps.']) })).toContain(
      'Note: No path of 10 steps or fewer: try a larger --max-hops (up to 10).',
    );
  });
});
