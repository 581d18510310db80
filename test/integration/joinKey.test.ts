import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphElements } from '../../main/contract/api';
import { parseProfile, type ProfileInput } from '../../main/core/profile';
import { upsertAgency } from '../../main/services/agencyService';
import { importFile } from '../../main/services/import/importFile';
import { countOpenMatches, listMatches } from '../../main/services/matchService';
import { resolve } from '../../main/services/resolveService';
import { openTestServices, type TestServices } from '../support/services';
import { GRADING, writeWorkbook } from '../support/sheets';

/** A Persons sheet and a Contacts sheet of one workbook, sharing the agency's "Person ID". */
const PROFILE: ProfileInput = {
  version: 1,
  agency: 'CITY-POL',
  name: 'City police persons register',
  country: 'GB',
  dateOrder: 'DMY',
  grading: { ...GRADING },
  entities: { person: { kind: 'person', role: 'subject', joinKey: 'Person ID' } },
  columns: [
    { column: 'Surname', sheet: 'Persons', entity: 'person', field: 'familyName' },
    { column: 'Given name', sheet: 'Persons', entity: 'person', field: 'givenName' },
    { column: 'Date of birth', sheet: 'Persons', entity: 'person', field: 'birthDate' },
    { column: 'Passport no', sheet: 'Persons', entity: 'person', field: 'documentNumber', documentType: 'passport' },
    { column: 'Contact name', sheet: 'Contacts', entity: 'person', field: 'fullName' },
    { column: 'Phone', sheet: 'Contacts', entity: 'person', field: 'phone' },
    { column: 'E-mail', sheet: 'Contacts', entity: 'person', field: 'email' },
  ],
};

const PERSONS = [
  ['Person ID', 'Surname', 'Given name', 'Date of birth', 'Passport no'],
  ['P-17', 'POPESCU', 'Ion', '04/03/1991', '512345678'],
  ['P-18', 'IONESCU', 'Maria', '12/05/1998', '587654321'],
];
const CONTACTS = [
  ['Person ID', 'Contact name', 'Phone', 'E-mail'],
  ['P-17', 'Ion Popescu', '07700 900123', ''],
  ['P-17', 'Ion Popescu', '', 'ion.popescu@example.org'],
  ['P-18', 'Maria Ionescu', '07700 900456', ''],
];

/** The persons of the chart joined by confirmed same-person pairs, each with the identifiers its mentions used. */
function personsOnChart(chart: GraphElements) {
  const kind = new Map(chart.nodes.map((n) => [n.data.id, n.data]));
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const p = parent.get(id) ?? id;
    return p === id ? id : find(p);
  };
  for (const e of chart.edges)
    if (e.data.kind === 'SAME_AS' && e.data.properties.status === 'confirmed')
      parent.set(find(e.data.source), find(e.data.target));
  const persons = new Map<string, { mentions: string[]; identifiers: string[] }>();
  for (const n of chart.nodes) {
    if (n.data.kind !== 'Person') continue;
    const person = persons.get(find(n.data.id)) ?? { mentions: [], identifiers: [] };
    persons.set(find(n.data.id), person);
    person.mentions.push(`${String(n.data.properties.entity)} ${String(n.data.properties.joinKey)}`);
  }
  for (const e of chart.edges) {
    const target = kind.get(e.data.target);
    const person = persons.get(find(e.data.source));
    if (e.data.kind.startsWith('HAS_') && target && person) person.identifiers.push(`${target.kind} ${target.label}`);
  }
  return [...persons.values()]
    .map((p) => ({ mentions: p.mentions.length, identifiers: p.identifiers.sort() }))
    .sort((a, b) => b.mentions - a.mentions);
}

