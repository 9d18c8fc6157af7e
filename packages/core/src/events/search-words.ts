/**
 * The words of a text as event search indexes and matches them: lower-case, without accents
 * ("Zürich" → "zurich", "Café" → "cafe"), split on anything that is not a letter or a digit.
 * Event fields are folded into stored search columns (event-columns.ts) and the search box with
 * the same function, so both sides always agree; it runs in the application, not in SQL, so
 * neither engine needs an extension (no `unaccent`) and both fold exactly alike.
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

function wordsOf(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLDABLE, (c) => FOLDS[c]!);
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/** The folded words of some fields, space-separated: what a stored search column holds. */
export function searchDocument(...texts: (string | null | undefined)[]): string {
  return texts.flatMap((t) => wordsOf(t ?? '')).join(' ');
}

/** The distinct folded words of a search, in order of first appearance. */
export function searchWords(text: string): string[] {
  return [...new Set(wordsOf(text))];
}
