/**
 * Small text helpers shared by the normalisers of every kind (countries, identifiers, headers),
 * kept apart so that none of those modules has to import another for them.
 */

/** Folds case and diacritics. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Characters that show nothing: direction marks, embeddings, overrides and isolates (U+061C,
 * U+200E–F, U+202A–E, U+2066–9), the zero-width space, word joiner and invisible operators
 * (U+200B, U+2060–4), a byte-order mark inside text (U+FEFF) and the soft hyphen (U+00AD). A
 * number or a name copied out of a messaging app or a web page brings them along
 * ("\u202A+44 7700 900123\u202C"): kept, two values that look the same are different keys and
 * never link, and an override shows a name backwards from how it is stored (Unicode TR 36,
 * bidirectional spoofing). The zero-width joiner and non-joiner stay: Persian, the Indic scripts
 * and emoji are written with them.
 */
const INVISIBLE = /[\u00AD\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The text without its invisible characters, and how many there were. */
export function withoutInvisible(text: string): { text: string; removed: number } {
  const removed = text.match(INVISIBLE)?.length ?? 0;
  return removed ? { text: text.replace(INVISIBLE, ''), removed } : { text, removed };
}
