import type { InvoicingMode } from '../db/schema';
import { ValidationError, type FieldError } from '../shared/errors';
import type { PostalAddress } from './invoice-document';
import { checkPostalAddress, type PostalAddressInput } from './postal-address';
import { checkedVatId } from './vat-id';

/** The billing details a buyer gives at checkout, as the API takes them. */
export interface BillingInput {
  name: string;
  company?: string | null;
  address: PostalAddressInput;
  vatId?: string | null;
}

/** Billing details as kept on the order (`orders.billing`, JSON) and printed on its invoices. */
export interface Billing {
  name: string;
  company: string | null;
  address: PostalAddress;
  vatId: string | null;
}

/**
 * The order's billing details under the event's invoicing setting: none when invoicing is off
 * (whatever was sent), required when it is `required` (400 naming `billing`), checked and trimmed
 * otherwise, the VAT id against its country's format.
 */
export function checkBilling(input: BillingInput | null | undefined, mode: InvoicingMode): Billing | null {
  if (mode === 'off') return null;
  if (!input) {
    if (mode === 'required')
      throw new ValidationError([{ field: 'billing', message: 'is required: this event issues invoices' }]);
    return null;
  }
  const errors: FieldError[] = [];
  if (input.name.trim().length === 0) errors.push({ field: 'billing.name', message: 'must not be blank' });
  const address = checkPostalAddress(input.address, 'billing.address.', errors);
  const vatId = checkedVatId(input.vatId, address.country, 'billing.vatId', errors);
  if (errors.length) throw new ValidationError(errors);
  return { name: input.name.trim(), company: input.company?.trim() || null, address, vatId };
}
