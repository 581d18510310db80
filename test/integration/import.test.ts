import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProfile, type ProfileInput } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { CaselinkFailure } from '../../main/contract/errors';
import { listIdentifiers } from '../../main/services/identifierService';
import { sharedIdentifiers } from '../../main/services/linkService';
import { importFile, type ImportSummary } from '../../main/services/import/importFile';
import { relink } from '../../main/services/resolveService';
import { graphStats } from '../../main/services/statsService';
import { openTestServices, type TestServices } from '../support/services';
import { personProfile, writeDelimited, writeWorkbook } from '../support/sheets';

const cardHash = (pan: string) => `h${pan.length}-${pan.slice(-2)}`;

describe('importing agency files', () => {
  let services: TestServices;
  let dir: string;

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-import-'));
    for (const code of [
      'CITY-POL',
      'BORDER',
      'LABOUR',
      'NGO',
      'FIU',
      'RO-POL',
      'DUP',
      'KEYS',
      'CLEAN',
      'NOREPORT',
      'EXT-A',
      'EXT-B',
    ]) {
      await upsertAgency(services.db, { code, name: code, country: code === 'RO-POL' ? 'RO' : 'GB' });
    }
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  const run = (
    path: string,
    profile: ProfileInput,
    extra: { batchSize?: number; reportDir?: string; now?: () => Date } = {},
  ): Promise<ImportSummary> =>
    importFile(services.db, {
      path,
      agency: profile.agency,
      profile: parseProfile(profile),
      profileSource: 'test',
      reportDir: join(dir, 'reports'),
      cardHash,
      ...extra,
    });

  const identifiers = async (label: string) =>
    (await listIdentifiers(services.db))
      .filter((i) => i.label === label)
      .map((i) => i.key)
      .sort();

  it('reads an .xlsx below its title row and merged banner, with numeric phones and date serials', async () => {
    const path = join(dir, 'visits.xlsx');
    await writeWorkbook(path, [
      {
        name: 'Visits',
        merges: ['A1:E1'],
        rows: [
          ['Gangmasters & Labour Abuse Authority — site visits Q3 2026'],
          [],
          ['Visit ID', 'Worker name', 'DOB', 'Mobile', 'Accommodation'],
          ['V-1', 'POPESCU, ion', new Date(Date.UTC(1991, 2, 4)), 7700900456, 'Flat 2, 14 Mill Rd, Leeds LS1 4AB'],
          ['V-2', 'Ana Lungu', 33604, '+44 (0)7911 123456', '14 MILL ROAD FLAT 2 LS1 4AB'],
        ],
      },
    ]);
    const summary = await run(
      path,
      personProfile('LABOUR', {
        'Visit ID': 'record.caseRef',
        'Worker name': 'subject.fullName',
        DOB: 'subject.birthDate',
        Mobile: 'subject.phone',
        Accommodation: 'subject.address',
      }),
    );
    expect(summary).toMatchObject({
      outcome: 'imported',
      rowsRead: 2,
      rowsImported: 2,
      rowsRejected: 0,
      newRecords: 2,
    });
    expect(summary.sheets).toEqual([{ name: 'Visits', headerRow: 3, missingColumns: [], rowsRead: 2 }]);
    // 7700900456 lost its leading zero in a numeric cell; it is a UK mobile all the same.
    expect(await identifiers('Phone')).toEqual(expect.arrayContaining(['+447911123456']));
    // Both spellings of the accommodation meet on one address.
    const addresses = (await listIdentifiers(services.db)).filter((i) => i.label === 'Address');
    expect(addresses).toHaveLength(1);
    expect(addresses[0]).toMatchObject({ records: 2, agencies: ['LABOUR'] });
  });

  it('reads a Latin-1, semicolon-separated CSV with DD/MM/YYYY dates and keeps accents', async () => {
    const path = join(dir, 'encounters.csv');
    await writeDelimited(
      path,
      [
        ['Encounter', 'Nom', 'Prénom', 'Né le', 'Téléphone', 'Passport', 'Nationality'],
        ['E-1', 'Müller', 'Zoë', '04/03/1991', '0044 7911 123456', '123 456 789', 'GBR'],
        ['E-2', 'Çelik', 'José', '31/02/1990', 'n/a', 'X1', 'TUR'],
      ],
      ';',
      'latin1',
    );
    const profile = personProfile('BORDER', {
      Encounter: 'record.caseRef',
      Nom: 'subject.familyName',
      Prénom: 'subject.givenName',
      'Né le': 'subject.birthDate',
      Téléphone: 'subject.phone',
      Passport: 'subject.documentNumber',
      Nationality: 'subject.nationality',
    });
    const summary = await run(path, profile);
    expect(summary).toMatchObject({ rowsRead: 2, rowsImported: 2, rowsWithWarnings: 1, rowsRejected: 0 });
    // The bad date, phone and passport of row 3 are reported by column; the row's good fields stay.
    expect(summary.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [3, 'Né le', 'day 31 does not exist in 1990-02'],
      [3, 'Téléphone', '"n/a" is not a phone number'],
      [3, 'Passport', '"X1" is not a document number'],
    ]);
    const report = await readFile(summary.reportPath as string, 'utf8');
    expect(report.split('\r\n')[0]).toBe('\uFEFF"file","sheet","row","column","value","severity","reason"');
    expect(report).toContain(
      '"encounters.csv","Sheet1","3","Né le","31/02/1990","warning","day 31 does not exist in 1990-02"',
    );
    expect(await identifiers('Document')).toEqual(['123456789']);
    // The same mobile written another way by another agency is the same phone.
    expect((await listIdentifiers(services.db)).find((i) => i.key === '+447911123456')).toMatchObject({
      records: 2,
      agencies: ['BORDER', 'LABOUR'],
    });
  });

  it('keeps a phone with its extension: the number links, each side keeps its own extension', async () => {
    const profile = (agency: string) =>
      personProfile(agency, { Ref: 'record.caseRef', Name: 'subject.fullName', Phone: 'subject.phone' });
    await writeDelimited(
      join(dir, 'ext-a.csv'),
      [
        ['Ref', 'Name', 'Phone'],
        ['A-1', 'Leeds Lettings', '0113 496 0104 (ext 14)'],
      ],
      ',',
    );
    await writeDelimited(
      join(dir, 'ext-b.csv'),
      [
        ['Ref', 'Name', 'Phone'],
        ['B-1', 'Leeds Lettings Ltd', '0113 496 0104 ext. 22'],
        ['B-2', 'Front desk', '0113 496 0104'],
      ],
      ',',
    );
    expect((await run(join(dir, 'ext-a.csv'), profile('EXT-A'))).rowsImported).toBe(1);
    expect((await run(join(dir, 'ext-b.csv'), profile('EXT-B'))).rowsImported).toBe(2);
    const [shared] = (await sharedIdentifiers(services.db, { agencies: ['EXT-A'], kinds: ['phone'] })).filter(
      (s) => s.key === '+441134960104',
    );
    expect(shared?.sides.map((s) => [s.agency, s.raw, s.extension])).toEqual([
      ['EXT-A', '0113 496 0104 (ext 14)', '14'],
      ['EXT-B', '0113 496 0104 ext. 22', '22'],
      ['EXT-B', '0113 496 0104', null],
    ]);
  });

  it('reads .ods, .xls and .tsv, and several numbers in one cell', async () => {
    const rows = [
      ['Ref', 'Name', 'Phones', 'E-mail'],
      ['T-1', 'Maria Stan', '07700 900 777 / 020 7946 0018', 'Maria.Stan@Example.org'],
    ];
    const profile = (agency: string) =>
      personProfile(agency, {
        Ref: 'record.caseRef',
        Name: 'subject.fullName',
        Phones: 'subject.phone',
        'E-mail': 'subject.email',
      });
    await writeWorkbook(join(dir, 'tips.ods'), [{ name: 'Tips', rows }], 'ods');
    await writeWorkbook(
      join(dir, 'old.xls'),
      [{ name: 'Sheet1', rows: [...rows, ['T-2', 'Vasile Rusu', '020 7946 0019', '']] }],
      'biff8',
    );
    await writeDelimited(
      join(dir, 'extract.tsv'),
      [...rows, ['T-3', 'Elena Rusu', '020 7946 0020', 'elena@example.org']],
      '\t',
    );
    const ods = await run(join(dir, 'tips.ods'), profile('NGO'));
    const xls = await run(join(dir, 'old.xls'), profile('CITY-POL'));
    const tsv = await run(join(dir, 'extract.tsv'), profile('FIU'));
    expect([ods.rowsImported, xls.rowsImported, tsv.rowsImported]).toEqual([1, 2, 2]);
    expect(await identifiers('Email')).toEqual(['elena@example.org', 'maria.stan@example.org']);
    expect((await listIdentifiers(services.db)).find((i) => i.key === '+442079460018')).toMatchObject({
      records: 3,
      agencies: ['CITY-POL', 'FIU', 'NGO'],
    });
  });

  it('says so when a file holds a header and no rows, rather than a silent success of 0 rows', async () => {
    await writeDelimited(join(dir, 'empty-month.csv'), [['Ref', 'Name', 'Phone']], ',');
    const summary = await run(
      join(dir, 'empty-month.csv'),
      personProfile('CLEAN', { Ref: 'record.caseRef', Name: 'subject.fullName', Phone: 'subject.phone' }),
    );
    expect({ rows: summary.rowsImported, problems: summary.problems }).toEqual({
      rows: 0,
      problems: [
        {
          file: 'empty-month.csv',
          sheet: 'Sheet1',
          row: null,
          column: null,
          value: '',
          severity: 'warning',
          reason: 'the file holds no rows to import: no sheet has data below a header the profile recognises',
        },
      ],
    });
  });

  it('rejects rows with nothing usable, naming file, sheet and row, and keeps the good rows beside them', async () => {
    const path = join(dir, 'mixed.xlsx');
    await writeWorkbook(path, [
      {
        name: 'Persons',
        rows: [
          ['Case', 'Surname', 'Forenames', 'Mobile', 'Comment'],
          ['C-10', 'Rusu', 'Dan', '07911 123457', ''],
          [null, null, null, null, 'see file'],
          [],
          ['C-11', 'Rusu', 'Dan', '07911 123457', ''],
          ['C-10', 'Rusu', 'Dan', '07911 123457', ''],
        ],
      },
    ]);
    const summary = await run(
      path,
      personProfile('CITY-POL', {
        Case: 'record.caseRef',
        Surname: 'subject.familyName',
        Forenames: 'subject.givenName',
        Mobile: 'subject.phone',
      }),
    );
    expect(summary).toMatchObject({
      rowsRead: 4,
      blankRows: 1,
      rowsImported: 3,
      rowsRejected: 1,
      duplicateRows: 1,
      newRecords: 2,
    });
    expect(summary.problems).toEqual([
      {
        file: 'mixed.xlsx',
        sheet: 'Persons',
        row: 3,
        column: null,
        value: 'see file',
        severity: 'rejected',
        reason: 'nothing to import: no case or record reference, name or identifier',
      },
    ]);
  });

  it('changes nothing when the same file is imported again, and adds only new or changed rows from a newer export', async () => {
    const profile = personProfile(
      'RO-POL',
      { Dosar: 'record.caseRef', Nume: 'subject.familyName', Prenume: 'subject.givenName', Telefon: 'subject.phone' },
      { country: 'RO' },
    );
    const october = [
      ['Dosar', 'Nume', 'Prenume', 'Telefon'],
      ['D-1', 'Popescu', 'Ion', '0721 234 567'],
      ['D-2', 'Ionescu', 'Vasile', '0722 345 678'],
    ];
    await writeWorkbook(join(dir, 'ro-oct.xlsx'), [{ name: 'Export', rows: october }]);
    await run(join(dir, 'ro-oct.xlsx'), profile);
    const before = await graphStats(services.db);

    const again = await run(join(dir, 'ro-oct.xlsx'), profile);
    expect(again.outcome).toBe('unchanged');
    expect(await graphStats(services.db)).toEqual(before);

    // November: D-1 unchanged, D-2's phone corrected, D-3 new.
    const november = [
      ...october.slice(0, 2),
      ['D-2', 'Ionescu', 'Vasile', '0722 345 679'],
      ['D-3', 'Radu', 'Elena', '0723 456 789'],
    ];
    await writeWorkbook(join(dir, 'ro-nov.xlsx'), [{ name: 'Export', rows: november }]);
    const newer = await run(join(dir, 'ro-nov.xlsx'), profile);
    expect(newer).toMatchObject({ outcome: 'imported', rowsImported: 3, newRecords: 2 });
    const after = await graphStats(services.db);
    const ro = (s: typeof before) => s.byAgency.find((a) => a.agency === 'RO-POL');
    expect(ro(after)).toMatchObject({
      records: (ro(before)?.records ?? 0) + 2,
      cases: (ro(before)?.cases ?? 0) + 1,
      completeSources: 2,
    });
  });

  it('keeps a row whose row key repeats another row with other content, and says so', async () => {
    const path = join(dir, 'keyed.xlsx');
    await writeWorkbook(path, [
      {
        name: 'Rows',
        rows: [
          ['Ref', 'Name', 'Mobile'],
          ['K-1', 'Elena Radu', '0723 456 789'],
          ['K-1', 'Mihai Radu', '0723 456 780'],
        ],
      },
    ]);
    const summary = await run(
      path,
      personProfile(
        'RO-POL',
        { Ref: 'record.caseRef', Name: 'subject.fullName', Mobile: 'subject.phone' },
        { country: 'RO', rowKey: ['Ref'] },
      ),
    );
    expect(summary).toMatchObject({ rowsImported: 2, newRecords: 2, rowsWithWarnings: 1 });
    expect(summary.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Ref',
        reason: 'the row key repeats row 2 with other content; kept as a row of its own',
      }),
    ]);
  });

  it('keeps provenance and grading on every record and link', async () => {
    const path = join(dir, 'fiu.xlsx');
    await writeWorkbook(path, [
      {
        name: 'Accounts',
        rows: [
          ['Report', 'Holder', 'IBAN', 'Card', 'Wallet'],
          [
            'SAR-1',
            'Ion Popescu',
            'ro49 aaaa 1b31 0075 9384 0000',
            '4111 1111 1111 1111',
            '0xAbC0000000000000000000000000000000000001',
          ],
          ['SAR-2', 'Ana Popescu', 'RO49AAAA1B31007593840000', '4111 **** **** 1111', 'not-a-wallet'],
        ],
      },
    ]);
    const profile = personProfile(
      'FIU',
      {
        Report: 'record.caseRef',
        Holder: 'subject.fullName',
        IBAN: 'subject.iban',
        Card: 'subject.card',
        Wallet: 'subject.crypto',
      },
      { grading: { system: '5x5x5', source: 'B', information: '2', handling: '3' } },
    );
    const summary = await run(path, profile);
    expect(summary).toMatchObject({ rowsImported: 2, rowsWithWarnings: 1 });
    const accounts = (await listIdentifiers(services.db)).filter((i) => i.label === 'Account');
    expect(accounts.map((a) => [a.subkind, a.display, a.records]).sort()).toEqual([
      ['card', '411111******1111', 1],
      ['card-masked', '4111********1111', 1],
      ['eth', '0xabc0000000000000000000000000000000000001', 1],
      ['iban', 'RO49 AAAA 1B31 0075 9384 0000', 2],
    ]);
    // The full card number is nowhere in the graph: only its masked form and keyed hash.
    expect(accounts.some((a) => a.key.includes('4111111111111111'))).toBe(false);
  });
  it('keeps both columns under a header that stands twice, in the record identity and when re-linking', async () => {
    const path = join(dir, 'two-phones.xlsx');
    await writeWorkbook(path, [
      {
        name: 'Calls',
        rows: [
          ['Ref', 'Name', 'Phone', 'Phone'],
          ['P-1', 'Ion Rusu', '07911 600001', '07911 600002'],
          // The same row but for its first phone: another record, not a repeat of the one above.
          ['P-1', 'Ion Rusu', '07911 600003', '07911 600002'],
          ['P-2', 'Ana Rusu', null, '07911 600004'],
        ],
      },
    ]);
    const summary = await run(
      path,
      personProfile('DUP', { Ref: 'record.caseRef', Name: 'subject.fullName', Phone: 'subject.phone' }),
    );
    expect(summary).toMatchObject({ rowsImported: 3, duplicateRows: 0, newRecords: 3 });
    const phones = ['+447911600001', '+447911600002', '+447911600003', '+447911600004'];
    const dupPhones = async () =>
      (await listIdentifiers(services.db))
        .filter((i) => i.label === 'Phone' && phones.includes(i.key))
        .map((i) => [i.key, i.records])
        .sort();
    const expected = [
      ['+447911600001', 1],
      ['+447911600002', 2],
      ['+447911600003', 1],
      ['+447911600004', 1],
    ];
    expect(await dupPhones()).toEqual(expected);
    // Re-linking reads every record again from its stored cells: each column is where it was.
    await relink(services.db, cardHash);
    expect(await dupPhones()).toEqual(expected);
  });

  it('reads a row key or header that is also a property name of every object', async () => {
    const path = join(dir, 'keys.csv');
    await writeDelimited(
      path,
      [
        ['__proto__', 'constructor', 'Name', 'Mobile'],
        ['K-1', 'x', 'Elena Radu', '0723 456 781'],
        ['K-2', 'x', 'Elena Radu', '0723 456 781'],
        ['K-2', 'y', 'Elena Radu', '0723 456 781'],
      ],
      ',',
    );
    const columns = { Name: 'subject.fullName', Mobile: 'subject.phone' };
    const byProto = await run(path, personProfile('KEYS', columns, { country: 'RO', rowKey: ['__proto__'] }));
    // Rows 3 and 4 share the key K-2 with other content (the "constructor" column): both kept, and said.
    expect(byProto).toMatchObject({ outcome: 'imported', rowsImported: 3, newRecords: 3, rowsWithWarnings: 1 });
    expect(byProto.problems).toEqual([
      expect.objectContaining({ row: 4, column: '__proto__', reason: expect.stringContaining('repeats row 3') }),
    ]);
    const byConstructor = await run(path, personProfile('KEYS', columns, { country: 'RO', rowKey: ['constructor'] }));
    expect(byConstructor).toMatchObject({ outcome: 'imported', rowsImported: 3, rowsWithWarnings: 1 });
    // By content, the "__proto__" column tells rows 2 and 3 apart: three records, no repeats.
    const byContent = await run(path, personProfile('KEYS', { ...columns }, { country: 'RO', name: 'by content' }));
    expect(byContent).toMatchObject({ outcome: 'imported', rowsImported: 3, duplicateRows: 0 });
    expect((await graphStats(services.db)).byAgency.find((a) => a.agency === 'KEYS')).toMatchObject({
      sources: 3,
      completeSources: 3,
    });
  });

  it('reports each cell the reader cleaned as a warning naming its row and column', async () => {
    const path = join(dir, 'nul.csv');
    await writeFile(path, Buffer.from('Ref,Name,Mobile\r\nN-1,Ana\u0000 Pop,07911 123458\r\n', 'utf8'));
    const summary = await run(
      path,
      personProfile('CLEAN', { Ref: 'record.caseRef', Name: 'subject.fullName', Mobile: 'subject.phone' }),
    );
    expect(summary).toMatchObject({ rowsImported: 1, rowsWithWarnings: 1 });
    expect(summary.problems).toEqual([
      {
        file: 'nul.csv',
        sheet: 'Sheet1',
        row: 2,
        column: 'Name',
        value: 'Ana Pop',
        severity: 'warning',
        reason: expect.stringContaining('NUL'),
      },
    ]);
  });

  it('stops before writing anything when the problem report cannot be written', async () => {
    const path = join(dir, 'noreport.csv');
    await writeDelimited(
      path,
      [
        ['Ref', 'Name', 'Mobile'],
        ['R-1', 'Ana Pop', 'not a phone'],
      ],
      ',',
    );
    const now = () => new Date(Date.UTC(2026, 10, 29, 12, 0, 0));
    const reportDir = join(dir, 'blocked-reports');
    // A folder stands where the report file would go.
    await mkdir(join(reportDir, '2026-11-29T12-00-00-000Z-noreport.csv.problems.csv'), { recursive: true });
    const profile = personProfile('NOREPORT', {
      Ref: 'record.caseRef',
      Name: 'subject.fullName',
      Mobile: 'subject.phone',
    });
    const failed = await run(path, profile, { reportDir, now }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(CaselinkFailure);
    expect((failed as CaselinkFailure).error).toMatchObject({
      kind: 'InvalidInput',
      message: `The problem report cannot be written in ${reportDir} (EISDIR).`,
    });
    expect((await graphStats(services.db)).byAgency.find((a) => a.agency === 'NOREPORT')).toMatchObject({
      sources: 0,
      records: 0,
    });
  });
});
