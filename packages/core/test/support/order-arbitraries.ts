import fc from 'fast-check';

// Random orders for the pricing and tax properties: lines of three tiers and a promo rule.

/** One line of tier a, b or c with up to `maxQuantity` seats at up to 10,000.00. */
export const priceLine = (maxQuantity: number) =>
  fc.record({
    ticketTypeId: fc.constantFrom('a', 'b', 'c'),
    quantity: fc.integer({ min: 1, max: maxQuantity }),
    unitPrice: fc.integer({ min: 0, max: 1_000_000 }),
  });

/** No promo, a percent off, or a fixed amount off each ticket; for every tier or some. */
export const discountRule = fc.oneof(
  fc.constant(null),
  fc.record({
    kind: fc.constant('percent' as const),
    value: fc.integer({ min: 1, max: 100 }),
    ticketTypeIds: fc.option(fc.subarray(['a', 'b', 'c']), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('fixed' as const),
    value: fc.integer({ min: 1, max: 2_000_000 }),
    ticketTypeIds: fc.option(fc.subarray(['a', 'b', 'c']), { nil: null }),
  }),
);
