import { describe, expect, it } from 'vitest';
import { describePaths, describeSlice } from '../../main/cli/workspaceCommands';
import type { ChartNoteDto } from '../../main/contract/workspaceTypes';
import { adviceNote, plainNote } from '../../main/services/workspace/chartNotes';

const slice = (notes: ChartNoteDto[]) => ({ nodes: [], edges: [], hubsLeftOut: 0, cappedOut: 0, notes });

// The services' notes name the app's actions ("show the rest", "include hubs"); on the command
// line the advice names the options that do it, chosen by the note's kind, never by its wording.
describe('caselink expand and path: notes name the options', () => {
  it('says --limit and --hubs after an expansion', () => {
    const lines = describeSlice(
      slice([
        adviceNote('capped', '3 more neighbours not drawn (limit 5)'),
        adviceNote(
          'hubs-left-out',
          '1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything',
        ),
        plainNote('A person joins more mentions than Caselink draws as one node; some of its mentions are left out.'),
      ]),
    );
    expect(lines.filter((l) => l.startsWith('Note: '))).toEqual([
      'Note: 3 more neighbours not drawn (limit 5): give a larger --limit to draw them.',
      'Note: 1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything; add --hubs to draw them.',
      'Note: A person joins more mentions than Caselink draws as one node; some of its mentions are left out.',
    ]);
  });

  it('says --max-hops and --hubs after a path search', () => {
    const lines = describePaths({
      paths: [],
      slice: slice([
        adviceNote('no-path-without-hubs', 'No path of 3 steps or fewer without hubs'),
        adviceNote('path-hubs-left-out', 'Paths through hub identifiers are left out'),
      ]),
    });
    expect(lines).toEqual([
      'No path found.',
      'Note: No path of 3 steps or fewer without hubs: try a larger --max-hops (up to 10) or add --hubs.',
      'Note: Paths through hub identifiers are left out; add --hubs to see them.',
    ]);
    expect(
      describePaths({ paths: [], slice: slice([adviceNote('no-path', 'No path of 10 steps or fewer')]) }),
    ).toContain('Note: No path of 10 steps or fewer: try a larger --max-hops (up to 10).');
  });

  it("follows a note's kind whatever the app's wording of it", () => {
    const lines = describeSlice(
      slice([
        { kind: 'capped', text: '40 more not drawn. Show the rest?', fact: '40 more neighbours not drawn (limit 10)' },
        { kind: 'hubs-left-out', text: '2 hubs hidden: tick "Include hubs".', fact: '2 hub identifiers left out' },
      ]),
    );
    expect(lines.filter((l) => l.startsWith('Note: '))).toEqual([
      'Note: 40 more neighbours not drawn (limit 10): give a larger --limit to draw them.',
      'Note: 2 hub identifiers left out; add --hubs to draw them.',
    ]);
  });
});
