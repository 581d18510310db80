import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryCode, isCountryName, trailingCountry } from '../../main/core/countries';

describe('countryCode', () => {
  it('reads countries in their common and official forms, in the agencies languages', () => {
    const written: Record<string, string> = {
      Moldova: 'MD',
      'Republic of Moldova': 'MD',
      'Republica Moldova': 'MD',
      'REPUBLICA MOLDOVA': 'MD',
      'Moldova, Republic of': 'MD',
      Moldawien: 'MD',
      Молдова: 'MD',
      'Viet Nam': 'VN',
      Vietnam: 'VN',
      "В'єтнам": 'VN',
      'Marea Britanie': 'GB',
      UK: 'GB',
      'Great Britain': 'GB',
      'United Kingdom': 'GB',
      England: 'GB',
      Großbritannien: 'GB',
      'Royaume-Uni': 'GB',
      'Wielka Brytania': 'GB',
      Великобритания: 'GB',
      România: 'RO',
      Rumänien: 'RO',
      Roemenië: 'RO',
      Румъния: 'RO',
      Bulgaria: 'BG',
      България: 'BG',
      Україна: 'UA',
      Albania: 'AL',
      Polska: 'PL',
      Portugal: 'PT',
      Italia: 'IT',
      Nederland: 'NL',
      Espagne: 'ES',
      ROU: 'RO',
      GBR: 'GB',
      ro: 'RO',
    };
    const read = Object.fromEntries(Object.keys(written).map((w) => [w, countryCode(w)]));
    expect(read).toEqual(written);
  });

  it('reads nationalities with their feminine and plural forms', () => {
    const written: Record<string, string> = {
      bulgară: 'BG',
      BULGARĂ: 'BG',
      albaneză: 'AL',
      moldoveancă: 'MD',
      moldoveni: 'MD',
      română: 'RO',
      'cetățean român': 'RO',
      ucraineană: 'UA',
      українка: 'UA',
      українець: 'UA',
      молдаванин: 'MD',
      молдаванка: 'MD',
      polka: 'PL',
      Polak: 'PL',
      Vietnamese: 'VN',
      Albanian: 'AL',
      Albanians: 'AL',
      'British citizen': 'GB',
      Britannique: 'GB',
      Ukrainienne: 'UA',
      Rumänin: 'RO',
      Bulgarische: 'BG',
      moldava: 'MD',
      rumana: 'RO',
      albanesa: 'AL',
      ucraina: 'UA',
      Roemeense: 'RO',
      búlgara: 'BG',
      romena: 'RO',
      румынка: 'RO',
      българка: 'BG',
      Wietnamka: 'VN',
      Vietnamienne: 'VN',
      érythréenne: 'ER',
      turque: 'TR',
      Moldavische: 'MD',
      Moldavian: 'MD',
    };
    const read = Object.fromEntries(Object.keys(written).map((w) => [w, countryCode(w)]));
    expect(read).toEqual(written);
  });

  it('answers null for what is no country, so that a caller treats it as missing', () => {
    for (const text of [
      '',
      '   ',
      'unknown',
      'Necunoscut',
      'N/A',
      'XX',
      'ZZZ',
      'see notes',
      'Popescu',
      'x'.repeat(500),
    ])
      expect(countryCode(text)).toBeNull();
  });
});

describe('trailingCountry', () => {
  it('finds a country named at the end of an address, in any of the languages', () => {
    expect(trailingCountry('12 High Street, Leeds LS1 4AB, Marea Britanie')?.code).toBe('GB');
    expect(trailingCountry('Strada Lunga 5, Chișinău, Republica Moldova')?.code).toBe('MD');
    expect(trailingCountry('Calle Mayor 3, Madrid, Spain')?.code).toBe('ES');
    expect(trailingCountry('ul. Długa 5, Kraków, Polska')?.code).toBe('PL');
    expect(trailingCountry('вул. Шевченка 3, Київ, Україна')?.code).toBe('UA');
  });

  it('does not take a nationality word or a short code in an address for a country', () => {
    expect(trailingCountry('12 Roman Road, Leeds LS1 4AB')).toBeNull();
    expect(trailingCountry('Strada Eminescu 5 bl A2')).toBeNull();
    expect(trailingCountry('Str. Bulgaria 5, bl A2')).toBeNull();
    expect(trailingCountry('Str. Bulgaria 5')).toBeNull();
  });
});

describe('reading any text as a country', () => {
  it('answers a valid alpha-2 code or null, for a country name or for a trailing one, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const code = countryCode(text);
        expect(code === null || /^[A-Z]{2}$/.test(code)).toBe(true);
        const trailing = trailingCountry(text);
        expect(trailing === null || (/^[A-Z]{2}$/.test(trailing.code) && trailing.at <= text.length)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("telling a country's name from a nationality", () => {
  it('says which of the written forms are names of countries', () => {
    for (const name of ['Saudi Arabia', 'Rumänien', 'Republic of Moldova', 'Viet Nam', 'România'])
      expect(isCountryName(name), name).toBe(true);
    for (const nationality of ['Romanian', 'rumänisch', 'bulgară', 'Filipina', 'RO', 'ROU', 'necunoscută'])
      expect(isCountryName(nationality), nationality).toBe(false);
  });
});
