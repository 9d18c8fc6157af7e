import { describe, expect, it } from 'vitest';
import { MAX_WORD_LENGTH, searchDocument, searchWords } from '../src/events/search-words';

describe('search words', () => {
  it('folds case, accents and letters without marks, and splits on anything but letters and digits', () => {
    expect(searchWords('Café ZÜRICH, Straße 12-b!')).toEqual(['cafe', 'zurich', 'strasse', '12', 'b']);
    expect(searchWords('Ølfestival i Århus – Łódź')).toEqual(['olfestival', 'i', 'arhus', 'lodz']);
    expect(searchWords('ﬁnal naïve coöperation')).toEqual(['final', 'naive', 'cooperation']);
    // Decomposed input (e + combining acute) reads like the composed one.
    expect(searchWords('Cafe\u0301')).toEqual(searchWords('Caf\u00e9'));
  });

  it('keeps each word once, in order, and cuts very long ones', () => {
    expect(searchWords('jazz Jazz JAZZ night')).toEqual(['jazz', 'night']);
    expect(searchWords('%_\\ !!')).toEqual([]);
    expect(searchWords('x'.repeat(100))).toEqual(['x'.repeat(MAX_WORD_LENGTH)]);
  });

  it('turns fields into one stored document of folded words, repeats kept', () => {
    expect(searchDocument('Harbour Hall', null, 'Zürich', 'Hafenstraße 4')).toBe(
      'harbour hall zurich hafenstrasse 4',
    );
    expect(searchDocument('Jazz, jazz & more jazz')).toBe('jazz jazz more jazz');
    expect(searchDocument(undefined, '')).toBe('');
  });
});
