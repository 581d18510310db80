import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResultDto } from '../../main/contract/workspaceTypes';
import { parseProfile } from '../../main/core/profile';
import { applySchema } from '../../main/db/schema';
import { upsertAgency } from '../../main/services/agencyService';
import { listEvents } from '../../main/services/auditService';
import { importMany } from '../../main/services/import/importMany';
import { decideMatch } from '../../main/services/matchService';
import { search } from '../../main/services/workspace/searchService';
import { seedPairs } from '../support/matchPairs';
import { openTestServices, type TestServices } from '../support/services';
import { personProfile, writeDelimited } from '../support/sheets';

const COLUMNS = {
  Case: 'record.caseRef',
  Name: 'subject.fullName',
  Phone: 'subject.phone',
  IBAN: 'subject.iban',
  Instagram: 'subject.handle',
  Plate: 'subject.vehiclePlate',
  Email: 'subject.email',
  Address: 'subject.address',
};
const HEADER = Object.keys(COLUMNS);

/** Two agencies in two countries, a Ukrainian name written in Cyrillic by one and in Latin by the other. */
const FILES: Record<string, { country: string; rows: string[][] }> = {
  'CITY-POL': {
    country: 'GB',
    rows: [
      [
        'POL/2024-0113',
        'Олександр Бондаренко',
        '07700 900123',
        'GB82WEST12345698765432',
        '@ion.recruit',
        'AB12CDE',
        'ivan.petrov@mail.ru',
        '12 High Street, London SW1A 1AA',
      ],
      ['POL/2024-0114', 'Maria Ionescu', '07700 900456', '', '', '', '', '4 Berners Close, Leeds LS1 4AB'],
      ['POL/2024-0115', 'Andrei Orlov', '', '', '', '', '', ''],
      // As a Windows-1252 export writes "Costel Băieșu": the letters it has no code for are '?'.
      ['POL/2024-0116', 'COSTEL B?IE?U', '', '', '', '', '', ''],
    ],
  },
  'RO-POL': {
    country: 'RO',
    rows: [
      ['RO-77/2024', 'Oleksandr Bondarenko', '+44 7700 900123', 'RO49AAAA1B31007593840000', '', '', '', ''],
      // Four mentions of one name and one a letter apart: a page of four fills as typed.
      ...['RO-81/2024', 'RO-82/2024', 'RO-83/2024', 'RO-84/2024'].map((ref) => [
        ref,
        'Petru Rusu',
        '',
        '',
        '',
        '',
        '',
        '',
      ]),
      ['RO-85/2024', 'Petru Rosu', '', '', '', '', '', ''],
    ],
  },
};

/** The hits as a user reads them: kind, label, agencies, record count and why. */
function summary(result: SearchResultDto) {
  return result.groups.map((g) => ({
    kind: g.kind,
    total: g.total,
    hits: g.hits.map((h) => ({
      id: h.node.id,
      label: h.node.label,
      agencies: h.node.agencies,
      records: h.node.records,
      matched: h.matched,
    })),
  }));
}

