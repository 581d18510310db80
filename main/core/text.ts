/**
 * Small text helpers shared by the normalisers of every kind (countries, identifiers, headers),
 * kept apart so that none of those modules has to import another for them.
 */

/** Folds case and diacritics. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
