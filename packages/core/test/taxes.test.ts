import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountRule, priceLine } from './support/order-arbitraries';
import { checkBilling, type BillingInput } from '../src/invoicing/billing';
import { taxesByRate, taxLine, type RateTotal, type TaxMode } from '../src/invoicing/line-taxes';
import { taxOrder } from '../src/invoicing/order-taxes';
import { isReverseCharge } from '../src/invoicing/reverse-charge';
import { isPlausibleVatId, normalizeVatId } from '../src/invoicing/vat-id';
import { priceOrder } from '../src/orders/pricing';
import { ValidationError } from '../src/shared/errors';
import { splitAcrossSeats } from '../src/shared/seat-split';
import { taxRateFromPercent, taxRatePercent } from '../src/shared/tax-rate';

// Expected values are computed here with BigInt quotient and remainder, not with the helper
// under test, so a wrong rounding formula in line-taxes.ts cannot agree with itself.
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  const q = numerator / denominator;
  return Number(2n * (numerator % denominator) >= denominator ? q + 1n : q);
}
const expectedNetInclusive = (amount: number, rate: number) =>
  roundHalfUp(BigInt(amount) * 10_000n, 10_000n + BigInt(rate));
const expectedTaxExclusive = (amount: number, rate: number) =>
  roundHalfUp(BigInt(amount) * BigInt(rate), 10_000n);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const INCLUSIVE: TaxMode = { pricesIncludeTax: true, reverseCharge: false };
const EXCLUSIVE: TaxMode = { pricesIncludeTax: false, reverseCharge: false };

// Rates in basis points: the common ones, the edges, and anything in between.
const rate = fc.oneof(
  fc.constantFrom(0, 700, 750, 1900, 2000, 2500, 10_000),
  fc.integer({ min: 0, max: 10_000 }),
);
const amount = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1e12 }));
const mode = fc.record({ pricesIncludeTax: fc.boolean(), reverseCharge: fc.boolean() });

// Orders as checkout prices them: tiers a–c, discounts, then a rate per tier.
const orderLines = fc.array(priceLine(30), { minLength: 1, maxLength: 6 });
const ratesByTier = fc.record({ a: rate, b: rate, c: rate });
const taxedOrder = fc.tuple(orderLines, discountRule, ratesByTier, mode).map(([lines, rule, rates, m]) => {
  const priced = priceOrder(lines, rule);
  return { rates, mode: m, priced, order: taxOrder(priced.lines, (id) => rates[id as 'a' | 'b' | 'c'], m) };
});

