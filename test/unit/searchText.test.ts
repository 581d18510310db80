import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  escapeLucene,
  MAX_SEARCH_CHARS,
  nameQueries,
  nameQuery,
  partySearchName,
  phraseQuery,
  readSearchText,
  wordsQuery,
} from '../../main/core/searchText';

/** What Lucene's classic query parser treats as syntax, outside a backslash escape. */
function unescapedSyntax(query: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < query.length; i++) {
    const c = query[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if ('+-!():^[]"{}~*?|&/'.includes(c)) found.push(c);
  }
  for (const w of query.match(/\b(AND|OR|NOT|TO)\b/g) ?? []) found.push(w);
  return found;
}

describe('escaping text for Lucene', () => {
  it('escapes every special character and writes operator words in lower case', () => {
    expect(escapeLucene('a AND (b OR "')).toBe('a and \\(b or \\"');
    expect(escapeLucene('+-&&||!(){}[]^"~*?:\\/')).toBe(
      '\\+\\-\\&\\&\\|\\|\\!\\(\\)\\{\\}\\[\\]\\^\\"\\~\\*\\?\\:\\\\\\/',
    );
    expect(escapeLucene('NOTE ANDREW ORLOV')).toBe('NOTE ANDREW ORLOV');
  });

  it('leaves no syntax unescaped in any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(unescapedSyntax(escapeLucene(text))).toEqual([]);
      }),
    );
  });

  it('runs in linear time on 100 KB of syntax', () => {
    const text = '(\\"AND~*'.repeat(12_500);
    const started = performance.now();
    const escaped = escapeLucene(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(unescapedSyntax(escaped.slice(0, 10_000))).toEqual([]);
  });
});

/** The clause that finds a word with letters lost to an export's encoding: "ivan" finds "iv_n". */
const lost = (word: string) => `/${[...word].map((c) => `[${c}_]`).join('')}/`;

describe('the Lucene queries search builds', () => {
  it('asks for every word of a name, exactly, with one typo (two in a long word) or as the start of a word', () => {
    expect(nameQuery(['oleksandr', 'ivan', 'bo'])).toBe(
      `+(oleksandr^4 OR oleksandr~2 OR ${lost('oleksandr')} OR oleksandr*^2) +(ivan^4 OR ivan~1 OR ${lost('ivan')} OR ivan*^2) +(bo^4 OR bo*^2)`,
    );
    expect(nameQuery([])).toBeNull();
  });

  it('widens a name in turn: as typed, one letter apart, then its two longest long words two letters apart', () => {
    expect(nameQueries(['oleksandr', 'ivan', 'bo'])).toEqual({
      exact: '+(oleksandr^4 OR oleksandr*^2) +(ivan^4 OR ivan*^2) +(bo^4 OR bo*^2)',
      near: `+(oleksandr^4 OR oleksandr~1 OR ${lost('oleksandr')} OR oleksandr*^2) +(ivan^4 OR ivan~1 OR ${lost('ivan')} OR ivan*^2) +(bo^4 OR bo*^2)`,
      far: `+(oleksandr^4 OR oleksandr~2 OR ${lost('oleksandr')} OR oleksandr*^2) +(ivan^4 OR ivan~1 OR ${lost('ivan')} OR ivan*^2) +(bo^4 OR bo*^2)`,
    });
    // Nothing to widen: no word of four letters; no word of eight.
    expect(nameQueries(['li', 'bo'])).toEqual({ exact: '+(li^4 OR li*^2) +(bo^4 OR bo*^2)', near: null, far: null });
    expect(nameQueries(['ivan', 'moroz'])?.far).toBeNull();
    // Two letters apart costs an automaton per word: the two longest only, the first of equals.
    expect(nameQueries(['konstantin', 'bondarenko', 'oleksandrivna', 'a'])?.far).toBe(
      `+(konstantin^4 OR konstantin~2 OR ${lost('konstantin')} OR konstantin*^2) +(bondarenko^4 OR bondarenko~1 OR ${lost('bondarenko')} OR bondarenko*^2) ` +
        `+(oleksandrivna^4 OR oleksandrivna~2 OR ${lost('oleksandrivna')} OR oleksandrivna*^2) +(a^4)`,
    );
    expect(nameQueries([])).toBeNull();
    expect(readSearchText('Oleksandr', []).nameQueries?.near).toBe(
      `+(oleksandr^4 OR oleksandr~1 OR ${lost('oleksandr')} OR oleksandr*^2)`,
    );
    expect(lost('baiesu')).toBe('/[b_][a_][i_][e_][s_][u_]/');
  });

  it('writes addresses as words in any order and case references as a phrase', () => {
    expect(wordsQuery(['12', 'high'])).toBe('+(12^2 OR 12*) +(high^2 OR high*)');
    expect(phraseQuery(['pol', '2024', '0113'])).toBe('"pol 2024 0113"');
  });
});

