import { describe, expect, it } from 'vitest';
import { currencyDigits } from '../src/shared/currency-digits';
import { toMajorUnits, toMinorUnits } from '../src/shared/money';

describe('currency digits', () => {
  it("match the runtime's ICU for every currency it knows (stored amounts are counted in them)", () => {
    const currencies = Intl.supportedValuesOf('currency');
    expect(currencies.length).toBeGreaterThan(100);
    const differing = currencies.filter(
      (currency) =>
        currencyDigits(currency) !==
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits,
    );
    expect(differing).toEqual([]);
  });

  it('scale amounts both ways by them', () => {
    expect(toMinorUnits(12.5, 'EUR', 'price')).toBe(1250);
    expect(toMinorUnits(1200, 'JPY', 'price')).toBe(1200);
    expect(toMinorUnits(1.234, 'KWD', 'price')).toBe(1234);
    expect(toMajorUnits(1250, 'EUR')).toBe(12.5);
    expect(toMajorUnits(1234, 'KWD')).toBe(1.234);
    expect(() => toMinorUnits(1.5, 'JPY', 'price')).toThrow(/at most 0 decimal places/);
  });
});
