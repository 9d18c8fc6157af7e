'use client';

import type { Event } from '@eventhub/client';
import { billingField, EMPTY_BILLING, type BillingDraft } from './billing-details';
import { PostalAddressFields } from './postal-address-fields';
import { LabeledInput } from '@/components/labeled-input';

interface Props {
  invoicing: Exclude<Event['invoicing'], 'off'>;
  /** null: no invoice asked for (only where invoicing is optional). */
  draft: BillingDraft | null;
  /** `field` is the changed one (as `billing:<field>` errors name it), null when ticking the box. */
  onChange: (draft: BillingDraft | null, field: string | null) => void;
  /** Field errors keyed `billing:<field>`. */
  errors: Partial<Record<string, string>>;
}

/**
 * The checkout's billing details for the invoice: always asked where the event requires an
 * invoice, behind "I need an invoice" where it is optional. Name and address are required once
 * asked; company and VAT id are for businesses.
 */
export function BillingDetailsFields({ invoicing, draft, onChange, errors }: Props) {
  const required = invoicing === 'required';
  const shown = required || draft !== null;
  const value = draft ?? EMPTY_BILLING;
  const error = (field: string) => errors[billingField(field)];
  const text = (field: 'name' | 'company' | 'vatId') => ({
    id: `billing-${field}`,
    value: value[field],
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value }, field),
    error: error(field),
  });

  return (
    <fieldset className="billing-details" data-testid="billing-details">
      <legend>Billing details</legend>
      {required ? (
        <p>
          <small>The organizer issues an invoice for every order: it is made out to these details.</small>
        </p>
      ) : (
        <label htmlFor="billing-wanted">
          <input
            id="billing-wanted"
            type="checkbox"
            checked={shown}
            aria-controls="billing-fields"
            aria-expanded={shown}
            onChange={(e) => onChange(e.target.checked ? value : null, null)}
          />
          I need an invoice
        </label>
      )}
      {shown ? (
        <div id="billing-fields">
          <LabeledInput
            label="Name on the invoice"
            {...text('name')}
            required
            maxLength={200}
            autoComplete="billing name"
          />
          <LabeledInput
            label="Company (optional)"
            {...text('company')}
            maxLength={200}
            autoComplete="billing organization"
          />
          <PostalAddressFields
            idPrefix="billing"
            value={value.address}
            onChange={(address, part) => onChange({ ...value, address }, `address.${part}`)}
            errorOf={(part) => error(`address.${part}`)}
            required
          />
          <LabeledInput
            label="VAT id (optional)"
            {...text('vatId')}
            maxLength={30}
            autoComplete="off"
            spellCheck={false}
            hint="For businesses. Within the EU, a VAT id from another country than the organizer's means no VAT is charged (reverse charge)."
          />
        </div>
      ) : null}
    </fieldset>
  );
}
