// The rounding rule, in one place (API.md "Invoices and taxes" refers here):
// tax is computed per order line (one ticket type of an order) on the line's amount after its
// discount, and rounded half up to the currency's minor unit once, on the line:
//   prices with tax included: net = round(amount × 100 / (100 + rate)), tax = amount − net
//   prices without tax:       tax = round(amount × rate / 100),         gross = amount + tax
// An invoice's tax per rate is the sum of its lines' tax; nothing is rounded again after that, so
// net + tax = gross holds to the cent for each line and for every sum of lines. Under EU reverse
// charge no tax is charged: the buyer pays the net amount (with tax-inclusive prices, the price
// less the tax it contains) and the line's rate is 0.
// Rates are basis points of a percent (shared/tax-rate.ts); arithmetic is on BigInt so a line of
// any size cannot lose precision.

export interface TaxMode {
  pricesIncludeTax: boolean;
  reverseCharge: boolean;
}

export interface LineTax {
  /** The rate applied, in basis points (0 under reverse charge). */
  rate: number;
  net: number;
  tax: number;
  gross: number;
}

const WHOLE = 10_000n; // 100 % in basis points

/** numerator / denominator rounded half up, for non-negative integers. */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** The tax in a price that includes it. */
function includedTax(gross: number, rate: number): number {
  return gross - roundHalfUp(BigInt(gross) * WHOLE, WHOLE + BigInt(rate));
}

/** Taxes one line: `amount` is the line after discount, as the tier prices are entered. */
export function taxLine(amount: number, rate: number, mode: TaxMode): LineTax {
  if (mode.reverseCharge) {
    const net = mode.pricesIncludeTax ? amount - includedTax(amount, rate) : amount;
    return { rate: 0, net, tax: 0, gross: net };
  }
  if (mode.pricesIncludeTax) {
    const tax = includedTax(amount, rate);
    return { rate, net: amount - tax, tax, gross: amount };
  }
  const tax = roundHalfUp(BigInt(amount) * BigInt(rate), WHOLE);
  return { rate, net: amount, tax, gross: amount + tax };
}

export interface RateTotal {
  /** Basis points. */
  rate: number;
  net: number;
  tax: number;
}

/** Lines summed per rate, lowest rate first: the tax table of an invoice or a report. */
export function taxesByRate(lines: readonly RateTotal[]): RateTotal[] {
  const byRate = new Map<number, RateTotal>();
  for (const line of lines) {
    const row = byRate.get(line.rate) ?? { rate: line.rate, net: 0, tax: 0 };
    row.net += line.net;
    row.tax += line.tax;
    byRate.set(line.rate, row);
  }
  return [...byRate.values()].sort((a, b) => a.rate - b.rate);
}
