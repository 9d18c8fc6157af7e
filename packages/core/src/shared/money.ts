import { currencyDigits } from './currency-digits';
import { ValidationError } from './errors';

// ISO 4217 codes come from the runtime's ICU data, not a hand-kept list (their digits: currency-digits.ts).
// Read on first use, not at import: ICU's tables are pages of node's binary that stay resident
// once touched, and a process that only sells and scans never needs them.
let currencies: Set<string> | undefined;

export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/**
 * Major units as sent by clients (`12.5`) to integer minor units (`1250`). Rejects amounts with
 * more decimals than the currency has, rather than rounding money silently.
 */
export function toMinorUnits(amount: number, currency: string, field: string): number {
  const factor = 10 ** currencyDigits(currency);
  const minor = Math.round(amount * factor);
  if (!Number.isFinite(amount) || minor / factor !== amount) {
    throw new ValidationError([
      { field, message: `must have at most ${currencyDigits(currency)} decimal places for ${currency}` },
    ]);
  }
  if (!Number.isSafeInteger(minor)) throw new ValidationError([{ field, message: 'is too large' }]);
  return minor;
}

/** Integer minor units back to the API's major-unit number. */
export function toMajorUnits(minor: number, currency: string): number {
  const digits = currencyDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}
