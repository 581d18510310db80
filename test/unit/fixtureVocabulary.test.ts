import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type FixtureSummary, generateFixtures } from '../../scripts/fixtures/generate';
import { VOCABULARIES, type Vocabulary, vocabularyTerms } from '../../scripts/fixtures/vocabulary';

/** Case and accents folded, as a matcher would compare names: "Ștefan" → "stefan", "Đặng" → "dang". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/[łŁ]/g, 'l').toLowerCase();
}

// Particles of street and place names, not names of anything on their own.
const PARTICLES = new Set(['de', 'del', 'la', 'cel', 'upon', 'on']);

/** Words of letters only: "1LE" of a postcode or "A2" of a block number is no word. */
function words(s: string): string[] {
  return fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !/\p{N}/u.test(w) && !PARTICLES.has(w));
}

type Kind = 'given' | 'family' | 'nicknames' | 'streets' | 'towns';
const KINDS: Kind[] = ['given', 'family', 'nicknames', 'streets', 'towns'];

function folded(v: Vocabulary): Record<Kind, Set<string>> {
  const t = vocabularyTerms(v);
  return Object.fromEntries(KINDS.map((k) => [k, new Set([...t[k]].map(fold))])) as Record<Kind, Set<string>>;
}

function wordsOf(v: Vocabulary, kinds: Kind[]): Set<string> {
  const t = vocabularyTerms(v);
  return new Set(kinds.flatMap((k) => [...t[k]].flatMap(words)));
}

const dev = VOCABULARIES.dev;
const heldout = VOCABULARIES.heldout;

