/**
 * Digits after the decimal point of each currency, exactly as the runtime's ICU (CLDR) gives them
 * through `Intl.NumberFormat(…).resolvedOptions().maximumFractionDigits`: the digits every stored
 * amount has been counted in. A table rather than a NumberFormat per currency because building
 * one reads ICU's number and currency data, ~4 MiB of node's binary that then stays resident in
 * every API process that shows a price. `currency-digits.test.ts` compares it with ICU for every
 * currency the runtime knows, so a Node upgrade whose CLDR data moves a currency fails CI instead
 * of rescaling stored amounts.
 */
const NO_DIGITS = new Set(
  'AFN ALL BIF CLP COP DJF GNF HUF IDR IQD IRR ISK JPY KMF KPW KRW LAK LBP MGA MMK PKR PYG RWF SLL SOS SYP UGX VND VUV XAF XOF XPF YER'.split(
    ' ',
  ),
);
const THREE_DIGITS = new Set('BHD JOD KWD LYD OMR TND'.split(' '));

/** Digits after the decimal point for a currency: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyDigits(currency: string): number {
  if (NO_DIGITS.has(currency)) return 0;
  return THREE_DIGITS.has(currency) ? 3 : 2;
}
