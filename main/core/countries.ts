/**
 * Countries as agencies write them — "RO", "ROU", "Romania", "România", "Rumanía", "Romanian",
 * "ROMÂNĂ" — to ISO 3166-1 alpha-2, with i18n-iso-countries for codes and names.
 */
// The package's core without its Node entry, which would load every language it has.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import ro from 'i18n-iso-countries/langs/ro.json';
import { fold } from './text';

countries.registerLocale(en);
countries.registerLocale(ro);
countries.registerLocale(es);

/** Nationality words (demonyms) of the countries the agencies' files mention most. */
const DEMONYMS: Record<string, string> = {
  ROMANIAN: 'RO',
  ROMANA: 'RO',
  ROMAN: 'RO',
  RUMANO: 'RO',
  RUMANA: 'RO',
  MOLDOVAN: 'MD',
  MOLDOVEAN: 'MD',
  MOLDOVEANA: 'MD',
  MOLDAVO: 'MD',
  UKRAINIAN: 'UA',
  UCRAINEAN: 'UA',
  UCRAINEANA: 'UA',
  UCRANIANO: 'UA',
  BRITISH: 'GB',
  'BRITISH CITIZEN': 'GB',
  UK: 'GB',
  ENGLISH: 'GB',
  BRITANIC: 'GB',
  BRITANICO: 'GB',
  ALBANIAN: 'AL',
  ALBANEZ: 'AL',
  ALBANES: 'AL',
  VIETNAMESE: 'VN',
  VIETNAMEZ: 'VN',
  VIETNAMITA: 'VN',
  SPANISH: 'ES',
  SPANIOL: 'ES',
  ESPANOL: 'ES',
  BULGARIAN: 'BG',
  BULGAR: 'BG',
  POLISH: 'PL',
  POLONEZ: 'PL',
  NIGERIAN: 'NG',
  INDIAN: 'IN',
  ERITREAN: 'ER',
  SUDANESE: 'SD',
  AFGHAN: 'AF',
  IRANIAN: 'IR',
  IRAQI: 'IQ',
  SYRIAN: 'SY',
  CHINESE: 'CN',
  LITHUANIAN: 'LT',
  LATVIAN: 'LV',
  SLOVAK: 'SK',
  CZECH: 'CZ',
  HUNGARIAN: 'HU',
  PORTUGUESE: 'PT',
  ITALIAN: 'IT',
  FRENCH: 'FR',
  GERMAN: 'DE',
  TURKISH: 'TR',
  PAKISTANI: 'PK',
  FILIPINO: 'PH',
};

/** The alpha-2 code of a country or nationality as written, or null when it is not one. */
export function countryCode(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  const upper = fold(trimmed)
    .toUpperCase()
    .replace(/[^A-Z ]/g, '')
    .trim();
  if (/^[A-Z]{2}$/.test(upper)) return upper === 'UK' ? 'GB' : countries.isValid(upper) ? upper : null;
  if (/^[A-Z]{3}$/.test(upper)) return countries.alpha3ToAlpha2(upper) ?? null;
  if (DEMONYMS[upper]) return DEMONYMS[upper] as string;
  for (const lang of ['en', 'ro', 'es']) {
    const found =
      countries.getAlpha2Code(trimmed, lang) ??
      countries.getAlpha2Code(
        trimmed.toLowerCase().replace(/^\p{L}/u, (c) => c.toUpperCase()),
        lang,
      );
    if (found) return found;
  }
  return null;
}
