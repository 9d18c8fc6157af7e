import type { BillingInput } from '@eventhub/client';
import {
  ADDRESS_FIELDS,
  addressBody,
  EMPTY_ADDRESS,
  readAddressDraft,
  type AddressDraft,
} from './postal-address';

/** The buyer's billing details at checkout, as typed so far. */
export interface BillingDraft {
  name: string;
  company: string;
  address: AddressDraft;
  vatId: string;
}

export const EMPTY_BILLING: BillingDraft = { name: '', company: '', address: EMPTY_ADDRESS, vatId: '' };

/** The billing fields, named as the API's error paths below `billing.` name them. */
export const BILLING_FIELDS = ['name', 'company', ...ADDRESS_FIELDS, 'vatId'] as const;

/** Where a billing field's error goes in the ticket selector's problem: `billing:<field>`. */
export const billingField = (field: string) => `billing:${field}`;

/** The billing details as the API takes them: trimmed, optional parts left out when empty. */
export function billingBody(draft: BillingDraft): BillingInput {
  const company = draft.company.trim();
  const vatId = draft.vatId.trim();
  return {
    name: draft.name.trim(),
    ...(company ? { company } : {}),
    address: addressBody(draft.address),
    ...(vatId ? { vatId } : {}),
  };
}

/**
 * Whether the order asks for an invoice, by the event's setting: always when `required`, when the
 * buyer ticked "I need an invoice" (a draft was started) when `optional`, never when `off`.
 */
export function billingFor(
  invoicing: 'off' | 'optional' | 'required',
  draft: BillingDraft | null,
): BillingInput | undefined {
  if (invoicing === 'off') return undefined;
  if (invoicing === 'optional' && draft === null) return undefined;
  return billingBody(draft ?? EMPTY_BILLING);
}

/** The selector's field for one of the API's error paths ("billing.address.city"), else null. */
export function billingFieldOf(path: string): string | null {
  const match = /^billing\.(.+)$/.exec(path);
  const field = match?.[1];
  return field && (BILLING_FIELDS as readonly string[]).includes(field) ? billingField(field) : null;
}

const MAX_TEXT = 300;

/** A draft read back from storage; null when there was none (or nothing usable). */
export function readBillingDraft(value: unknown): BillingDraft | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const source = value as Record<string, unknown>;
  const text = (key: string) => {
    const v = source[key];
    return typeof v === 'string' ? v.slice(0, MAX_TEXT) : '';
  };
  return {
    name: text('name'),
    company: text('company'),
    address: readAddressDraft(source.address),
    vatId: text('vatId'),
  };
}
