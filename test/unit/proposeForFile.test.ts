import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../main/core/profile';
import { previewFile, proposeForFile } from '../../main/services/import/mapping';

const fixtures = resolve(import.meta.dirname, '../../fixtures');
// Each workbook is read by a worker thread; on a busy machine that takes a few seconds.
const SLOW = { timeout: 60_000 };

describe('proposing a profile for a whole file', () => {
  it('proposes every sheet of a workbook, and the profile reads each sheet by its own columns', SLOW, async () => {
    const proposal = await proposeForFile(resolve(fixtures, 'city-pol/case-log.xlsx'), 'CITY-POL', 'GB');
    const profile = parseProfile(proposal.profile);
    const previews = await previewFile(resolve(fixtures, 'city-pol/case-log.xlsx'), profile, (pan) => pan, 2);
    expect({
      layouts: proposal.layouts,
      sheets: profile.sheets,
      perSheet: profile.columns.every((c) => c.sheet !== undefined),
      contacts: profile.columns.filter((c) => c.sheet === 'Contacts').map((c) => `${c.column} → ${c.field}`),
      previews: previews.map((p) => ({ sheet: p.sheet, missing: p.missingColumns, rows: p.rows.length })),
    }).toEqual({
      layouts: [
        { sheet: 'Persons', headerRow: 1 },
        { sheet: 'Contacts', headerRow: 1 },
      ],
      sheets: ['Persons', 'Contacts'],
      perSheet: true,
      contacts: [
        'Case Ref → caseRef',
        'Person No → recordRef',
        'Name → fullName',
        'Phone → phone',
        'Email → email',
        'Address → address',
        'Vehicle Reg → vehiclePlate',
        'Social Media → handle',
        'Notes → freeText',
      ],
      previews: [
        { sheet: 'Persons', missing: [], rows: 2 },
        { sheet: 'Contacts', missing: [], rows: 2 },
      ],
    });
  });

  it('leaves out a sheet where nothing could be mapped, and then needs no per-sheet columns', SLOW, async () => {
    const proposal = await proposeForFile(resolve(fixtures, 'labour/site-visits-q3.xlsx'), 'LABOUR', 'GB');
    expect({
      layouts: proposal.layouts.map((l) => l.sheet),
      sheets: proposal.profile.sheets,
      perSheet: proposal.profile.columns.some((c) => c.sheet !== undefined),
    }).toEqual({ layouts: ['Site visits', 'Inspectors'], sheets: ['Site visits'], perSheet: false });
  });

  it('decides as before from cells of any length, of which it reads the first 1,024 characters', SLOW, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'caselink-propose-'));
    try {
      const path = join(dir, 'notes.csv');
      const note = `Worker says the agent keeps her passport. ${'She was moved between farms. '.repeat(1_000)}`;
      await writeFile(path, `Name,Mobile,Notes\nAna Popa,07700 900123,"${note}"\nIrina Dobre,07700 900456,"${note}"\n`);
      const proposal = await proposeForFile(path, 'NGO', 'GB');
      expect(proposal.profile.columns.map((c) => `${c.column} → ${c.entity}.${c.field}`)).toEqual([
        'Name → subject.fullName',
        'Mobile → subject.phone',
        'Notes → record.freeText',
      ]);
      // The preview still shows the whole row as the import reads it.
      const [preview] = await previewFile(path, parseProfile(proposal.profile), (pan) => pan, 1);
      expect(preview?.missingColumns).toEqual([]);
      // A header longer than that is no column name: passed over, so that no profile names a column
      // by the start of it, which the import would then not find.
      const long = join(dir, 'long-header.csv');
      await writeFile(
        long,
        `Name,${'Remarks '.repeat(200)},Mobile\nAna Popa,x,07700 900123\nIrina Dobre,y,07700 900456\n`,
      );
      const passed = await proposeForFile(long, 'NGO', 'GB');
      expect(passed.profile.columns.map((c) => c.column)).toEqual(['Name', 'Mobile']);
      const [longPreview] = await previewFile(long, parseProfile(passed.profile), (pan) => pan, 1);
      expect(longPreview?.missingColumns).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
