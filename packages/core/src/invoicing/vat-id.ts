import { checkVAT, countries } from 'jsvat';
import type { FieldError } from '../shared/errors';

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

/**
 * A VAT id field as given (blank: none) in canonical form, with an error under `field` when it
 * does not fit `country`. Left unchecked while other fields are wrong (the country may be one).
 */
export function checkedVatId(
  vatId: string | null | undefined,
  country: string,
  field: string,
  errors: FieldError[],
): string | null {
  if (!vatId?.trim()) return null;
  const id = normalizeVatId(vatId);
  if (errors.length === 0 && !isPlausibleVatId(id, country))
    errors.push({ field, message: `is not a valid VAT id for ${country}` });
  return id;
}
