import { isCountryCode } from '../events/places-and-times';
import type { FieldError } from '../shared/errors';
import type { PostalAddress } from './invoice-document';

export interface PostalAddressInput {
  line1: string;
  line2?: string | null;
  postalCode: string;
  city: string;
  country: string;
}

const blank = (value: string | null | undefined) => !value || value.trim().length === 0;

/** Trims an address and lists what is wrong with it under `prefix` (`address.`, `billing.address.`). */
export function checkPostalAddress(
  input: PostalAddressInput,
  prefix: string,
  errors: FieldError[],
): PostalAddress {
  for (const field of ['line1', 'postalCode', 'city'] as const)
    if (blank(input[field])) errors.push({ field: `${prefix}${field}`, message: 'must not be blank' });
  const country = input.country.trim().toUpperCase();
  if (!isCountryCode(country))
    errors.push({ field: `${prefix}country`, message: 'must be an ISO 3166-1 alpha-2 code such as DE' });
  return {
    line1: input.line1.trim(),
    line2: blank(input.line2) ? null : input.line2!.trim(),
    postalCode: input.postalCode.trim(),
    city: input.city.trim(),
    country,
  };
}
