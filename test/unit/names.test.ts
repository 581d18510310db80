import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignedTokens,
  familiarForms,
  jaroWinkler,
  nameKey,
  nameKeySimilarity,
  nameSimilarity,
  tokenSimilarity,
  toLatin,
} from '../../main/core/names';

describe('names for matching', () => {
  it('compare across case, diacritics, scripts and word order', () => {
    expect({
      latin: toLatin('Ștefănescu Ionuț'),
      cyrillic: toLatin('Йон Попеску'),
      key: nameKey('POPESCU, Ion'),
      sameKey: nameKey('ion popescu').comparable === nameKey('Popescu Ion').comparable,
      placeholders: nameKey('Mr Unknown').tokens,
    }).toEqual({
      latin: 'stefanescu ionut',
      cyrillic: 'yon popesku',
      key: {
        comparable: 'ion popescu',
        tokens: ['ion', 'popescu'],
        wholeTokens: ['ion', 'popescu'],
        phonetic: ['AN', 'PPSK'],
      },
      sameKey: true,
      placeholders: [],
    });
  });

  it('score transliterations and order changes as the same name, other names low', () => {
    expect(nameSimilarity('Vasile RUSU', 'Василе Русу')).toBe(1);
    expect(nameSimilarity('STANESCU Gheorghe', 'Gheorghe Stănescu')).toBe(1);
    expect(nameSimilarity('Ion Popescu', 'Ion Popesku')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Ion Popescu', 'Maria Ionescu')).toBeLessThan(0.8);
    // Relatives: one family name, other given names, however near they sound.
    expect(nameSimilarity('Adrian Constantin', 'Maria Constantin')).toBeLessThan(0.8);
    expect(nameSimilarity('Dwayne THMPSON', 'Dwayne Thompson')).toBeGreaterThan(0.9);
    expect(nameSimilarity('', 'Ion')).toBe(0);
  });

  it('keep name keys the same whatever the case, spacing, accents and order (property)', () => {
    const word = fc.stringMatching(/^[a-z]{2,10}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.boolean(), (words, upper) => {
        const written = [...words].reverse().join('  ');
        const variant = upper ? written.toUpperCase() : written.replace(/a/g, 'á').replace(/s/g, 'ș');
        expect(nameKey(variant).comparable).toBe(nameKey(words.join(' ')).comparable);
      }),
    );
  });

  it('give Jaro-Winkler similarities in [0, 1], 1 only for equal strings (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1.0000001);
        if (a === b && a.length) expect(s).toBe(1);
      }),
    );
  });
});

