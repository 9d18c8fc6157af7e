import type { PostalAddressInput } from '@eventhub/client';

/** A postal address as typed so far, every part a string (the form's controlled values). */
export interface AddressDraft {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
}

export const ADDRESS_PARTS = ['line1', 'line2', 'postalCode', 'city', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** The address's fields as the API's error paths name them below their form (`address.city`). */
export const ADDRESS_FIELDS = ADDRESS_PARTS.map((part) => `address.${part}` as const);

export const EMPTY_ADDRESS: AddressDraft = { line1: '', line2: '', postalCode: '', city: '', country: '' };

/** An address as the API takes it: trimmed, an empty second line left out. */
export function addressBody(draft: AddressDraft): PostalAddressInput {
  const line2 = draft.line2.trim();
  return {
    line1: draft.line1.trim(),
    ...(line2 ? { line2 } : {}),
    postalCode: draft.postalCode.trim(),
    city: draft.city.trim(),
    country: draft.country.trim().toUpperCase(),
  };
}

/** A stored address back as a draft. */
export function addressDraftOf(address: {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
}): AddressDraft {
  return { ...address, line2: address.line2 ?? '' };
}

// What a stored draft may hold at most; longer text is cut (the API's own limits are lower).
const MAX_TEXT = 300;

/** A draft read back from storage: strings kept (bounded), anything else empty. */
export function readAddressDraft(value: unknown): AddressDraft {
  const source = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = (part: AddressPart) => {
    const v = source[part];
    return typeof v === 'string' ? v.slice(0, MAX_TEXT) : '';
  };
  return {
    line1: text('line1'),
    line2: text('line2'),
    postalCode: text('postalCode'),
    city: text('city'),
    country: /^[A-Z]{2}$/.test(text('country')) ? text('country') : '',
  };
}
