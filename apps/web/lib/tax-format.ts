/**
 * Tax rates as the API sends them: percent with at most two decimals (19, 7.5). Shown as
 * "19 %", with a space as EU style guides write it.
 */
export function formatTaxRate(rate: number): string {
  return `${Number(rate.toFixed(2))} %`;
}

/** Several rates in one phrase, lowest first: "19 %", "7 % and 19 %". */
export function formatTaxRates(rates: readonly number[]): string {
  const labels = [...new Set(rates)].sort((a, b) => a - b).map(formatTaxRate);
  return labels.length <= 1
    ? (labels[0] ?? '')
    : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/**
 * What a price says about its tax: "incl. 19 % VAT" where prices include it, "+ 19 % VAT" where
 * it is added at checkout, nothing for an untaxed price.
 */
export function priceTaxNote(rate: number, pricesIncludeTax: boolean): string {
  if (rate <= 0) return '';
  return pricesIncludeTax ? `incl. ${formatTaxRate(rate)} VAT` : `+ ${formatTaxRate(rate)} VAT`;
}
