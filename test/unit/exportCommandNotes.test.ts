import { describe, expect, it } from 'vitest';
import { describeExport } from '../../main/cli/exportCommands';
import type { ChartNoteDto } from '../../main/contract/workspaceTypes';
import type { ExportResult } from '../../main/services/export/exportService';
import { adviceNote, plainNote } from '../../main/services/workspace/chartNotes';

const exported = (notes: ChartNoteDto[]): ExportResult => ({
  format: 'pdf',
  fingerprint: 'f'.repeat(64),
  redacted: false,
  files: ['chart.pdf'],
  nodes: 12,
  edges: 15,
  pseudonyms: 0,
  notes,
});
const noteLines = (lines: string[]) => lines.filter((l) => l.startsWith('Note: '));

// The chart's notes come from expanding its seeds and name the app's actions ("expand with hubs
// included", "show the rest"); `caselink export` has no --hubs or --limit, so its note says how a
// chart file draws them, chosen by the note's kind, never by its wording.
describe('caselink export: notes name what the command line can do', () => {
  it('says how to draw the hubs and the neighbours left out: a chart file, exported with --chart', () => {
    const lines = describeExport(
      exported([
        adviceNote(
          'hubs-left-out',
          '1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything',
        ),
        adviceNote('capped', '3 more neighbours not drawn (limit 500)'),
        plainNote('2 links left out of the ANX: i2 does not draw a link from an entity to itself.'),
      ]),
      () => true,
    );
    expect(noteLines(lines)).toEqual([
      'Note: 1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything; to draw them, write the chart with --format json, set "includeHubs": true in its definition and export it with --chart FILE.',
      'Note: 3 more neighbours not drawn (limit 500): to draw them, write the chart with --format json, set a larger "limit" (up to 2,000) in its definition and export it with --chart FILE.',
      'Note: 2 links left out of the ANX: i2 does not draw a link from an entity to itself.',
    ]);
  });

  it("follows a note's kind whatever the app's wording of it", () => {
    const lines = describeExport(
      exported([
        { kind: 'capped', text: '3 more: press Show the rest.', fact: '3 more neighbours not drawn (limit 500)' },
      ]),
      () => true,
    );
    expect(noteLines(lines)).toEqual([
      'Note: 3 more neighbours not drawn (limit 500): to draw them, write the chart with --format json, set a larger "limit" (up to 2,000) in its definition and export it with --chart FILE.',
    ]);
  });
});
