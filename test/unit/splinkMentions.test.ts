import { describe, expect, it } from 'vitest';
import { splinkRow, splitName } from '../../bench/peers/splinkMentions';

const row = (cells: Record<string, unknown>) => splinkRow((key) => cells[key]);

describe("Splink's input in bench:resolve", () => {
  it('splits a full name on the family name written in capitals, whichever comes first', () => {
    expect(splitName('OKAFOR Funmilayo')).toEqual({ family: 'OKAFOR', given: 'Funmilayo' });
    expect(splitName('Van Nam PHAM')).toEqual({ family: 'PHAM', given: 'Van Nam' });
    expect(splitName('Popescu, Ion')).toEqual({ family: 'Popescu', given: 'Ion' });
    expect(splitName('Marius Marin')).toEqual({ family: 'Marin', given: 'Marius' });
    expect(splitName('CHLOE EVANS')).toEqual({ family: 'EVANS', given: 'CHLOE' });
  });

  it('writes names in Latin letters without diacritics, the transliteration first', () => {
    expect(row({ id: 'a', givenName: 'Ștefan', familyName: 'NEAGU' })).toMatchObject({
      given: 'stefan',
      family: 'neagu',
    });
    expect(row({ id: 'b', name: 'Думитру Лунгу', nameLatin: 'Dumitru LUNGU' })).toMatchObject({
      given: 'dumitru',
      family: 'lungu',
    });
    expect(row({ id: 'c', name: "O'BRIEN Jessica" })).toMatchObject({ given: 'jessica', family: 'o brien' });
  });

  it('reads a nationality as its country code and a gender as its first letter', () => {
    for (const nationality of ['BRITISH', 'UK', 'GBR'])
      expect(row({ id: 'd', name: 'Amy GREEN', nationality }).nationality).toBe('GB');
    expect(row({ id: 'e', name: 'Amy GREEN', gender: 'Female' }).gender).toBe('f');
    expect(row({ id: 'f', name: 'Amy GREEN', gender: '' }).gender).toBeNull();
  });

  it("keeps the record's case, address and vehicle as the graph holds them", () => {
    expect(
      row({ id: 'g', name: 'Amy GREEN', caseKey: 'CITY-POL|C-1', address: 'gb|1 high st', vehicle: 'AB12CDE' }),
    ).toMatchObject({ caseKey: 'CITY-POL|C-1', address: 'gb|1 high st', vehicle: 'AB12CDE' });
  });
});
