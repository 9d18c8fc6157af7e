import type { InvoicingMode } from '../db/schema';
import { ValidationError, type FieldError } from '../shared/errors';
import { isKnownCurrency } from '../shared/money';
import { isCountryCode, isValidTimeZone } from './places-and-times';

export interface VenueInput {
  name?: string | null;
  address?: string | null;
  city?: string | null;
  country?: string | null;
}

/** Event fields as the API takes them; every one optional so the same type serves PATCH. */
export interface EventFieldsInput {
  name?: string;
  description?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  timezone?: string;
  currency?: string;
  capacity?: number | null;
  venue?: VenueInput | null;
  salesStart?: string | null;
  salesEnd?: string | null;
  refundPolicy?: { customerRefundsUntilHoursBefore: number | null } | null;
  /** Until how many hours before the start holders may change a ticket's holder; null: never. */
  ticketChangePolicy?: { holderChangesUntilHoursBefore: number | null } | null;
  /** Whether paid orders get invoices; `optional`/`required`: checkout asks for billing details. */
  invoicing?: InvoicingMode;
  /** Whether tier prices include tax (default) or have it added on top. */
  pricesIncludeTax?: boolean;
}

/** The event's fields after a change, for the rules that relate two fields to each other. */
export interface EventFieldsState {
  startsAt: string | null;
  endsAt: string | null;
  salesStart: string | null;
  salesEnd: string | null;
}

function before(a: string | null, b: string | null): boolean {
  return a === null || b === null || new Date(a).getTime() < new Date(b).getTime();
}

/** Checks each given field, and the cross-field rules on the resulting state; throws 400 naming fields. */
export function validateEventFields(input: EventFieldsInput, state: EventFieldsState): void {
  const errors: FieldError[] = [];
  if (input.name !== undefined && input.name.trim().length === 0)
    errors.push({ field: 'name', message: 'must not be blank' });
  if (input.timezone !== undefined && !isValidTimeZone(input.timezone)) {
    errors.push({ field: 'timezone', message: 'must be an IANA time zone such as Europe/Berlin' });
  }
  if (input.currency !== undefined && !isKnownCurrency(input.currency)) {
    errors.push({ field: 'currency', message: 'must be an ISO 4217 currency code such as USD' });
  }
  if (input.venue?.country && !isCountryCode(input.venue.country)) {
    errors.push({ field: 'venue.country', message: 'must be an ISO 3166-1 alpha-2 code such as DE' });
  }
  if (!before(state.startsAt, state.endsAt))
    errors.push({ field: 'endsAt', message: 'must be after startsAt' });
  if (!before(state.salesStart, state.salesEnd))
    errors.push({ field: 'salesEnd', message: 'must be after salesStart' });
  if (errors.length) throw new ValidationError(errors);
}
