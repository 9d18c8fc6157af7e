/**
 * The words of a text as event search indexes and matches them: lower-case, without accents
 * ("Zürich" → "zurich", "Café" → "cafe"), split on anything that is not a letter or a digit.
 * The same function reads event fields and the search box, so both sides always agree; it runs
 * in the application, not in SQL, so SQLite and PostgreSQL need no extension (no `unaccent`).
 */

// Letters that carry no combining mark in Unicode, so NFKD alone leaves them as they are.
const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/** Longest word kept; longer ones are cut (on both sides alike), which keeps index keys small. */
export const MAX_WORD_LENGTH = 40;

/** Lower-case, accent-free form of a text (compatibility forms too: "ﬁ" → "fi", "²" → "2"). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLDS[c]!);
}

/** The distinct words of a text, in order of first appearance. */
export function searchWords(text: string): string[] {
  const words = foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, MAX_WORD_LENGTH)))];
}
