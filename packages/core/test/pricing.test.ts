import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountRule, priceLine } from './support/order-arbitraries';
import { percentOf, priceOrder } from '../src/orders/pricing';
import { splitAcrossSeats } from '../src/shared/seat-split';

const line = priceLine(50);
const rule = discountRule;

describe('pricing', () => {
  it('rounds percent discounts half-up per line', () => {
    expect(percentOf(299, 25)).toBe(75); // 74.75 → 75
    expect(percentOf(1, 50)).toBe(1); // 0.5 → 1
    expect(percentOf(3, 10)).toBe(0); // 0.3 → 0
    const order = priceOrder(
      [
        { ticketTypeId: 'a', quantity: 1, unitPrice: 29900 },
        { ticketTypeId: 'b', quantity: 3, unitPrice: 333 },
      ],
      { kind: 'percent', value: 25, ticketTypeIds: null },
    );
    expect(order.lines.map((l) => l.discount)).toEqual([7475, 250]); // 249.75 → 250
    expect(order).toMatchObject({ subtotal: 30899, discount: 7725, total: 23174 });
  });

  it('takes a fixed amount off each eligible ticket, never below zero, only on listed tiers', () => {
    const order = priceOrder(
      [
        { ticketTypeId: 'a', quantity: 2, unitPrice: 500 },
        { ticketTypeId: 'b', quantity: 1, unitPrice: 5000 },
      ],
      { kind: 'fixed', value: 1000, ticketTypeIds: ['a'] },
    );
    expect(order.lines.map((l) => [l.discount, l.total])).toEqual([
      [1000, 0],
      [0, 5000],
    ]);
    expect(order.total).toBe(5000);
  });

  it('property: totals are integers, never negative, and add up', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), rule, (lines, r) => {
        const order = priceOrder(lines, r);
        expect(order.total).toBeGreaterThanOrEqual(0);
        expect(order.subtotal - order.discount).toBe(order.total);
        for (const l of order.lines) {
          expect(Number.isInteger(l.discount) && Number.isInteger(l.total)).toBe(true);
          expect(l.total).toBeGreaterThanOrEqual(0);
          expect(l.discount).toBeLessThanOrEqual(l.unitPrice * l.quantity);
        }
      }),
    );
  });

  it('property: percent rounding is within half a cent of the exact discount per line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        (amount, pct) => {
          const exact = (amount * pct) / 100;
          const rounded = percentOf(amount, pct);
          expect(Math.abs(rounded - exact)).toBeLessThanOrEqual(0.5);
          expect(rounded - exact === -0.5).toBe(false); // halves go up
        },
      ),
    );
  });

  it('property: seat prices split a line exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 100 }), (total, qty) => {
        const parts = splitAcrossSeats(total, qty);
        expect(parts).toHaveLength(qty);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
