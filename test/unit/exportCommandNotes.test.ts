import { describe, expect, it } from 'vitest';
import { describeExport } from '../../main/cli/exportCommands';

// The chart's notes come from expanding its seeds and name the app's actions ("expand with hubs
// included", "show the rest"); `caselink export` has no --hubs or --limit, so its note says how a
// chart file draws them.
describe('caselink export: notes name what the command line can do', () => {
  it('says how to draw the hubs and the neighbours left out: a chart file, exported with --chart', () => {
    const lines = describeExport(
      {
        format: 'pdf',
        fingerprint: 'f'.repeat(64),
        redacted: false,
        files: ['chart.pdf'],
        nodes: 12,
        edges: 15,
        pseudonyms: 0,
        notes: [
          '1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything; expand with hubs included to draw them.',
          '3 more neighbours not drawn (limit 500): show the rest to draw them.',
        ],
      },
      () => true,
    );
    expect(lines.filter((l) => l.startsWith('Note: '))).toEqual([
      'Note: 1 hub identifier left out (+44 800 012 1700): they link too many records to tell anything; to draw them, write the chart with --format json, set "includeHubs": true in its definition and export it with --chart FILE.',
      'Note: 3 more neighbours not drawn (limit 500): to draw them, write the chart with --format json, set a larger "limit" (up to 2,000) in its definition and export it with --chart FILE.',
    ]);
  });
});