describe('tax per line', () => {
  it('follows the documented rule on known values', () => {
    expect(taxLine(11_900, 1900, INCLUSIVE)).toEqual({ rate: 1900, net: 10_000, tax: 1900, gross: 11_900 });
    expect(taxLine(10_000, 1900, EXCLUSIVE)).toEqual({ rate: 1900, net: 10_000, tax: 1900, gross: 11_900 });
    expect(taxLine(5, 1000, EXCLUSIVE).tax).toBe(1); // 0.5 → 1
    expect(taxLine(1, 10_000, INCLUSIVE)).toMatchObject({ net: 1, tax: 0 }); // net 0.5 → 1
    expect(taxLine(3, 10_000, INCLUSIVE)).toMatchObject({ net: 2, tax: 1 }); // net 1.5 → 2
    // A trillion cents keeps every cent (checked with exact fractions).
    expect(taxLine(999_999_999_999, 1900, EXCLUSIVE).tax).toBe(190_000_000_000);
    expect(taxLine(1e12, 1900, INCLUSIVE)).toMatchObject({ net: 840_336_134_454, tax: 159_663_865_546 });
    expect(taxLine(999, 0, INCLUSIVE)).toEqual({ rate: 0, net: 999, tax: 0, gross: 999 });
    expect(taxLine(11_900, 1900, { pricesIncludeTax: true, reverseCharge: true })).toEqual({
      rate: 0,
      net: 10_000,
      tax: 0,
      gross: 10_000,
    });
  });

  it('property: net + tax = gross in integers, and tax is never negative', () => {
    fc.assert(
      fc.property(amount, rate, mode, (a, r, m) => {
        const line = taxLine(a, r, m);
        for (const v of [line.net, line.tax, line.gross]) expect(Number.isSafeInteger(v)).toBe(true);
        expect(line.net + line.tax).toBe(line.gross);
        expect(line.tax).toBeGreaterThanOrEqual(0);
        expect(line.tax).toBeLessThanOrEqual(line.gross);
      }),
    );
  });

  it('property: prices with tax included keep the amount as gross and round the net half up', () => {
    fc.assert(
      fc.property(amount, rate, (a, r) => {
        const line = taxLine(a, r, INCLUSIVE);
        expect(line.gross).toBe(a);
        expect(line.rate).toBe(r);
        expect(line.tax).toBe(a - expectedNetInclusive(a, r));
        if (r === 0) expect(line.tax).toBe(0);
      }),
    );
  });

  it('property: prices without tax keep the amount as net and round the tax half up', () => {
    fc.assert(
      fc.property(amount, rate, (a, r) => {
        const line = taxLine(a, r, EXCLUSIVE);
        expect(line.net).toBe(a);
        expect(line.rate).toBe(r);
        expect(line.tax).toBe(expectedTaxExclusive(a, r));
        if (r === 0) expect(line.tax).toBe(0);
        if (r === 10_000) expect(line.gross).toBe(2 * a);
      }),
    );
  });

  it('property: reverse charge charges no tax; the buyer pays the net', () => {
    fc.assert(
      fc.property(amount, rate, (a, r) => {
        const inclusive = taxLine(a, r, { pricesIncludeTax: true, reverseCharge: true });
        expect(inclusive).toEqual({
          rate: 0,
          net: expectedNetInclusive(a, r),
          tax: 0,
          gross: expectedNetInclusive(a, r),
        });
        expect(inclusive.gross).toBe(taxLine(a, r, INCLUSIVE).net);
        const exclusive = taxLine(a, r, { pricesIncludeTax: false, reverseCharge: true });
        expect(exclusive).toEqual({ rate: 0, net: a, tax: 0, gross: a });
      }),
    );
  });
});

describe('tax per rate', () => {
  it('property: rows are the lines summed per rate, lowest first, and add up to the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, rate, mode), { maxLength: 12 }), (specs) => {
        const lines = specs.map(([a, r, m]) => taxLine(a, r, m));
        const rows = taxesByRate(lines);
        expect(rows.map((row) => row.rate)).toEqual(
          [...new Set(lines.map((l) => l.rate))].sort((x, y) => x - y),
        );
        for (const row of rows) {
          const ofRate = lines.filter((l) => l.rate === row.rate);
          expect(row.net).toBe(sum(ofRate.map((l) => l.net)));
          expect(row.tax).toBe(sum(ofRate.map((l) => l.tax)));
        }
        expect(sum(rows.map((row) => row.net + row.tax))).toBe(sum(lines.map((l) => l.gross)));
      }),
    );
  });
});

describe('tax per order', () => {
  it('property: subtotal − discount = total = Σ line gross, and tax = Σ line tax', () => {
    fc.assert(
      fc.property(taxedOrder, ({ rates, mode: m, priced, order }) => {
        expect(order.subtotal - order.discount).toBe(order.total);
        expect(order.discount).toBe(priced.discount);
        expect(order.total).toBe(sum(order.lines.map((l) => l.gross)));
        expect(order.tax).toBe(sum(order.lines.map((l) => l.tax)));
        for (const [i, line] of order.lines.entries()) {
          const r = rates[line.ticketTypeId as 'a' | 'b' | 'c'];
          const expected = taxLine(priced.lines[i]!.total, r, m);
          expect(line).toMatchObject({
            ...priced.lines[i],
            taxRate: expected.rate,
            tax: expected.tax,
            gross: expected.gross,
          });
          expect(line.taxRate).toBe(m.reverseCharge ? 0 : r);
        }
        if (m.reverseCharge) expect(order.tax).toBe(0);
        else if (m.pricesIncludeTax) expect(order.total).toBe(priced.total);
        else expect(order.total).toBe(priced.total + order.tax);
      }),
    );
  });
});

