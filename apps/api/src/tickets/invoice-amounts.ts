import { currencyDigits } from '@eventhub/core';

/**
 * Minor units as an invoice prints them: 123456 EUR → "1,234.56", 123456 JPY → "123,456",
 * -500 EUR → "-5.00". Counted in integers rather than through toMajorUnits and Intl: no float
 * can round a cent away, and no ICU number data is loaded into the API process for it.
 */
export function formatAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** digits)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits > 0 ? `.${(abs % 10 ** digits).toString().padStart(digits, '0')}` : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`;
}

/** An amount with its currency code, for totals: "1,234.56 EUR". */
export function formatMoney(minor: number, currency: string): string {
  return `${formatAmount(minor, currency)} ${currency}`;
}

/** A tax rate in percent, up to two decimals: 19 → "19%", 7.5 → "7.5%". */
export function formatRate(rate: number): string {
  return `${Number(rate.toFixed(2))}%`;
}