describe('handles written in free text', () => {
  it('reads profile links and platform-prefixed handles, and nothing from the link text itself', async () => {
    const { identifiersInText } = await import('../../main/core/rowMapper');
    const found = identifiersInText(
      'messages from tiktok.com/@jordanh33. Also on SC dman_eastside, IG account unknown',
      'GB',
    );
    expect(found.identifiers.map((i) => `${i.subkind}:${i.key}`).sort()).toEqual([
      'snapchat:dman_eastside',
      'tiktok:jordanh33',
    ]);
  });

  it('reads a number after a platform word as a phone, not as a handle', async () => {
    const { identifiersInText } = await import('../../main/core/rowMapper');
    const found = identifiersInText('WhatsApp 07524 118 903, or wa: 011 44 20 7946 0321', 'GB');
    expect(found.identifiers.map((i) => `${i.kind}:${i.key}`)).toEqual(['phone:+447524118903', 'phone:+442079460321']);
  });

  it('reads familiar forms of given names as the same name', () => {
    expect(nameSimilarity('Sasha Popescu', 'Aleksandr POPESCU')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Giuseppe Martínez Ruiz', 'JOSE MARTINEZ RUIZ')).toBeGreaterThan(0.9);
  });
});

describe('given names written in parts', () => {
  it('keep a hyphenated given name whole and in parts', () => {
    const full = 'Vasile-Cătălin Popa';
    expect({
      key: nameKey(full),
      sameAsSpaced: nameKey('Vasile Catalin POPA').comparable === nameKey(full).comparable,
    }).toEqual({
      key: {
        comparable: 'catalin popa vasile',
        tokens: ['catalin', 'popa', 'vasile'],
        wholeTokens: ['popa', 'vasilecatalin'],
        phonetic: ['FSL', 'KTLN', 'PP'],
      },
      sameAsSpaced: true,
    });
    const similar = Object.fromEntries(
      ['Vasile Popa', 'Catalin Popa', 'Vasile-Catalin Popa', 'Vasilecatalin Popa', 'POPA Vasile Cătălin'].map((n) => [
        n,
        nameSimilarity(full, n) >= 0.9,
      ]),
    );
    expect(similar).toEqual({
      'Vasile Popa': true,
      'Catalin Popa': true,
      'Vasile-Catalin Popa': true,
      'Vasilecatalin Popa': true,
      'POPA Vasile Cătălin': true,
    });
    expect(nameSimilarity(full, 'Vasile-Catalin Popa')).toBe(1);
    expect(nameSimilarity(full, 'Maria Popa')).toBeLessThan(0.8);
    expect(nameSimilarity('Ana-Maria Ionescu', 'Maria Ionescu')).toBeGreaterThan(0.9);
  });
});

describe('familiar forms from the published list', () => {
  it('pair English familiar forms and equivalents across languages, symmetrically', () => {
    const pairs: [string, string][] = [
      ['bill', 'william'],
      ['peggy', 'margaret'],
      ['sasha', 'alexander'],
      ['sasha', 'oleksandr'],
      ['aleksandr', 'alejandro'],
      ['gheorghe', 'george'],
      ['jorge', 'gheorghe'],
      ['mihai', 'mike'],
      ['giuseppe', 'jose'],
      ['stefan', 'esteban'],
      ['nikolai', 'nicolas'],
      ['elena', 'helen'],
      ['franciszek', 'francisco'],
    ];
    expect(pairs.filter(([a, b]) => !familiarForms(a, b) || !familiarForms(b, a))).toEqual([]);
  });

  it('do not pair different names, nor names the list does not know', () => {
    const pairs: [string, string][] = [
      ['william', 'robert'],
      ['maria', 'ion'],
      ['popescu', 'popesku'],
      ['zzyx', 'zzyx'],
    ];
    expect(pairs.filter(([a, b]) => familiarForms(a, b))).toEqual([]);
  });
});

describe('name similarity of kept keys', () => {
  /** Name similarity as defined, each word compared afresh (no similarity kept from before). */
  const defined = (a: string, b: string) => {
    const x = nameKey(a);
    const y = nameKey(b);
    const words = (s: string[], t: string[]) => alignedTokens(s, t, tokenSimilarity, 0.85);
    return Math.max(
      words(x.tokens, y.tokens),
      words(x.wholeTokens, y.tokens),
      words(x.tokens, y.wholeTokens),
      words(x.wholeTokens, y.wholeTokens),
    );
  };
  const written = [
    'Ion Popescu',
    'POPESCU, Ion',
    'Ioan Popesku',
    'Vasile-Cătălin Rusu',
    'Vasilecatalin Rusu',
    'Vasile Cătălin Rusu',
    'Łukasz Wójcik',
    '?ukasz Wojcik',
    'Sasha Ivanov',
    'Aleksandr Ivanov',
    'Maria',
    'Mariana Popa',
    'J. Smith',
    'John Smith',
    'Mr Unknown',
    '',
  ];

  it('is the similarity as defined, compared once or again, either way round', () => {
    fc.assert(
      fc.property(fc.constantFrom(...written), fc.constantFrom(...written), (a, b) => {
        const first = nameKeySimilarity(nameKey(a), nameKey(b));
        expect(first).toBe(defined(a, b));
        expect(nameKeySimilarity(nameKey(a), nameKey(b))).toBe(first);
        expect(nameSimilarity(a, b)).toBe(first);
      }),
      { numRuns: 400 },
    );
  });

  it('aligns names of more words than the usual, and forgets the words paired in the last', () => {
    const many = Array.from({ length: 24 }, (_, i) => `w${String.fromCharCode(97 + i)}`);
    expect(alignedTokens(many, many, (s, t) => (s === t ? 1 : 0))).toBe(1);
    expect(alignedTokens(['ion'], ['ion', 'pop'], (s, t) => (s === t ? 1 : 0))).toBeCloseTo(0.925, 10);
    expect(alignedTokens(['ion'], ['ion', 'pop'], (s, t) => (s === t ? 1 : 0))).toBeCloseTo(0.925, 10);
  });
});