describe('search', () => {
  let services: TestServices;
  let dir: string;

  const find = async (text: string, more: { kinds?: string[]; limit?: number } = {}) => {
    const result = await services.api.search({ text, ...more } as never);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const group = (result: SearchResultDto, kind: string) => summary(result).find((g) => g.kind === kind);

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-search-'));
    const files = [];
    for (const [agency, { country, rows }] of Object.entries(FILES)) {
      await upsertAgency(services.db, { code: agency, name: agency, country });
      const path = join(dir, `${agency.toLowerCase()}.csv`);
      await writeDelimited(path, [HEADER, ...rows], ',');
      const profile = parseProfile(personProfile(agency, COLUMNS, { country }));
      files.push({ path, agency, profile, profileSource: 'test' });
    }
    const outcomes = await importMany(services.db, files, {
      cardHash: (pan) => pan.slice(-4),
      reportDir: join(dir, 'reports'),
    });
    expect(outcomes.map((o) => o.ok && o.summary.outcome)).toEqual(['imported', 'imported']);
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a name written in Cyrillic by its Latin spelling, and the Latin mention beside it', async () => {
    const result = await find('Oleksandr');
    expect(summary(result)).toEqual([
      {
        kind: 'person',
        total: 2,
        hits: [
          {
            id: expect.stringMatching(/^person:/),
            label: 'Oleksandr Bondarenko',
            agencies: ['RO-POL'],
            records: 1,
            matched: 'name "Oleksandr Bondarenko"',
          },
          {
            id: expect.stringMatching(/^person:/),
            label: 'Олександр Бондаренко',
            agencies: ['CITY-POL'],
            records: 1,
            matched: 'name "Олександр Бондаренко" (transliterated)',
          },
        ],
      },
    ]);
    expect(result.readAs).toContain('as a name: oleksandr');
  });

  it('finds a Latin name typed in Cyrillic, a name with one typo and another transliteration', async () => {
    const cyrillic = group(await find('Бондаренко'), 'person');
    expect(cyrillic?.hits.map((h) => h.label).sort()).toEqual(['Oleksandr Bondarenko', 'Олександр Бондаренко']);
    const typo = group(await find('Oleksadr Bondarenko'), 'person');
    expect(typo?.hits.map((h) => h.label).sort()).toEqual(['Oleksandr Bondarenko', 'Олександр Бондаренко']);
    const spelling = group(await find('Olexandr'), 'person');
    expect(spelling?.hits.map((h) => h.label).sort()).toEqual(['Oleksandr Bondarenko', 'Олександр Бондаренко']);
  });

  it('looks a letter or two apart only when too few names are found as typed, and says so', async () => {
    const typo = await find('Andrei Orlvo');
    expect(group(typo, 'person')?.hits.map((h) => h.label)).toEqual(['Andrei Orlov']);
    expect(typo.readAs.slice(0, 2)).toEqual([
      'as a name: andrei orlvo',
      "as a name one letter apart, or with letters lost in a file's encoding (too few as typed)",
    ]);
    const spelling = await find('Olexandr');
    expect(spelling.readAs.slice(0, 2)).toEqual([
      'as a name: olexandr',
      'as a name up to two letters apart (too few one letter apart)',
    ]);
    // A page of four (limit 1) filled as typed: no name a letter apart is looked for, or counted.
    const typed = await find('Petru Rusu', { limit: 1 });
    expect(summary(typed).map((g) => [g.kind, g.total, g.hits.map((h) => h.label)])).toEqual([
      ['person', 4, ['Petru Rusu']],
    ]);
    expect(typed.readAs.filter((line) => line.includes('apart'))).toEqual([]);
    // One found as typed, too few: the four a letter apart come after it.
    const rosu = await find('Petru Rosu', { limit: 1 });
    expect(summary(rosu).map((g) => [g.kind, g.total, g.hits.map((h) => h.label)])).toEqual([
      ['person', 4, ['Petru Rosu']],
    ]);
    expect(rosu.readAs).toContain(
      "as a name one letter apart, or with letters lost in a file's encoding (too few as typed)",
    );
  });

  it('finds a phone typed in national form, shared by two agencies, above what merely holds its digits', async () => {
    const result = await find('07700 900123');
    expect(summary(result)[0]).toEqual({
      kind: 'phone',
      total: 1,
      hits: [
        {
          id: 'phone:%2B447700900123',
          label: '+44 7700 900123',
          agencies: ['CITY-POL', 'RO-POL'],
          records: 2,
          matched: 'phone +44 7700 900123',
        },
      ],
    });
    expect(result.groups[0]?.hits[0]?.score).toBe(3);
    expect(result.readAs).toContain('as a phone: +447700900123 (GB)');
  });

  it('finds phones by six or more of their digits', async () => {
    const phones = group(await find('900456'), 'phone');
    expect(phones?.hits.map((h) => [h.label, h.matched])).toEqual([
      ['+44 7700 900456', 'phone +44 7700 900456 (part of the number)'],
    ]);
  });

  it('finds an IBAN typed with spaces, a handle with or without @, a plate with a space and an e-mail', async () => {
    const first = async (text: string) => summary(await find(text))[0]?.hits[0];
    expect(await first('GB82 WEST 1234 5698 7654 32')).toMatchObject({
      id: 'account:iban:GB82WEST12345698765432',
      agencies: ['CITY-POL'],
      matched: 'account GB82 WEST 1234 5698 7654 32',
    });
    expect(await first('@ion.recruit')).toMatchObject({ id: 'handle:instagram:ion.recruit', records: 1 });
    expect(await first('ion.recruit')).toMatchObject({ id: 'handle:instagram:ion.recruit' });
    expect(await first('ab12 cde')).toMatchObject({ id: 'vehicle:GB:AB12CDE', matched: 'plate GB AB12CDE' });
    expect(await first('Ivan.Petrov@mail.ru')).toMatchObject({ id: 'email:ivan.petrov%40mail.ru' });
    expect(group(await find('ivan.petr'), 'email')?.hits.map((h) => h.label)).toEqual(['ivan.petrov@mail.ru']);
  });

  it('finds an address by the import key and by its words', async () => {
    const exact = group(await find('12 High St London SW1A 1AA'), 'address');
    expect(exact?.hits[0]).toMatchObject({
      label: '12 High Street, London SW1A 1AA',
      matched: 'address 12 High Street, London SW1A 1AA (the same address key)',
    });
    const words = group(await find('berners close'), 'address');
    expect(words?.hits.map((h) => h.label)).toEqual(['4 Berners Close, Leeds LS1 4AB']);
  });

  it('finds a case reference in any case, and by part of it', async () => {
    const exact = group(await find('pol/2024-0113'), 'case');
    expect(exact).toEqual({
      kind: 'case',
      total: 1,
      hits: [
        {
          id: 'case:CITY-POL:POL%2F2024-0113',
          label: 'POL/2024-0113 (CITY-POL)',
          agencies: ['CITY-POL'],
          records: 1,
          matched: 'case reference POL/2024-0113',
        },
      ],
    });
    expect(group(await find('2024-0114'), 'case')?.hits.map((h) => h.label)).toEqual(['POL/2024-0114 (CITY-POL)']);
  });

  it('reads hostile Lucene syntax as words, and a 10,000-character text without error', async () => {
    for (const text of ['a AND (b OR "', 'Orlov~0.1 OR *:*', '\\', '"', 'NOT', '[* TO *]', '((((((((((']) {
      const result = await services.api.search({ text });
      expect(result.ok).toBe(true);
    }
    const orlov = await find('Orlov) OR (');
    expect(summary(orlov)[0]?.hits.map((h) => h.label)).toEqual(['Andrei Orlov']);
    const long = await search(services.db, { text: 'Orlov '.repeat(2_000), kinds: [], limit: 50 });
    expect(long.readAs[0]).toBe('only the first 200 characters were read');
    expect(long.groups[0]?.hits.map((h) => h.node.label)).toEqual(['Andrei Orlov']);
  });

  it('searches only the kinds asked for, and answers at most the limit with the totals found', async () => {
    const onlyCases = await find('07700 900123', { kinds: ['case'] });
    expect(onlyCases.groups).toEqual([]);
    expect(onlyCases.readAs).toContain('only case');
    const one = await find('Bondarenko', { limit: 1 });
    expect(summary(one).map((g) => [g.kind, g.total, g.hits.length])).toEqual([['person', 2, 1]]);
  });

  it('lists equal scores in one order, search after search', async () => {
    const a = await find('Bondarenko');
    const b = await find('Bondarenko');
    expect(a).toEqual(b);
  });

  it('finds a person confirmed the same across agencies once, with both agencies', async () => {
    const [pair] = await seedPairs(services.db, [{ a: 'Олександр Бондаренко', b: 'Oleksandr Bondarenko', score: 0.9 }]);
    if (!pair) throw new Error('no pair seeded');
    await decideMatch(services.db, { ...pair, status: 'confirmed' });
    const persons = group(await find('Bondarenko'), 'person');
    expect(persons).toEqual({
      kind: 'person',
      total: 1,
      hits: [
        {
          id: `person:${encodeURIComponent(pair.a)}`,
          label: expect.any(String),
          agencies: ['CITY-POL', 'RO-POL'],
          records: 2,
          matched: expect.stringMatching(/^name "/),
        },
      ],
    });
  });

  it('records each search in the audit trail, without its hits', async () => {
    await find('Maria Ionescu', { kinds: ['person'] });
    const [event] = await listEvents(services.db, { kind: 'search', limit: 1 });
    expect(event).toMatchObject({
      kind: 'search',
      action: 'search',
      outcome: 'success',
      details: { text: 'Maria Ionescu', kinds: 'person', hits: 1 },
    });
    expect(JSON.stringify(event)).not.toContain('Berners');
  });

  it('finds a name whose letters an export lost ("B?IE?U") by the name as it is spelt, and says so', async () => {
    for (const typed of ['Costel Băieșu', 'costel baiesu']) {
      const result = await find(typed, { kinds: ['person'] });
      expect(group(result, 'person')?.hits.map((h) => [h.label, h.matched])).toEqual([
        ['COSTEL B?IE?U', `name "COSTEL B?IE?U" (letters lost in the file's encoding)`],
      ]);
      expect(result.readAs).toContain(
        "as a name one letter apart, or with letters lost in a file's encoding (too few as typed)",
      );
    }
    // Not any six letters: the letters that are there must be where they are.
    expect(group(await find('Costel Bairdu', { kinds: ['person'] }), 'person')).toBeUndefined();
  });

  it('finds a name with lost letters that an older Caselink stored without them, once its schema is applied', async () => {
    const costel = async () => group(await find('Costel Baiesu', { kinds: ['person'] }), 'person')?.hits ?? [];
    const [hit] = await costel();
    const id = decodeURIComponent(hit?.id.slice('person:'.length) ?? '');
    // As an import before schema version 8 left it: the name's words split at each lost letter.
    await services.db.write('search/set-search-names', { parties: [{ id, searchName: 'costel b ie u' }] });
    await services.db.write('db/record-schema-version', { version: 7, appliedAt: new Date().toISOString() });
    expect(await costel()).toEqual([]);
    await applySchema(services.db);
    expect((await costel()).map((h) => h.label)).toEqual(['COSTEL B?IE?U']);
  });

  it('finds by name the parties a graph held before search stored Latin names, once its schema is applied', async () => {
    const orlov = async () => group(await find('Orlov', { kinds: ['person'] }), 'person')?.hits ?? [];
    const [hit] = await orlov();
    const id = decodeURIComponent(hit?.id.slice('person:'.length) ?? '');
    // As an import before schema version 6 left it: no searchable name, and that version recorded.
    await services.db.write('search/set-search-names', { parties: [{ id, searchName: null }] });
    await services.db.write('db/record-schema-version', { version: 5, appliedAt: new Date().toISOString() });
    expect(await orlov()).toEqual([]);
    await applySchema(services.db);
    expect((await orlov()).map((h) => h.label)).toEqual(['Andrei Orlov']);
  });
});