describe("a profile's join key between the sheets of one workbook", () => {
  let services: TestServices;
  let dir: string;
  const run = (path: string, fileName?: string) =>
    importFile(services.db, {
      path,
      ...(fileName ? { fileName } : {}),
      agency: 'CITY-POL',
      profile: parseProfile(PROFILE),
      profileSource: 'test',
      cardHash: (pan) => pan.slice(-4),
    });
  const chart = async () => {
    const answer = await services.api.getOverview({ limit: 1000 });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  const confirmed = async () =>
    (await listMatches(services.db, { statuses: ['confirmed'], minScore: 0 }))
      .map((p) => ({
        names: [p.a.name, p.b.name].sort().join(' ~ '),
        sheets: [p.a.sheet, p.b.sheet].sort().join(' ~ '),
        decidedBy: p.decidedBy,
        decidedAt: p.decidedAt,
        reasons: p.reasons,
      }))
      .sort((x, y) => (x.names + x.sheets < y.names + y.sheets ? -1 : 1));

  beforeAll(async () => {
    services = await openTestServices();
    dir = await mkdtemp(join(tmpdir(), 'caselink-join-'));
    await upsertAgency(services.db, { code: 'CITY-POL', name: 'City police', country: 'GB' });
  });
  afterAll(async () => {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports the two sheets of one person as one person with both sheets’ identifiers, nothing sent to review', async () => {
    const path = join(dir, 'persons.xlsx');
    await writeWorkbook(path, [
      { name: 'Persons', rows: PERSONS },
      { name: 'Contacts', rows: CONTACTS },
    ]);
    const summary = await run(path);
    expect([summary.rowsImported, summary.rowsRejected]).toEqual([5, 0]);

    expect(personsOnChart(await chart())).toEqual([
      {
        mentions: 3,
        identifiers: ['Document GB passport 512345678', 'Email ion.popescu@example.org', 'Phone +44 7700 900123'],
      },
      { mentions: 2, identifiers: ['Document GB passport 587654321', 'Phone +44 7700 900456'] },
    ]);
    const joined = (names: string, sheets: string, id: string) => ({
      names,
      sheets,
      decidedBy: 'profile',
      reasons: [`same person id "${id}" in CITY-POL's records: joined by its mapping profile`],
    });
    expect(
      (await confirmed()).map(({ names, sheets, decidedBy, reasons }) => ({ names, sheets, decidedBy, reasons })),
    ).toEqual([
      joined('Ion POPESCU ~ Ion Popescu', 'Contacts ~ Persons', 'P-17'),
      joined('Ion POPESCU ~ Ion Popescu', 'Contacts ~ Persons', 'P-17'),
      joined('Ion Popescu ~ Ion Popescu', 'Contacts ~ Contacts', 'P-17'),
      joined('Maria IONESCU ~ Maria Ionescu', 'Contacts ~ Persons', 'P-18'),
    ]);

    await resolve(services.db);
    expect(await countOpenMatches(services.db, 0)).toEqual({ open: 0, minScore: 0 });
    expect((await confirmed()).map((p) => p.decidedBy)).toEqual(['profile', 'profile', 'profile', 'profile']);
  });

  it('changes nothing when the workbook is imported again, and joins next month’s new row to the person it names', async () => {
    const before = await confirmed();
    const again = await run(join(dir, 'persons.xlsx'));
    expect(again.outcome).toBe('unchanged');
    // The same rows in another file (next month's export) are the same records: nothing new.
    const copy = join(dir, 'persons-copy.xlsx');
    await writeWorkbook(copy, [
      { name: 'Contacts', rows: CONTACTS },
      { name: 'Persons', rows: PERSONS },
    ]);
    const chartBefore = await chart();
    expect((await run(copy, 'persons-december.xlsx')).newRecords).toBe(0);
    expect(await confirmed()).toEqual(before);
    // Only the new file's provenance is new: its Source, and where it holds each record.
    const investigated = (c: GraphElements) => ({
      nodes: c.nodes.filter((n) => n.data.kind !== 'Source').length,
      edges: c.edges.filter((e) => !['HAS_ROW', 'SUPPLIED'].includes(e.data.kind)).length,
      persons: personsOnChart(c),
    });
    expect(investigated(await chart())).toEqual(investigated(chartBefore));

    const next = join(dir, 'persons-next.xlsx');
    await writeWorkbook(next, [
      { name: 'Persons', rows: PERSONS },
      { name: 'Contacts', rows: [...CONTACTS, ['P-18', 'Maria Ionescu', '', 'maria.i@example.org']] },
    ]);
    expect((await run(next, 'persons-january.xlsx')).newRecords).toBe(1);
    expect(personsOnChart(await chart())).toEqual([
      {
        mentions: 3,
        identifiers: ['Document GB passport 512345678', 'Email ion.popescu@example.org', 'Phone +44 7700 900123'],
      },
      {
        mentions: 3,
        identifiers: ['Document GB passport 587654321', 'Email maria.i@example.org', 'Phone +44 7700 900456'],
      },
    ]);
    await resolve(services.db);
    expect(await countOpenMatches(services.db, 0)).toEqual({ open: 0, minScore: 0 });
    const after = await confirmed();
    expect(after.length).toBe(6);
    // The pairs joined before keep their decision as it was.
    expect(after.filter((p) => before.some((b) => b.decidedAt === p.decidedAt && b.names === p.names))).toHaveLength(4);
  });

  it('refuses a join key on an organisation', () => {
    expect(() =>
      parseProfile({
        ...PROFILE,
        entities: { employer: { kind: 'organization', role: 'employer', joinKey: 'Company ID' } },
        columns: [{ column: 'Company', entity: 'employer', field: 'fullName' }],
      }),
    ).toThrow('entities.employer.joinKey: a join key is given only on a person, not on the organization "employer"');
  });
});