describe('the held-out fixture vocabulary', () => {
  it('shares no given name, family name, familiar form, street or town with the development one', () => {
    const a = folded(dev);
    const b = folded(heldout);
    for (const k of KINDS) {
      expect(b[k].size, k).toBeGreaterThan(5);
      const all = new Set(KINDS.flatMap((j) => [...a[j]]));
      expect(
        [...b[k]].filter((x) => all.has(x)),
        k,
      ).toEqual([]);
    }
    // Nor a word of one: no "Văn", "Ana" of "Ana-Maria", "Maria" of "Martínez", "Park" of a street.
    const devWords = wordsOf(dev, KINDS);
    expect([...wordsOf(heldout, KINDS)].filter((w) => devWords.has(w))).toEqual([]);
  });

  it('is as large as the development one, list by list, and spells every Moldovan and Ukrainian name in Cyrillic', () => {
    for (const [nat, pool] of Object.entries(dev.names)) {
      const other = heldout.names[nat as keyof typeof heldout.names];
      expect([other.male.length, other.female.length, other.family.length], nat).toEqual([
        pool.male.length,
        pool.female.length,
        pool.family.length,
      ]);
    }
    for (const k of [
      'gbTowns',
      'gbStreetNames',
      'roCities',
      'roStreets',
      'mdCities',
      'esCities',
      'esStreets',
      'ports',
    ] as const) {
      expect(heldout[k].length, k).toBe(dev[k].length);
    }
    const c = heldout.cast;
    const cyrillic = [
      ...['MD', 'UA'].flatMap((n) => {
        const p = heldout.names[n as 'MD' | 'UA'];
        return [...p.male, ...p.female, ...p.family];
      }),
      ...[c.n2.ctrl, c.n2.partner, ...c.n2.victims.slice(0, 3)].flat(),
    ];
    expect(cyrillic.filter((n) => !/^\p{Script=Cyrillic}+$/u.test(heldout.cyrillic[n] ?? ''))).toEqual([]);
    // The cast's nicknamed people have a familiar form.
    for (const [given] of [c.n1.ctrl, c.n1.rec, c.n2.ctrl, c.n2.partner, c.n3.ctrl, c.n4.boss, c.n5.head]) {
      expect(heldout.nicknames[given], given).toBeTruthy();
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

function readBook(dir: string, path: string): XLSX.WorkBook {
  const data = readFileSync(join(dir, path));
  if (!path.endsWith('.csv')) return XLSX.read(data);
  const text = data[0] === 0xef ? data.subarray(3).toString('utf8') : new TextDecoder('windows-1252').decode(data);
  return XLSX.read(text, { type: 'string', raw: true });
}

function sheetRows(book: XLSX.WorkBook, name: string): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: false });
}

/** Every cell's text in a set's spreadsheets (all sheets, title rows too). */
function cellTexts(dir: string): string[] {
  const out: string[] = [];
  for (const path of listFiles(dir).filter((p) => /\.(xlsx|ods|csv)$/.test(p))) {
    const book = readBook(dir, path);
    for (const name of book.SheetNames) {
      for (const row of sheetRows(book, name))
        for (const cell of row) if (cell !== undefined && cell !== null) out.push(String(cell));
    }
  }
  return out;
}

const NAME_OR_PLACE = /^(fullName|givenName|familyName|nameLatin|nameOriginal|alias|address.*|location)$/;

/** The cells of the columns a set's profiles map to a name, an address or a place. */
function nameAndPlaceCells(dir: string): string[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as {
    files: { path: string; profile: string; sheets: { name: string; headerRow: number }[] }[];
  };
  const out: string[] = [];
  for (const file of truth.files) {
    const profile = JSON.parse(readFileSync(join(dir, file.profile), 'utf8')) as {
      columns: { column: string; field: string }[];
    };
    const wanted = new Set(profile.columns.filter((c) => NAME_OR_PLACE.test(c.field)).map((c) => c.column));
    const book = readBook(dir, file.path);
    for (const sheet of file.sheets) {
      const rows = sheetRows(book, sheet.name);
      const header = (rows[sheet.headerRow - 1] ?? []).map(String);
      const columns = header.flatMap((h, i) => (wanted.has(h) ? [i] : []));
      expect(columns.length, `${file.path} [${sheet.name}]`).toBe(wanted.size);
      for (const row of rows.slice(sheet.headerRow))
        for (const i of columns) if (row[i] != null) out.push(String(row[i]));
    }
  }
  return out;
}

/**
 * Words the world itself writes whatever the vocabulary, which happen to be development names or
 * streets too: months ("9-Jan-2006"), nationalities ("Moldovan", "Viet Nam"), a Romanian word
 * ("nu mai"), the inspectors' teams ("North", "South East"), notes ("farm work", "Van seen",
 * "Employer / Business"), a handle ("the.real.x"). None of them may
 * be in a name or address column (checked separately, without this list).
 */
const WORLD_WORDS = new Set([
  'jan',
  'mar',
  'moldovan',
  'nam',
  'mai',
  'north',
  'south',
  'farm',
  'van',
  'business',
  'real',
]);

describe('a held-out fixture set', () => {
  let dir = '';
  let summary: FixtureSummary;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'caselink-heldout-'));
    summary = generateFixtures({ outDir: dir, rows: 1200, vocabulary: 'heldout' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written from its own seed, and says which vocabulary it is in', () => {
    expect(summary.seed).toBe(2);
    expect(summary.vocabulary).toBe('heldout');
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as {
      seed: number;
      vocabulary?: string;
      networks: { id: string }[];
    };
    expect(truth.seed).toBe(2);
    expect(truth.vocabulary).toBe('heldout');
    expect(truth.networks.map((n) => n.id)).toEqual(['N1', 'N2', 'N3', 'N4', 'N5']);
  });

  it('names no person, familiar form, street or town of the development vocabulary in any cell', () => {
    const devWords = wordsOf(dev, KINDS);
    const cells = cellTexts(dir);
    expect(cells.length).toBeGreaterThan(5000);
    const hits = new Map<string, string>();
    const hit = (cell: string, skip: Set<string>) => {
      for (const w of words(cell)) if (devWords.has(w) && !skip.has(w) && !hits.has(w)) hits.set(w, cell);
    };
    for (const cell of cells) hit(cell, WORLD_WORDS);
    const names = nameAndPlaceCells(dir);
    expect(names.length).toBeGreaterThan(1500);
    for (const cell of names) hit(cell, new Set());
    expect(Object.fromEntries(hits)).toEqual({});
    // ... while its own names are there, in Latin and Cyrillic script.
    const text = fold(cells.join('\n'));
    for (const name of ['Zamfir', 'Savchenko', 'Гуцу', 'Navarro', 'Forbes', 'Lică']) expect(text).toContain(fold(name));
  });

  it('has the same agencies, files, sheets and networks as a development set of its size', () => {
    const devDir = mkdtempSync(join(tmpdir(), 'caselink-dev-'));
    try {
      const devSummary = generateFixtures({ outDir: devDir, rows: 1200, seed: 2 });
      const shape = (s: FixtureSummary) =>
        s.files.map((f) => [f.path, f.agency, f.profile, f.sheets.map((x) => x.name)]);
      expect(shape(summary)).toEqual(shape(devSummary));
      expect(summary.networks).toBe(devSummary.networks);
      for (const p of listFiles(dir).filter((f) => f.startsWith('profiles/') || f === 'agencies.json')) {
        expect(readFileSync(join(dir, p), 'utf8'), p).toBe(readFileSync(join(devDir, p), 'utf8'));
      }
    } finally {
      rmSync(devDir, { recursive: true, force: true });
    }
  });
});