describe('tax per seat and credit notes', () => {
  it('property: a seat never carries more tax than it cost, and seats add back to the line', () => {
    fc.assert(
      fc.property(amount, rate, mode, fc.integer({ min: 1, max: 200 }), (a, r, m, quantity) => {
        const line = taxLine(a, r, m);
        const prices = splitAcrossSeats(line.gross, quantity);
        const taxes = splitAcrossSeats(line.tax, quantity);
        expect(sum(prices)).toBe(line.gross);
        expect(sum(taxes)).toBe(line.tax);
        for (const [k, price] of prices.entries()) {
          expect(taxes[k]!).toBeGreaterThanOrEqual(0);
          expect(taxes[k]!).toBeLessThanOrEqual(price);
        }
      }),
    );
  });

  // The model of issue-tickets.ts and issue-credit-note.ts: each seat gets its share of the
  // line's gross and tax; a credit note takes back the shares of the refunded seats.
  it('property: refunds never take back more per rate than the invoice, and all seats take back all', () => {
    const withRefunds = taxedOrder.chain((t) => {
      const seatCount = sum(t.order.lines.map((l) => l.quantity));
      // Each seat is in one of up to three refunds (1–3), or kept (0).
      return fc.record({
        t: fc.constant(t),
        refundOf: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: seatCount, maxLength: seatCount }),
      });
    });
    fc.assert(
      fc.property(withRefunds, ({ t, refundOf }) => {
        const seats = t.order.lines.flatMap((line) => {
          const taxes = splitAcrossSeats(line.tax, line.quantity);
          return splitAcrossSeats(line.gross, line.quantity).map((gross, k) => ({
            rate: line.taxRate,
            gross,
            tax: taxes[k]!,
          }));
        });
        const asRows = (items: { rate: number; gross: number; tax: number }[]): RateTotal[] =>
          taxesByRate(items.map((i) => ({ rate: i.rate, net: i.gross - i.tax, tax: i.tax })));
        const invoice = asRows(t.order.lines.map((l) => ({ rate: l.taxRate, gross: l.gross, tax: l.tax })));
        const invoiceOf = (r: number) => invoice.find((row) => row.rate === r)!;

        const refunded = asRows(seats.filter((_, i) => refundOf[i]! > 0));
        for (const row of refunded) {
          expect(row.tax).toBeLessThanOrEqual(invoiceOf(row.rate).tax);
          expect(row.net + row.tax).toBeLessThanOrEqual(invoiceOf(row.rate).net + invoiceOf(row.rate).tax);
          expect(row.net).toBeLessThanOrEqual(invoiceOf(row.rate).net);
        }
        // The credit notes of separate refunds together are the refunded seats, to the cent.
        const notes = [1, 2, 3].map((n) => asRows(seats.filter((_, i) => refundOf[i] === n)));
        expect(taxesByRate(notes.flat())).toEqual(refunded);

        expect(asRows(seats)).toEqual(invoice);
      }),
    );
  });
});

describe('tax rates as percents', () => {
  const rejects = (percent: number) => {
    try {
      taxRateFromPercent(percent, 'taxRate');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).extra.errors?.[0]?.field).toBe('taxRate');
      return;
    }
    throw new Error(`${percent} was accepted`);
  };

  it('takes 0–100 with at most two decimals, as basis points', () => {
    expect([0, 7.5, 19, 100, 12.34].map((p) => taxRateFromPercent(p, 'taxRate'))).toEqual([
      0, 750, 1900, 10_000, 1234,
    ]);
    for (const p of [-1, 100.01, 7.555, Number.NaN, Number.POSITIVE_INFINITY]) rejects(p);
  });

  it('property: every basis point round-trips through its percent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        const percent = taxRatePercent(bp);
        expect(taxRateFromPercent(percent, 'taxRate')).toBe(bp);
        expect(taxRatePercent(taxRateFromPercent(percent, 'taxRate'))).toBe(percent);
      }),
    );
  });

  it('property: a third decimal is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 1, max: 9 }), (bp, digit) => {
        rejects((bp * 10 + digit) / 1000);
      }),
    );
  });
});

