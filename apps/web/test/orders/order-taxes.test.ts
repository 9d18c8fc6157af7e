import type { Order } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import { selectionTaxNote } from '../../features/events/ticket-selection';
import { orderTaxLine } from '../../features/orders/order-taxes';
import { formatTaxRate, formatTaxRates, priceTaxNote } from '../../lib/tax-format';

type Item = Order['items'][number];

function item(overrides: Partial<Item>): Item {
  return {
    ticketTypeId: 't1',
    name: 'Regular',
    quantity: 2,
    unitPrice: 100,
    discount: 0,
    total: 200,
    taxRate: 0,
    tax: 0,
    ...overrides,
  };
}

/** An order as the API prices it (packages/core invoicing/order-taxes.ts). */
function order(items: Item[], extra: { discount?: number; reverseCharge?: boolean } = {}) {
  const discount = extra.discount ?? 0;
  const total = items.reduce((sum, i) => sum + i.total, 0);
  return {
    items,
    subtotal: Math.round((total + discount) * 100) / 100,
    tax: Math.round(items.reduce((sum, i) => sum + i.tax, 0) * 100) / 100,
    reverseCharge: extra.reverseCharge ?? false,
    currency: 'EUR',
  };
}

describe("an order summary's tax line", () => {
  it('says how much tax a tax-inclusive total contains', () => {
    // 2 × €119 at 19 %: €200 net + €38 tax.
    const taxed = order([item({ unitPrice: 119, total: 238, taxRate: 19, tax: 38 })]);
    expect(orderTaxLine(taxed)).toEqual({ kind: 'included', label: 'incl. 19 % VAT', amount: 38 });
    // A 10 % promo: €214.20 charged, of which €34.20 tax; the lines still add up to the subtotal.
    const discounted = order(
      [item({ unitPrice: 119, discount: 23.8, total: 214.2, taxRate: 19, tax: 34.2 })],
      {
        discount: 23.8,
      },
    );
    expect(orderTaxLine(discounted)).toEqual({ kind: 'included', label: 'incl. 19 % VAT', amount: 34.2 });
  });

  it('adds the tax between the lines and the subtotal where prices exclude it', () => {
    const added = order([item({ unitPrice: 100, total: 238, taxRate: 19, tax: 38 })]);
    expect(orderTaxLine(added)).toEqual({ kind: 'added', label: '+ 19 % VAT', amount: 38 });
    // 10 % off €200 net: €180 + €34.20 tax; subtotal 234.20 = 200 lines + 34.20 tax.
    const discounted = order([item({ unitPrice: 100, discount: 20, total: 214.2, taxRate: 19, tax: 34.2 })], {
      discount: 20,
    });
    expect(orderTaxLine(discounted)).toEqual({ kind: 'added', label: '+ 19 % VAT', amount: 34.2 });
  });

  it('names every rate charged, and none that was not', () => {
    const mixed = order([
      item({ ticketTypeId: 'a', unitPrice: 107, quantity: 1, total: 107, taxRate: 7, tax: 7 }),
      item({ ticketTypeId: 'b', unitPrice: 119, quantity: 1, total: 119, taxRate: 19, tax: 19 }),
      item({ ticketTypeId: 'c', unitPrice: 10, quantity: 1, total: 10 }),
    ]);
    expect(orderTaxLine(mixed)).toMatchObject({
      kind: 'included',
      label: 'incl. 7 % and 19 % VAT',
      amount: 26,
    });
  });

  it('shows no tax line for an untaxed order, and the reverse charge for one without VAT', () => {
    expect(orderTaxLine(order([item({})]))).toEqual({ kind: 'none' });
    // Tax-inclusive €119 tickets to a business elsewhere in the EU: they pay the €100 net.
    const inclusive = order([item({ unitPrice: 119, total: 200 })], { reverseCharge: true });
    expect(orderTaxLine(inclusive)).toEqual({
      kind: 'reverse-charge',
      label: 'No VAT (reverse charge)',
      amount: -38,
    });
    const exclusive = order([item({ unitPrice: 100, total: 200 })], { reverseCharge: true });
    expect(orderTaxLine(exclusive)).toMatchObject({ kind: 'reverse-charge', amount: 0 });
  });
});

describe('tax rates in words', () => {
  it('writes percent with at most two decimals', () => {
    expect(formatTaxRate(19)).toBe('19 %');
    expect(formatTaxRate(7.5)).toBe('7.5 %');
    expect(formatTaxRate(5.55)).toBe('5.55 %');
    expect(formatTaxRates([19, 7, 19])).toBe('7 % and 19 %');
    expect(formatTaxRates([0, 7, 19])).toBe('0 %, 7 % and 19 %');
    expect(formatTaxRates([])).toBe('');
  });

  it('says whether a price includes its tax or has it added, and nothing when it is untaxed', () => {
    expect(priceTaxNote(19, true)).toBe('incl. 19 % VAT');
    expect(priceTaxNote(19, false)).toBe('+ 19 % VAT');
    expect(priceTaxNote(0, false)).toBe('');
  });

  it("notes the tax on the selector's running total only when a chosen tier is taxed", () => {
    const tiers = [
      { id: 'std', price: 50, taxRate: 19 },
      { id: 'free', price: 0, taxRate: 19 },
      { id: 'plain', price: 10, taxRate: 0 },
    ];
    expect(selectionTaxNote({ pricesIncludeTax: false }, tiers, { std: 2 })).toBe(' + VAT');
    expect(selectionTaxNote({ pricesIncludeTax: true }, tiers, { std: 1, plain: 1 })).toBe(' incl. VAT');
    expect(selectionTaxNote({ pricesIncludeTax: false }, tiers, { free: 1, plain: 3 })).toBe('');
  });
});
