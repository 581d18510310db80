import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isValidIBAN } from 'ibantools';
import { findNumbers, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { IDENTIFIER_FIELDS, type Profile, parseProfile } from '../../main/core/profile';
import { DEFAULT_ROWS, DEFAULT_SEED, generateFixtures } from '../../scripts/fixtures/generate';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

interface Place {
  file: string;
  sheet: string;
  row: number;
}
interface PersonMention extends Place {
  entity: string;
}
interface IdentMention extends Place {
  column: string;
  entity: string;
  columns?: string[];
}
interface GroundTruth {
  version: number;
  seed: number;
  files: {
    path: string;
    agency: string;
    profile: string;
    sheets: { name: string; headerRow: number; dataRows: number }[];
  }[];
  persons: { id: string; name: string; birthDate: string | null; mentions: PersonMention[] }[];
  organizations: { id: string; name: string; mentions: PersonMention[] }[];
  identifiers: { id: string; kind: string; canonical: string; hub: boolean; mentions: IdentMention[] }[];
  networks: {
    id: string;
    name: string;
    description: string;
    agencies: string[];
    persons: string[];
    identifiers: string[];
  }[];
  rejectedRows: (Place & { reason: string })[];
  warningRows: (Place & { column: string; reason: string })[];
  duplicateRows: (Place & { duplicateOf: number })[];
}
interface Manifest {
  version: number;
  agencies: { code: string; name: string; country: string }[];
  files: { path: string; agency: string; profile: string }[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as T;

/** A sheet as the user sees it: cell text by 1-based row and header text. */
class Sheet {
  private readonly index = new Map<string, number>();
  constructor(
    readonly ws: XLSX.WorkSheet,
    readonly headerRow: number,
  ) {
    const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
    for (let c = 0; c <= range.e.c; c++) {
      const h = ws[XLSX.utils.encode_cell({ r: headerRow - 1, c })] as XLSX.CellObject | undefined;
      if (h?.v !== undefined) this.index.set(String(h.v), c);
    }
  }
  get lastRow(): number {
    return XLSX.utils.decode_range(this.ws['!ref'] ?? 'A1').e.r + 1;
  }
  get headers(): string[] {
    return [...this.index.keys()];
  }
  value(row: number, column: string): string {
    const c = this.index.get(column);
    if (c === undefined) throw new Error(`no column "${column}"`);
    const cell = this.ws[XLSX.utils.encode_cell({ r: row - 1, c })] as XLSX.CellObject | undefined;
    return cell?.v === undefined || cell.v === null ? '' : String(cell.v);
  }
  row(row: number): string[] {
    return this.headers.map((h) => this.value(row, h));
  }
}

function readBook(dir: string, path: string): XLSX.WorkBook {
  const data = readFileSync(join(dir, path));
  if (!path.endsWith('.csv')) return XLSX.read(data);
  // Border Force exports Windows-1252; the large sets' other CSVs are UTF-8 with a BOM.
  const text = data[0] === 0xef ? data.subarray(3).toString('utf8') : new TextDecoder('windows-1252').decode(data);
  return XLSX.read(text, { type: 'string', raw: true });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

const FREE_TEXT = new Set(['freeText']);
/** A row with none of these (a reference, a name, an identifier) cannot be used at all. */
const USABLE = new Set<string>([
  'caseRef',
  'recordRef',
  'fullName',
  'givenName',
  'familyName',
  'nameLatin',
  'alias',
  ...IDENTIFIER_FIELDS,
]);

describe('the committed fixture set', () => {
  const manifest = readJson<Manifest>('agencies.json');
  const truth = readJson<GroundTruth>('ground-truth.json');
  const profiles = new Map<string, Profile>();
  const sheets = new Map<string, Sheet>();
  const sheetOf = (m: Place) => {
    const s = sheets.get(`${m.file}|${m.sheet}`);
    if (!s) throw new Error(`no sheet ${m.file} ${m.sheet}`);
    return s;
  };
  const profileOf = (m: Place) => {
    const f = truth.files.find((x) => x.path === m.file && x.sheets.some((s) => s.name === m.sheet));
    return profiles.get(f?.profile ?? '') as Profile;
  };

  beforeAll(() => {
    for (const f of manifest.files) profiles.set(f.profile, parseProfile(readJson(f.profile), f.profile));
    const books = new Map<string, XLSX.WorkBook>();
    for (const f of truth.files) {
      const book = books.get(f.path) ?? readBook(FIXTURES, f.path);
      books.set(f.path, book);
      for (const s of f.sheets) {
        const ws = book.Sheets[s.name];
        if (!ws) throw new Error(`${f.path} has no sheet ${s.name}`);
        sheets.set(`${f.path}|${s.name}`, new Sheet(ws, s.headerRow));
      }
    }
  });

  it('lists files that exist, with profiles that parse and name their sheets and columns', () => {
    expect(manifest.version).toBe(1);
    expect(manifest.agencies.length).toBeGreaterThanOrEqual(6);
    const codes = new Set(manifest.agencies.map((a) => a.code));
    expect(new Set(manifest.files.map((f) => f.agency))).toEqual(codes);
    for (const f of manifest.files) {
      expect(statSync(join(FIXTURES, f.path)).isFile(), f.path).toBe(true);
      expect(f.path.startsWith(f.agency.toLowerCase() + '/'), f.path).toBe(true);
      const profile = profiles.get(f.profile) as Profile;
      expect(profile.agency).toBe(f.agency);
      const entry = truth.files.find((x) => x.path === f.path && x.profile === f.profile);
      expect(entry, `${f.path} ${f.profile} in the ground truth`).toBeDefined();
      for (const s of entry?.sheets ?? []) {
        if (profile.sheets) expect(profile.sheets).toContain(s.name);
        const sheet = sheetOf({ file: f.path, sheet: s.name, row: 0 });
        for (const c of profile.columns) expect(sheet.headers, `${f.path} ${c.column}`).toContain(c.column);
        expect(sheet.lastRow - s.headerRow, `${f.path} ${s.name} data rows`).toBe(s.dataRows);
      }
    }
    // The CITY-POL workbook is read twice, once per sheet layout.
    expect(manifest.files.filter((f) => f.agency === 'CITY-POL').map((f) => f.profile)).toHaveLength(2);
    expect(truth.files.reduce((n, f) => n + f.sheets.reduce((m, s) => m + s.dataRows, 0), 0)).toBeGreaterThanOrEqual(
      2500,
    );
  });

  it('points every person and organisation mention at a row that names its entity', () => {
    for (const p of [...truth.persons, ...truth.organizations]) {
      expect(p.mentions.length, p.id).toBeGreaterThan(0);
      for (const m of p.mentions) {
        const profile = profileOf(m);
        expect(profile.entities[m.entity], `${p.id} ${m.entity}`).toBeDefined();
        const nameColumns = profile.columns.filter(
          (c) => c.entity === m.entity && ['fullName', 'givenName', 'familyName', 'nameLatin'].includes(c.field),
        );
        const names = nameColumns.map((c) => sheetOf(m).value(m.row, c.column)).filter(Boolean);
        expect(names.length, `${p.id} ${m.file} ${m.row}`).toBeGreaterThan(0);
      }
    }
  });

  it('points every identifier mention at a non-empty cell mapped to the right entity, holding that value', () => {
    const problems: string[] = [];
    for (const id of truth.identifiers) {
      expect(id.mentions.length, id.id).toBeGreaterThan(0);
      for (const m of id.mentions) {
        const sheet = sheetOf(m);
        const raw = sheet.value(m.row, m.column);
        const where = `${id.id} ${id.kind} ${m.file} ${m.sheet} row ${m.row} "${m.column}": ${JSON.stringify(raw)}`;
        if (!raw) problems.push(`empty: ${where}`);
        for (const c of m.columns ?? []) if (!sheet.value(m.row, c)) problems.push(`empty part ${c}: ${where}`);
        const mapping = profileOf(m).columns.find((c) => c.column === m.column);
        if (!mapping || mapping.entity !== m.entity) problems.push(`mapped to ${mapping?.entity}: ${where}`);
        if (
          !holds(
            id.kind,
            id.canonical,
            raw,
            mapping?.country ?? profileOf(m).country,
            FREE_TEXT.has(mapping?.field ?? ''),
            sheet,
            m,
          )
        ) {
          problems.push(`does not hold ${id.canonical}: ${where}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('plants at least five cross-agency networks, kept apart by hub identifiers', () => {
    const persons = new Map(truth.persons.map((p) => [p.id, p]));
    const idents = new Map(truth.identifiers.map((i) => [i.id, i]));
    const agencyOf = new Map(truth.files.map((f) => [f.path, f.agency]));
    expect(truth.networks.length).toBeGreaterThanOrEqual(5);
    for (const n of truth.networks) {
      const seen = new Set<string>();
      for (const id of n.persons)
        for (const m of persons.get(id)?.mentions ?? []) seen.add(agencyOf.get(m.file) ?? '?');
      for (const id of n.identifiers) {
        const ident = idents.get(id);
        expect(ident, `${n.id} ${id}`).toBeDefined();
        expect(ident?.hub).toBe(false);
        expect(ident?.mentions.length, `${n.id} ${id} links records`).toBeGreaterThan(1);
        for (const m of ident?.mentions ?? []) seen.add(agencyOf.get(m.file) ?? '?');
      }
      for (const id of n.persons) expect(persons.get(id), `${n.id} ${id}`).toBeDefined();
      expect(n.agencies.length, n.id).toBeGreaterThanOrEqual(2);
      expect([...seen].sort(), n.id).toEqual([...n.agencies].sort());
    }
    const hubs = truth.identifiers.filter((i) => i.hub);
    expect(hubs.length).toBeGreaterThanOrEqual(1);
    // A hub is mentioned by rows of several networks (and of background records).
    const rowsOf = (ids: string[]) =>
      new Set(
        ids
          .flatMap((id) => [...(persons.get(id)?.mentions ?? []), ...(idents.get(id)?.mentions ?? [])])
          .map((m) => `${m.file}|${m.sheet}|${m.row}`),
      );
    const networkRows = truth.networks.map((n) => rowsOf([...n.persons, ...n.identifiers]));
    for (const hub of hubs) {
      const touched = networkRows.filter((rows) => hub.mentions.some((m) => rows.has(`${m.file}|${m.sheet}|${m.row}`)));
      expect(touched.length, hub.canonical).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives one identifier per canonical value, and marks rejected, warning and duplicate rows that exist', () => {
    const keys = truth.identifiers.map((i) => `${i.kind} ${i.canonical}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(truth.rejectedRows.length).toBeGreaterThan(0);
    for (const r of truth.rejectedRows) {
      const profile = profileOf(r);
      const sheet = sheetOf(r);
      const usable = profile.columns.filter((c) => USABLE.has(c.field));
      expect(sheet.row(r.row).some(Boolean), `${r.file} ${r.row} is not blank`).toBe(true);
      for (const c of usable) expect(sheet.value(r.row, c.column), `${r.file} ${r.row} ${c.column}`).toBe('');
    }
    expect(truth.warningRows.length).toBeGreaterThan(0);
    expect(new Set(truth.warningRows.map((w) => w.reason))).toEqual(
      new Set([
        'impossible date',
        'not a phone number',
        'short code, not a subscriber number',
        'not a valid IBAN',
        'card number fails the Luhn check',
        'truncated wallet address',
        'too short for a phone number',
        'placeholder, not a name',
      ]),
    );
    for (const w of truth.warningRows)
      expect(sheetOf(w).value(w.row, w.column), `${w.file} ${w.row} ${w.column}`).not.toBe('');
    expect(truth.duplicateRows.length).toBeGreaterThan(0);
    for (const d of truth.duplicateRows) expect(sheetOf(d).row(d.row)).toEqual(sheetOf(d).row(d.duplicateOf));
    // Every sheet has a blank row, an exact duplicate and a row nobody can use.
    for (const f of truth.files) {
      for (const s of f.sheets) {
        const sheet = sheetOf({ file: f.path, sheet: s.name, row: 0 });
        const here = (p: Place) => p.file === f.path && p.sheet === s.name;
        const rows = Array.from({ length: s.dataRows }, (_, i) => s.headerRow + 1 + i);
        expect(
          rows.some((r) => sheet.row(r).every((v) => v === '')),
          `${f.path} ${s.name} blank row`,
        ).toBe(true);
        expect(truth.duplicateRows.some(here), `${f.path} ${s.name} duplicate`).toBe(true);
        expect(truth.rejectedRows.some(here), `${f.path} ${s.name} rejected`).toBe(true);
      }
    }
  });

  it('has the mess of real exports: Latin-1 text, title rows, numeric phones, date cells, several scripts', () => {
    const border = readFileSync(join(FIXTURES, 'border/encounters.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(border)).toThrow();
    expect(new TextDecoder('windows-1252').decode(border)).toContain('ÇELA');
    const labour = sheetOf({ file: 'labour/site-visits-q3.xlsx', sheet: 'Site visits', row: 0 });
    expect(labour.headerRow).toBe(4);
    expect(labour.ws['!merges']?.length).toBeGreaterThan(0);
    const ro = sheetOf({ file: 'ro-pol/persoane.xlsx', sheet: 'Persoane', row: 0 });
    const cyrillic = Array.from({ length: ro.lastRow - 1 }, (_, i) => ro.value(i + 2, 'Nume (chirilic)')).filter((v) =>
      /\p{Script=Cyrillic}/u.test(v),
    );
    expect(cyrillic.length).toBeGreaterThan(5);
    const persons = sheetOf({ file: 'city-pol/case-log.xlsx', sheet: 'Persons', row: 0 });
    const cells = Object.values(persons.ws).filter(
      (c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 't' in c,
    );
    expect(cells.some((c) => c.t === 'n' && /^\d\d\/\d\d\/\d{4}$/.test(c.w ?? ''))).toBe(true);
    expect(cells.some((c) => c.t === 'n' && Number(c.v) > 7_000_000_000 && Number(c.v) < 8_000_000_000)).toBe(true);
  });

  // Writing 3,200 rows takes a few seconds, more on a busy machine.
  it('is what the generator makes from its default seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselink-fixtures-'));
    try {
      generateFixtures({ outDir: dir, seed: DEFAULT_SEED, rows: DEFAULT_ROWS });
      const committed = listFiles(FIXTURES).filter((p) => !p.endsWith('README.md'));
      expect(listFiles(dir)).toEqual(committed);
      for (const p of committed)
        expect(readFileSync(join(dir, p)).equals(readFileSync(join(FIXTURES, p))), p).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the fixture generator', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes byte-identical files for the same seed, and other files for another seed', () => {
    const run = (seed: number) => {
      const dir = mkdtempSync(join(tmpdir(), 'caselink-fixtures-'));
      dirs.push(dir);
      const summary = generateFixtures({ outDir: dir, seed, rows: 900 });
      return { dir, summary };
    };
    const a = run(42);
    const b = run(42);
    const c = run(43);
    const files = listFiles(a.dir);
    expect(files).toEqual(listFiles(b.dir));
    expect(files.filter((f) => !f.startsWith('.'))).toEqual(files);
    for (const f of files) expect(readFileSync(join(a.dir, f)).equals(readFileSync(join(b.dir, f))), f).toBe(true);
    expect(readFileSync(join(a.dir, 'ground-truth.json')).equals(readFileSync(join(c.dir, 'ground-truth.json')))).toBe(
      false,
    );
    expect(a.summary.rows).toBeGreaterThanOrEqual(900);
    expect(a.summary.rows).toBeLessThan(1000);
    // The cells, as SheetJS reads them, are the same too.
    for (const f of files.filter((p) => /\.(xlsx|ods|csv)$/.test(p))) {
      const x = readBook(a.dir, f);
      const y = readBook(b.dir, f);
      expect(x.SheetNames).toEqual(y.SheetNames);
      for (const name of x.SheetNames) {
        expect(XLSX.utils.sheet_to_json(x.Sheets[name] as XLSX.WorkSheet, { header: 1 })).toEqual(
          XLSX.utils.sheet_to_json(y.Sheets[name] as XLSX.WorkSheet, { header: 1 }),
        );
      }
    }
    expect(relative(a.dir, a.summary.outDir)).toBe('');
  });
});

/** Whether a cell holds an identifier's value, the way an importer could read it. */
function holds(
  kind: string,
  canonical: string,
  raw: string,
  country: string,
  freeText: boolean,
  sheet: Sheet,
  m: IdentMention,
): boolean {
  const squash = (s: string) => s.toUpperCase().replace(/[\s.\-/]/g, '');
  switch (kind) {
    case 'phone': {
      if (!parsePhoneNumberFromString(canonical)?.isValid()) return false;
      // "011 40 ..." is a North American caller's international prefix.
      const text = raw.replace(/(^|[^\d+])011[ .-]+(?=[1-9])/g, '$1+');
      const found = freeText
        ? findNumbers(text, { defaultCountry: country as CountryCode, v2: true }).map((n) => n.number.number)
        : text
            .split(/[/;,\n]/)
            .map((part) => parsePhoneNumberFromString(part, country as CountryCode))
            .filter((p) => p?.isValid())
            .map((p) => p?.number);
      return found.includes(canonical);
    }
    case 'iban':
      return isValidIBAN(canonical) && squash(raw).includes(canonical);
    case 'email':
      return raw.toLowerCase().includes(canonical);
    case 'handle':
    case 'paymentApp':
      return raw.toLowerCase().includes(canonical.slice(canonical.indexOf(':') + 1));
    case 'card': {
      const digits = raw.replace(/[^0-9*Xx]/g, '').replace(/[Xx]/g, '*');
      return digits === canonical;
    }
    case 'crypto':
      return raw.toLowerCase().includes(canonical.toLowerCase());
    case 'document':
      // Romanian identity cards: "seria MZ nr. 592593".
      return squash(raw)
        .replace(/SERIA|NR/g, '')
        .includes(canonical.split(':')[2] ?? '?');
    case 'vehicle':
      return squash(raw) === canonical.split(':')[1];
    case 'bankAccount': {
      const [, sort, account] = canonical.split(':');
      return (
        Number(raw.replace(/\s/g, '')) === Number(account) &&
        sheet.value(m.row, 'Sort Code').replace(/\D/g, '').padStart(6, '0') === sort
      );
    }
    case 'address':
      return raw.length > 3;
    default:
      return false;
  }
}
