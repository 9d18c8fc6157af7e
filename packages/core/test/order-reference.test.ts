import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newOrderReference, normalizeOrderReference } from '../src/orders/order-reference';

const FORMAT = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

describe('order references', () => {
  it('are short, unambiguous (no 0, O, 1, I or L) and practically never repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const reference = newOrderReference();
      expect(reference).toMatch(FORMAT);
      seen.add(reference);
    }
    expect(seen.size).toBe(20_000);
  });

  it('are found again as a person types them: any case, spaces, with or without the dash', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Array.from({ length: 50 }, newOrderReference)), (reference) => {
        const typed = ` ${reference.toLowerCase().replace('-', ' ')} `;
        expect(normalizeOrderReference(typed)).toBe(reference);
        expect(normalizeOrderReference(reference.replace('-', ''))).toBe(reference);
      }),
    );
    for (const wrong of ['', 'K7QX-4R9', 'K7QX-4R9MM', 'K7QX-4R0M', 'OOOO-1111', 'ab%_-cdef'])
      expect(normalizeOrderReference(wrong)).toBeNull();
  });
});
