import type { EventRow, InvoicingMode, PromotionRow, TicketTypeRow } from '../db/schema';
import { taxRatePercent } from '../shared/tax-rate';
import { toMajorUnits } from '../shared/money';

export interface TicketTypeView {
  id: string;
  name: string;
  description: string | null;
  price: number;
  limit: number;
  remaining: number;
  soldOut: boolean;
  salesStart: string | null;
  salesEnd: string | null;
  minPerOrder: number;
  maxPerOrder: number | null;
  sortOrder: number;
  /** Percent (19, 7.5); the price includes it or has it added, per the event's `pricesIncludeTax`. */
  taxRate: number;
  /** Only for the owner and admins. */
  sold?: number;
  held?: number;
}

export interface PromotionView {
  id: string;
  code: string;
  kind: 'percent' | 'fixed';
  value: number;
  maxUses: number | null;
  uses: number;
  validFrom: string | null;
  validUntil: string | null;
  ticketTypeIds: string[] | null;
  minQuantity: number;
}

export interface EventView {
  id: string;
  organizerId: string;
  name: string;
  description: string;
  status: 'draft' | 'published' | 'cancelled';
  startsAt: string | null;
  endsAt: string | null;
  timezone: string;
  currency: string;
  capacity: number | null;
  remaining: number;
  venue: { name: string | null; address: string | null; city: string | null; country: string | null } | null;
  salesStart: string | null;
  salesEnd: string | null;
  refundPolicy: { customerRefundsUntilHoursBefore: number | null };
  ticketChangePolicy: { holderChangesUntilHoursBefore: number | null };
  invoicing: InvoicingMode;
  pricesIncludeTax: boolean;
  imageUrl: string | null;
  ticketTypes: TicketTypeView[];
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  cancelledAt: string | null;
  /** Owner and admins only: sales figures and the promo codes (codes are secrets to the public). */
  sold?: number;
  held?: number;
  promotions?: PromotionView[];
}

export type Audience = 'public' | 'manager';

/** Seats a tier can still sell: its own limit and the event-wide capacity both bound it. */
export function tierRemaining(
  event: Pick<EventRow, 'capacity' | 'sold' | 'held'>,
  tier: TicketTypeRow,
): number {
  const own = tier.quantity_limit - tier.sold - tier.held;
  const shared = event.capacity === null ? Infinity : event.capacity - event.sold - event.held;
  return Math.max(0, Math.min(own, shared));
}

export function eventRemaining(
  event: Pick<EventRow, 'capacity' | 'sold' | 'held'>,
  tiers: TicketTypeRow[],
): number {
  const byTiers = tiers.reduce((sum, t) => sum + Math.max(0, t.quantity_limit - t.sold - t.held), 0);
  const shared = event.capacity === null ? Infinity : Math.max(0, event.capacity - event.sold - event.held);
  return Math.min(byTiers, shared);
}

export function imageUrlOf(event: Pick<EventRow, 'id' | 'image_key'>): string | null {
  // The key in the query string busts caches when the image is replaced.
  return event.image_key ? `/api/events/${event.id}/image?v=${event.image_key.slice(0, 12)}` : null;
}

/** The venue as the API shows it, or null when no venue field is set. */
export function venueOf(
  event: Pick<EventRow, 'venue_name' | 'venue_address' | 'venue_city' | 'venue_country'>,
): EventView['venue'] {
  if (!event.venue_name && !event.venue_address && !event.venue_city && !event.venue_country) return null;
  return {
    name: event.venue_name,
    address: event.venue_address,
    city: event.venue_city,
    country: event.venue_country,
  };
}

export function toPromotionView(row: PromotionRow, currency: string): PromotionView {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    value: row.kind === 'percent' ? row.value : toMajorUnits(row.value, currency),
    maxUses: row.max_uses,
    uses: row.uses,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    ticketTypeIds: row.ticket_type_ids ? (JSON.parse(row.ticket_type_ids) as string[]) : null,
    minQuantity: row.min_quantity,
  };
}

export function toTicketTypeView(event: EventRow, tier: TicketTypeRow, audience: Audience): TicketTypeView {
  const remaining = tierRemaining(event, tier);
  return {
    id: tier.id,
    name: tier.name,
    description: tier.description,
    price: toMajorUnits(tier.price, event.currency),
    limit: tier.quantity_limit,
    remaining,
    soldOut: remaining === 0,
    salesStart: tier.sales_start,
    salesEnd: tier.sales_end,
    minPerOrder: tier.min_per_order,
    maxPerOrder: tier.max_per_order,
    sortOrder: tier.sort_order,
    taxRate: taxRatePercent(tier.tax_rate),
    ...(audience === 'manager' ? { sold: tier.sold, held: tier.held } : {}),
  };
}

export function toEventView(
  event: EventRow,
  tiers: TicketTypeRow[],
  promotions: PromotionRow[] | null,
  audience: Audience,
): EventView {
  return {
    id: event.id,
    organizerId: event.organizer_id,
    name: event.name,
    description: event.description,
    status: event.status,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    timezone: event.timezone,
    currency: event.currency,
    capacity: event.capacity,
    remaining: eventRemaining(event, tiers),
    venue: venueOf(event),
    salesStart: event.sales_start,
    salesEnd: event.sales_end,
    refundPolicy: { customerRefundsUntilHoursBefore: event.refund_until_hours_before },
    ticketChangePolicy: { holderChangesUntilHoursBefore: event.holder_change_until_hours_before },
    invoicing: event.invoicing,
    pricesIncludeTax: event.prices_include_tax === 1,
    imageUrl: imageUrlOf(event),
    ticketTypes: tiers.map((t) => toTicketTypeView(event, t, audience)),
    createdAt: event.created_at,
    updatedAt: event.updated_at,
    publishedAt: event.published_at,
    cancelledAt: event.cancelled_at,
    ...(audience === 'manager'
      ? {
          sold: event.sold,
          held: event.held,
          promotions: (promotions ?? []).map((p) => toPromotionView(p, event.currency)),
        }
      : {}),
  };
}
