import type { Event } from '@eventhub/client';
import Link from 'next/link';
import { INVOICING_MODES, type InvoicingMode } from './event-form';
import { FieldError, fieldAria } from '@/components/field-error';

const LABELS: Record<InvoicingMode, string> = {
  off: 'Off: no invoices',
  optional: 'Optional: buyers may ask for an invoice',
  required: 'Required: every order gets an invoice',
};

/**
 * Whether the event's orders get invoices (checkout then asks for billing details), and whether
 * its ticket prices include tax. Each ticket type has its own tax rate.
 */
export function InvoicingFields({
  event,
  fields,
}: {
  event?: Event;
  fields: Partial<Record<string, string>>;
}) {
  const error = fields.invoicing;
  return (
    <fieldset>
      <legend>Invoices and taxes</legend>
      <label htmlFor="event-invoicing">Invoices</label>
      <select
        id="event-invoicing"
        name="invoicing"
        defaultValue={event?.invoicing ?? 'off'}
        {...fieldAria('event-invoicing', error, 'event-invoicing-hint')}
      >
        {INVOICING_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {LABELS[mode]}
          </option>
        ))}
      </select>
      <FieldError id="event-invoicing-error" message={error} />
      {error ? (
        <p data-testid="profile-required">
          <Link href="/organizer/profile">Open your business profile</Link>
        </p>
      ) : null}
      <small id="event-invoicing-hint">
        Invoices and credit notes name you as the seller from your{' '}
        <Link href="/organizer/profile">business profile</Link>; checkout asks buyers for billing details.
      </small>

      <label htmlFor="event-prices-include-tax">
        <input
          id="event-prices-include-tax"
          name="pricesIncludeTax"
          type="checkbox"
          role="switch"
          defaultChecked={event?.pricesIncludeTax ?? true}
          {...fieldAria('event-prices-include-tax', fields.pricesIncludeTax, 'event-prices-hint')}
        />
        Ticket prices include tax
      </label>
      <FieldError id="event-prices-include-tax-error" message={fields.pricesIncludeTax} />
      <small id="event-prices-hint">
        Off: each ticket type&apos;s tax rate is added on top of its price at checkout.
      </small>
    </fieldset>
  );
}
