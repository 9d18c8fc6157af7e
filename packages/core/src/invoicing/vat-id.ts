import { checkVAT, countries } from 'jsvat';

/** The 27 member states: VAT ids are format-checked and reverse charge applies between them. */
export const EU_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);

/** A VAT id as people type it (`de 136 695 976`, `DE-136.695.976`) in its canonical form. */
export function normalizeVatId(vatId: string): string {
  return vatId.toUpperCase().replace(/[\s.\-/]/g, '');
}

/**
 * Whether `vatId` looks valid for a business in `country`: for an EU country, it must pass that
 * country's format and check-digit rules (jsvat) and carry its prefix (Greece's is `EL`); other
 * countries' ids are taken as given (letters and digits only). Whether the id is registered is
 * the VIES service's to say, which we do not call: it is "valid-looking", not verified.
 */
export function isPlausibleVatId(vatId: string, country: string): boolean {
  const id = normalizeVatId(vatId);
  if (!EU_COUNTRIES.has(country)) return /^[A-Z0-9]{2,20}$/.test(id);
  const result = checkVAT(id, countries);
  return result.isValid && result.country?.isoCode.short === country;
}
