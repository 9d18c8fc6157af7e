/** The smallest step of a currency for a number input: 0.01 for USD, 1 for JPY, 0.001 for KWD. */
export function currencyStep(currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`;
}
