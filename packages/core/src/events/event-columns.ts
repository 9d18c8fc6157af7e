import type { EventRow, EventsTable } from '../db/schema';
import type { EventFieldsInput } from './event-input';
import { isoOrNull } from './places-and-times';
import { searchDocument } from './search-words';

type EventColumns = Partial<Omit<EventRow, 'id' | 'organizer_id' | 'status' | 'sold' | 'held'>>;

/** Maps the fields present in an input to their columns; absent fields are left out (PATCH semantics). */
export function eventColumns(input: EventFieldsInput): EventColumns {
  const c: EventColumns = {};
  if (input.name !== undefined) c.name = input.name.trim();
  if (input.description !== undefined) c.description = input.description ?? '';
  if (input.startsAt !== undefined) c.starts_at = isoOrNull(input.startsAt);
  if (input.endsAt !== undefined) c.ends_at = isoOrNull(input.endsAt);
  if (input.timezone !== undefined) c.timezone = input.timezone;
  if (input.currency !== undefined) c.currency = input.currency;
  if (input.capacity !== undefined) c.capacity = input.capacity;
  if (input.venue !== undefined) {
    c.venue_name = input.venue?.name ?? null;
    c.venue_address = input.venue?.address ?? null;
    c.venue_city = input.venue?.city ?? null;
    c.venue_country = input.venue?.country ?? null;
  }
  if (input.salesStart !== undefined) c.sales_start = isoOrNull(input.salesStart);
  if (input.salesEnd !== undefined) c.sales_end = isoOrNull(input.salesEnd);
  if (input.refundPolicy !== undefined)
    c.refund_until_hours_before = input.refundPolicy?.customerRefundsUntilHoursBefore ?? null;
  if (input.ticketChangePolicy !== undefined)
    c.holder_change_until_hours_before = input.ticketChangePolicy?.holderChangesUntilHoursBefore ?? null;
  if (input.invoicing !== undefined) c.invoicing = input.invoicing;
  if (input.pricesIncludeTax !== undefined) c.prices_include_tax = input.pricesIncludeTax ? 1 : 0;
  return c;
}

/**
 * Columns derived from others: the listing horizon, the admin search text, and the folded words
 * full-text search indexes (migration 011 keeps SQLite's FTS table and PostgreSQL's tsvector in
 * step with these columns), so every write that goes through here keeps search current.
 */
export function derivedColumns(row: {
  name: string;
  description: string;
  venue_name: string | null;
  venue_address: string | null;
  venue_city: string | null;
  starts_at: string | null;
  ends_at: string | null;
}): Pick<
  EventsTable,
  'listed_until' | 'search_text' | 'city_key' | 'search_name' | 'search_place' | 'search_description'
> {
  return {
    listed_until: row.ends_at ?? row.starts_at,
    city_key: row.venue_city?.trim().toLowerCase() || null,
    search_text: [row.name, row.description, row.venue_city ?? ''].join('\n').toLowerCase(),
    search_name: searchDocument(row.name),
    search_place: searchDocument(row.venue_name, row.venue_city, row.venue_address),
    search_description: searchDocument(row.description),
  };
}