describe('VAT ids', () => {
  // Valid ids from jsvat's own test lists (se-panfilov/jsvat, test/countries_vat_lists).
  const valid: [string, string][] = [
    ['DE', 'DE136695976'],
    ['DE', 'DE111111125'],
    ['AT', 'ATU66889218'],
    ['AT', 'ATU12011204'],
    ['FR', 'FR40303265045'],
    ['FR', 'FR03552081317'],
    ['GR', 'EL094012834'],
    ['GR', 'EL998920231'],
    ['NL', 'NL001079293B01'],
    ['NL', 'NL123456789B13'],
  ];

  it('accepts valid ids of EU countries, with Greece as EL', () => {
    for (const [country, id] of valid) expect(isPlausibleVatId(id, country), id).toBe(true);
  });

  it('refuses a wrong check digit', () => {
    for (const [country, id] of [
      ['DE', 'DE136695977'],
      ['DE', 'DE111111126'],
      ['AT', 'ATU10223001'],
      ['FR', 'FR00300076967'],
      ['GR', 'EL000000022'],
      ['NL', 'NL010000445B01'],
      ['NL', 'NL123456789B14'],
    ])
      expect(isPlausibleVatId(id!, country!), id).toBe(false);
  });

  it("refuses an id of another country than the buyer's, and Greece's ISO code as prefix", () => {
    expect(isPlausibleVatId('DE136695976', 'AT')).toBe(false);
    expect(isPlausibleVatId('ATU66889218', 'DE')).toBe(false);
    expect(isPlausibleVatId('EL094012834', 'FR')).toBe(false);
    expect(isPlausibleVatId('GR094012834', 'GR')).toBe(false);
    expect(isPlausibleVatId('136695976', 'DE')).toBe(false);
  });

  it('normalizes case, spaces, dots and dashes', () => {
    expect(normalizeVatId(' de 136.695-976 ')).toBe('DE136695976');
    expect(isPlausibleVatId('de 136 695 976', 'DE')).toBe(true);
    expect(isPlausibleVatId('atu 6688 9218', 'AT')).toBe(true);
    expect(isPlausibleVatId('nl001079293b01', 'NL')).toBe(true);
    expect(isPlausibleVatId('el-094.012.834', 'GR')).toBe(true);
  });

  it('takes ids of non-EU countries as given if they are letters and digits', () => {
    expect(isPlausibleVatId('CHE-123.456.788', 'CH')).toBe(true);
    expect(isPlausibleVatId('gb123456789', 'GB')).toBe(true);
    expect(isPlausibleVatId('NO 123456789 MVA', 'NO')).toBe(true);
    expect(isPlausibleVatId('12#45', 'US')).toBe(false);
    expect(isPlausibleVatId('X', 'US')).toBe(false);
  });
});

