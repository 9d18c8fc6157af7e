/**
 * Money arithmetic for what the browser shows before the API has priced anything (a running
 * subtotal, a refund's amount). Amounts are in the currency's major unit, as the API sends them;
 * sums are taken in integer minor units so 0.1 + 0.2 never shows as 0.30000000000000004.
 */

/** Digits after the decimal point: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Adds `amount × quantity` terms exactly; the result is in major units again. */
export function sumMoney(terms: readonly { amount: number; quantity?: number }[], currency: string): number {
  const factor = 10 ** currencyDigits(currency);
  const minor = terms.reduce((sum, t) => sum + Math.round(t.amount * factor) * (t.quantity ?? 1), 0);
  return minor / factor;
}
