import { ApiError, type CreateEventInput, type Event, type UpdateEventInput } from '@eventhub/client';
import { toFormProblem, type CodeMessages, type FormProblem } from '../../lib/form-problem';
import { zonedInputToIso } from '../../lib/zoned-time';

/** The fields of the event details form, as the API names them (venue ones dotted). */
export const EVENT_FIELDS = [
  'name',
  'description',
  'startsAt',
  'endsAt',
  'timezone',
  'currency',
  'capacity',
  'venue.name',
  'venue.address',
  'venue.city',
  'venue.country',
  'refundPolicy.customerRefundsUntilHoursBefore',
  'ticketChangePolicy.holderChangesUntilHoursBefore',
  'invoicing',
  'pricesIncludeTax',
] as const;

/** The checkbox that turns holder changes on; its hours field is only read while it is checked. */
export const HOLDER_CHANGES_ALLOWED = 'ticketChangePolicy.allowed';

export type EventDetailsBody = Required<
  Pick<UpdateEventInput, 'name' | 'timezone' | 'currency' | 'invoicing' | 'pricesIncludeTax'>
> &
  Omit<UpdateEventInput, 'name' | 'timezone' | 'currency' | 'invoicing' | 'pricesIncludeTax'>;

export type InvoicingMode = Event['invoicing'];
export const INVOICING_MODES: readonly InvoicingMode[] = ['off', 'optional', 'required'];

/** The invoicing select's value; anything else (a tampered form) is off. */
export function parseInvoicing(value: string): InvoicingMode {
  return INVOICING_MODES.find((mode) => mode === value) ?? 'off';
}

function text(form: FormData, field: string): string {
  return String(form.get(field) ?? '').trim();
}

/** A whole number from an optional input; null when left empty. */
export function optionalInt(form: FormData, field: string): number | null {
  const value = text(form, field);
  return value === '' ? null : Number(value);
}

/**
 * Reads the details form into an API body. Empty optional fields become null, which both
 * creates an event without them and, in an edit, clears them. Start and end are wall-clock
 * times in the chosen time zone.
 */
export function readEventDetails(form: FormData): EventDetailsBody {
  const timezone = text(form, 'timezone') || 'UTC';
  const venue = {
    name: text(form, 'venue.name') || null,
    address: text(form, 'venue.address') || null,
    city: text(form, 'venue.city') || null,
    country: text(form, 'venue.country') || null,
  };
  const refundHours = optionalInt(form, 'refundPolicy.customerRefundsUntilHoursBefore');
  // Changes allowed with the hours left empty: until the start (0 hours before).
  const holderHours =
    form.get(HOLDER_CHANGES_ALLOWED) === null
      ? null
      : (optionalInt(form, 'ticketChangePolicy.holderChangesUntilHoursBefore') ?? 0);
  return {
    name: text(form, 'name'),
    description: String(form.get('description') ?? '').trim() || null,
    startsAt: zonedInputToIso(text(form, 'startsAt'), timezone) ?? null,
    endsAt: zonedInputToIso(text(form, 'endsAt'), timezone) ?? null,
    timezone,
    currency: text(form, 'currency') || 'USD',
    capacity: optionalInt(form, 'capacity'),
    venue: Object.values(venue).some(Boolean) ? venue : null,
    refundPolicy: { customerRefundsUntilHoursBefore: refundHours },
    ticketChangePolicy: { holderChangesUntilHoursBefore: holderHours },
    invoicing: parseInvoicing(text(form, 'invoicing')),
    pricesIncludeTax: form.get('pricesIncludeTax') !== null,
  };
}

/** A new event's body: fields left empty are left out, so the API's defaults apply. */
export function createEventBody(details: EventDetailsBody): CreateEventInput {
  const venue = details.venue
    ? Object.fromEntries(Object.entries(details.venue).filter(([, value]) => value !== null))
    : null;
  const refundHours = details.refundPolicy?.customerRefundsUntilHoursBefore ?? null;
  // Until the start (0) is the API's default; anything else is sent.
  const holderHours = details.ticketChangePolicy
    ? details.ticketChangePolicy.holderChangesUntilHoursBefore
    : 0;
  return {
    name: details.name,
    timezone: details.timezone,
    currency: details.currency,
    ...(details.description ? { description: details.description } : {}),
    ...(details.startsAt ? { startsAt: details.startsAt } : {}),
    ...(details.endsAt ? { endsAt: details.endsAt } : {}),
    ...(details.capacity !== null && details.capacity !== undefined ? { capacity: details.capacity } : {}),
    ...(venue ? { venue } : {}),
    ...(refundHours !== null ? { refundPolicy: { customerRefundsUntilHoursBefore: refundHours } } : {}),
    ...(holderHours !== 0 ? { ticketChangePolicy: { holderChangesUntilHoursBefore: holderHours } } : {}),
    // Off and tax-inclusive prices are the API's defaults.
    ...(details.invoicing !== 'off' ? { invoicing: details.invoicing } : {}),
    ...(!details.pricesIncludeTax ? { pricesIncludeTax: false } : {}),
  };
}

function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return new Date(a).getTime() === new Date(b).getTime();
}

/**
 * The PATCH for an edit: only the fields that changed. Cleared fields are sent as null; a
 * cleared venue or refund policy as a whole null; holder changes turned off as null hours.
 */
export function updateEventBody(current: Event, details: EventDetailsBody): UpdateEventInput {
  const body: UpdateEventInput = {};
  if (details.name !== current.name) body.name = details.name;
  if ((details.description ?? '') !== current.description) body.description = details.description;
  if (!sameInstant(details.startsAt, current.startsAt)) body.startsAt = details.startsAt;
  if (!sameInstant(details.endsAt, current.endsAt)) body.endsAt = details.endsAt;
  if (details.timezone !== current.timezone) body.timezone = details.timezone;
  if (details.currency !== current.currency) body.currency = details.currency;
  if ((details.capacity ?? null) !== current.capacity) body.capacity = details.capacity;

  const before = current.venue;
  const after = details.venue;
  const venueChanged = (['name', 'address', 'city', 'country'] as const).some(
    (key) => (before?.[key] || null) !== (after?.[key] || null),
  );
  if (venueChanged) body.venue = after;

  const hours = details.refundPolicy?.customerRefundsUntilHoursBefore ?? null;
  if (hours !== current.refundPolicy.customerRefundsUntilHoursBefore) {
    body.refundPolicy = hours === null ? null : { customerRefundsUntilHoursBefore: hours };
  }

  if (details.ticketChangePolicy) {
    const holderHours = details.ticketChangePolicy.holderChangesUntilHoursBefore;
    if (holderHours !== current.ticketChangePolicy.holderChangesUntilHoursBefore)
      body.ticketChangePolicy = { holderChangesUntilHoursBefore: holderHours };
  }
  if (details.invoicing !== current.invoicing) body.invoicing = details.invoicing;
  if (details.pricesIncludeTax !== current.pricesIncludeTax) body.pricesIncludeTax = details.pricesIncludeTax;
  return body;
}

/**
 * A failed save as the details form shows it. Turning invoicing on without a business profile is
 * refused with 409 `profile_required`, which names no field: it goes to the invoicing select,
 * where the form offers the way to the profile.
 */
export function eventFormProblem(error: unknown, messages: CodeMessages = {}): FormProblem {
  const problem = toFormProblem(error, EVENT_FIELDS, messages);
  if (!(error instanceof ApiError) || error.code !== 'profile_required') return problem;
  return {
    fields: { ...problem.fields, invoicing: error.message },
    message: 'Please correct the highlighted fields.',
  };
}