describe('reading a search text', () => {
  it('reads a Cyrillic name in Latin letters', () => {
    const plan = readSearchText('Олександр Бондаренко', ['GB', 'UA']);
    expect(plan.nameWords).toEqual(['oleksandr', 'bondarenko']);
    expect(plan.readAs).toContain('as a name, in Latin letters: oleksandr bondarenko');
    expect(plan.phones).toEqual([]);
  });

  it('reads a national phone number in each agency country, and its digits as part of a number', () => {
    const plan = readSearchText('07700 900123', ['GB', 'RO']);
    expect(plan.phones.map((p) => p.e164)).toEqual(['+447700900123']);
    expect(plan.phoneDigits).toBe('7700900123');
    expect(plan.readAs).toEqual([
      'as a phone: +447700900123 (GB)',
      'as part of a phone number: …7700900123…',
      'as a document number: 07700900123',
      'as a case reference: 07700 900123',
    ]);
  });

  it('reads a number pasted with the direction marks a messaging app copies along', () => {
    const plan = readSearchText('\u202a07700 900123\u202c', ['GB']);
    expect(plan.phones.map((p) => p.e164)).toEqual(['+447700900123']);
    expect(readSearchText('ion.marin\u200b@example.com', ['GB']).emails).toEqual(['ion.marin@example.com']);
  });

  it('reads an international number whatever the countries', () => {
    expect(readSearchText('+40 740 123 456', []).phones.map((p) => p.e164)).toEqual(['+40740123456']);
    // As call data write it, without its "+": found as the import stored it.
    expect(readSearchText('40740123456', ['GB']).phones.map((p) => p.e164)).toEqual(['+40740123456']);
  });

  it('reads an IBAN with spaces, an e-mail, a handle with @ and a plate with a space', () => {
    expect(readSearchText('GB82 WEST 1234 5698 7654 32', ['GB']).accountKeys).toEqual(['GB82WEST12345698765432']);
    expect(readSearchText('Ivan.Petrov@Mail.ru', ['GB']).emails).toEqual(['ivan.petrov@mail.ru']);
    expect(readSearchText('@Ion.Recruit', ['GB']).handles).toEqual(['ion.recruit']);
    expect(readSearchText('AB12 CDE', ['GB']).plate).toBe('AB12CDE');
  });

  it('reads an address as the import keys it, in each country', () => {
    const plan = readSearchText('12 High St, London SW1A 1AA', ['GB']);
    expect(plan.addressKeys).toEqual(['GB|SW1A1AA||12 high street']);
    expect(plan.readAs).toContain('as an address');
  });

  it('cuts a long text to the contract limit and says so', () => {
    const plan = readSearchText('x'.repeat(10_000), ['GB']);
    expect(plan.text).toHaveLength(MAX_SEARCH_CHARS);
    expect(plan.readAs[0]).toBe(`only the first ${MAX_SEARCH_CHARS} characters were read`);
  });

  it('never puts unescaped syntax in a query, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const plan = readSearchText(text, ['GB']);
        const tiers = plan.nameQueries;
        for (const q of [plan.names, tiers?.exact, tiers?.near, tiers?.far, plan.addresses]) {
          // The query's own operators (+, parentheses, ^, ~, *) only around escaped words, and
          // lost-letter patterns only of a letter or digit and the mark at each place.
          const words = (q ?? '').replace(/\/(\[[a-z0-9]_\])+\/|\+\(|\)|\^\d|~\d|\*\^2|\*| OR /g, ' ');
          expect(unescapedSyntax(words)).toEqual([]);
        }
        expect(unescapedSyntax((plan.cases ?? '').slice(1, -1))).toEqual([]);
      }),
    );
  });
});

describe('the searchable name stored on a party', () => {
  it('folds every name a party is written under to Latin letters, each word once', () => {
    expect(
      partySearchName({
        name: 'Олександр Бондаренко',
        givenName: 'Олександр',
        familyName: 'Бондаренко',
        nameLatin: 'Oleksandr Bondarenko',
        alias: 'Sasha',
      }),
    ).toBe('oleksandr bondarenko sasha');
    expect(partySearchName({ name: 'Ștefănescu' })).toBe('stefanescu');
    expect(partySearchName({ name: null })).toBeNull();
  });

  it('keeps a word whose letters an export lost whole, with a mark for each lost letter', () => {
    // Windows-1252 has no 'ă', 'ș' or 'Ł'; a wrong decoding leaves U+FFFD.
    expect(partySearchName({ name: 'COSTEL B?IE?U' })).toBe('costel b ie u b_ie_u');
    expect(partySearchName({ name: '?ukasz Nowak', alias: 'Ionu\uFFFD' })).toBe('ukasz nowak _ukasz ionu ionu_');
    // A question mark alone is no lost letter.
    expect(partySearchName({ name: 'Ion Pop ?' })).toBe('ion pop');
  });
});
