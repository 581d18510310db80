/**
 * The bulk first load writes an address or a number plate as the transactional path does: one
 * node per key, showing the writing that sorts first, whatever order the rows came in.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../main/core/cells';
import { parseProfile } from '../../main/core/profile';
import { mapRow, resolveColumns } from '../../main/core/rowMapper';
import { BulkGraph } from '../../main/services/import/bulkGraph';
import { personProfile } from '../support/sheets';

const HEADER = ['Case', 'Name', 'Address', 'Plate'];
const PROFILE = parseProfile(
  personProfile('CITY-POL', {
    Case: 'record.caseRef',
    Name: 'subject.fullName',
    Address: 'subject.address',
    Plate: 'subject.vehiclePlate',
  }),
);
const ROWS: Cell[][] = [
  ['CP-1', 'Ana Pop', '12 High Street, Leeds LS1 4AP', 'AB12 CDE'],
  ['CP-2', 'Ana POP', '12 HIGH ST  LEEDS ls1 4ap', 'ab12-cde'],
];

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** The Address and Vehicle nodes' lines of a bulk load of `rows`, in that order. */
async function identifierNodes(rows: Cell[][]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'caselink-bulk-graph-'));
  dirs.push(dir);
  const graph = new BulkGraph(dir);
  await graph.open();
  const { mappings } = resolveColumns(PROFILE, HEADER);
  for (const [i, cells] of rows.entries()) {
    const row = mapRow(
      { profile: PROFILE, sheet: 'Persons', header: HEADER, cardHash: (pan) => pan },
      mappings,
      cells,
      i + 2,
    );
    const ctx = {
      source: 'source-1',
      agency: 'CITY-POL',
      fileName: 'log.csv',
      profile: PROFILE,
      now: '2026-11-30T00:00:00Z',
    };
    await graph.row({ id: `record-${String(cells[0])}`, row, repeat: false }, ctx);
  }
  const { input } = await graph.close();
  const lines: string[] = [];
  for (const part of input.nodes.filter((p) => p.labels === 'Address' || p.labels === 'Vehicle')) {
    const text = await readFile(part.data, 'utf8');
    // Without the importer's id, which follows the order the nodes were met in.
    lines.push(
      ...text
        .trim()
        .split('\n')
        .map((line) => `${part.labels} ${line.replace(/^\d+,/, '')}`),
    );
  }
  return lines.sort();
}

describe('the bulk graph', () => {
  it('writes one node per address and plate, with the writing that sorts first, in either row order', async () => {
    const inOrder = await identifierNodes(ROWS);
    expect(inOrder).toHaveLength(2);
    expect(inOrder.join('\n')).toContain('12 HIGH ST LEEDS ls1 4ap');
    expect(inOrder.join('\n')).toContain('GB AB12 CDE');
    expect(await identifierNodes([...ROWS].reverse())).toEqual(inOrder);
  });
});