describe('reverse charge', () => {
  const de = { country: 'DE', vatId: 'DE136695976' };
  const at = { country: 'AT', vatId: 'ATU66889218' };
  const gr = { country: 'GR', vatId: 'EL094012834' };

  it('applies between businesses with VAT ids in different member states', () => {
    expect(isReverseCharge(de, at)).toBe(true);
    expect(isReverseCharge(at, de)).toBe(true);
    expect(isReverseCharge(de, gr)).toBe(true);
  });

  it('does not apply in one country, without both ids, or outside the EU', () => {
    expect(isReverseCharge(de, { country: 'DE', vatId: 'DE111111125' })).toBe(false);
    expect(isReverseCharge(de, { country: 'AT', vatId: null })).toBe(false);
    expect(isReverseCharge({ country: 'DE', vatId: null }, at)).toBe(false);
    expect(isReverseCharge(null, at)).toBe(false);
    expect(isReverseCharge(de, null)).toBe(false);
    expect(isReverseCharge(de, { country: 'CH', vatId: 'CHE123456788' })).toBe(false);
    expect(isReverseCharge({ country: 'GB', vatId: 'GB123456789' }, de)).toBe(false);
  });

  it('property: true exactly when both have ids and are in different EU countries', () => {
    const eu = ['DE', 'AT', 'FR', 'GR', 'NL'];
    const party = fc.record({
      country: fc.constantFrom(...eu, 'CH', 'US', 'GB'),
      vatId: fc.option(fc.constant('X123'), { nil: null }),
    });
    fc.assert(
      fc.property(party, party, (seller, buyer) => {
        const expected =
          seller.vatId !== null &&
          buyer.vatId !== null &&
          eu.includes(seller.country) &&
          eu.includes(buyer.country) &&
          seller.country !== buyer.country;
        expect(isReverseCharge(seller, buyer)).toBe(expected);
      }),
    );
  });
});

describe('billing details at checkout', () => {
  const billing = (overrides: Partial<BillingInput> = {}): BillingInput => ({
    name: '  Ada Lovelace ',
    company: ' Analytical GmbH ',
    address: { line1: ' Hauptstr. 1 ', postalCode: ' 10115 ', city: ' Berlin ', country: ' de ' },
    vatId: ' de 136 695 976 ',
    ...overrides,
  });
  const fieldsOf = (fn: () => unknown): string[] => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return ((error as ValidationError).extra.errors ?? []).map((e) => e.field);
    }
    throw new Error('no ValidationError');
  };

  it('ignores billing details when the event issues no invoices', () => {
    expect(checkBilling(billing(), 'off')).toBeNull();
    expect(checkBilling(billing({ vatId: 'nonsense' }), 'off')).toBeNull();
    expect(checkBilling(null, 'off')).toBeNull();
  });

  it('requires them when the event says so, and lets them be left out when optional', () => {
    expect(fieldsOf(() => checkBilling(null, 'required'))).toEqual(['billing']);
    expect(fieldsOf(() => checkBilling(undefined, 'required'))).toEqual(['billing']);
    expect(checkBilling(undefined, 'optional')).toBeNull();
  });

  it("refuses a VAT id that is not valid for the address's country", () => {
    expect(fieldsOf(() => checkBilling(billing({ vatId: 'DE136695977' }), 'optional'))).toEqual([
      'billing.vatId',
    ]);
    expect(fieldsOf(() => checkBilling(billing({ vatId: 'ATU66889218' }), 'required'))).toEqual([
      'billing.vatId',
    ]);
  });

  it('trims and normalizes what it keeps', () => {
    expect(checkBilling(billing(), 'required')).toEqual({
      name: 'Ada Lovelace',
      company: 'Analytical GmbH',
      address: { line1: 'Hauptstr. 1', line2: null, postalCode: '10115', city: 'Berlin', country: 'DE' },
      vatId: 'DE136695976',
    });
    expect(checkBilling(billing({ company: '  ', vatId: '   ' }), 'optional')).toMatchObject({
      company: null,
      vatId: null,
    });
    expect(checkBilling(billing({ vatId: null, company: null }), 'optional')).toMatchObject({
      vatId: null,
      company: null,
    });
  });

  it('names blank fields', () => {
    expect(
      fieldsOf(() =>
        checkBilling(
          billing({ name: ' ', address: { line1: '', postalCode: '1', city: 'X', country: 'ZZ' } }),
          'required',
        ),
      ),
    ).toEqual(['billing.name', 'billing.address.line1', 'billing.address.country']);
  });
});
