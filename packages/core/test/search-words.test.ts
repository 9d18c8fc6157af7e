import { describe, expect, it } from 'vitest';
import { searchTermsOf } from '../src/events/search-index';
import { MAX_WORD_LENGTH, searchWords } from '../src/events/search-words';

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

  it('weighs a word by the best field it is in', () => {
    const terms = searchTermsOf({
      name: 'Harbor Jazz',
      description: 'jazz and harbor views by the water',
      venue_name: 'Water Hall',
      venue_address: 'Kai 1',
      venue_city: 'Hamburg',
    });
    expect(terms.get('jazz')).toBe(8);
    expect(terms.get('water')).toBe(4);
    expect(terms.get('hamburg')).toBe(4);
    expect(terms.get('kai')).toBe(2);
    expect(terms.get('views')).toBe(1);
  });
});
