import type { DbOrTx } from '../db/database';
import type { EventRow } from '../db/schema';
import { isVisibleTo } from '../events/event-access';
import type { Actor } from '../shared/actor';
import type { OrderCaller } from './order-access';
import { NotFoundError } from '../shared/errors';
import { findOrderFor } from './order-access';

/**
 * What the ticket documents (PDF, .ics) need to know about an order, already loaded and flattened,
 * so the renderers stay pure: no database, no clock, no network.
 */

export interface PrintableTicket {
  id: string;
  code: string;
  holderName: string;
  ticketTypeName: string;
  status: 'valid' | 'used' | 'void';
}

export interface PrintableVenue {
  name: string | null;
  address: string | null;
  city: string | null;
  country: string | null;
}

export interface PrintableEvent {
  id: string;
  name: string;
  description: string | null;
  /** ISO 8601 instant in UTC; null while the organizer has not scheduled the event. */
  startsAt: string | null;
  endsAt: string | null;
  /** IANA zone (e.g. `Europe/Berlin`) the event's times are shown in. */
  timezone: string;
  venue: PrintableVenue | null;
  /** Absolute URL of the public event page, or null. */
  url: string | null;
}

export interface PrintableOrder {
  orderId: string;
  /** The order's short human reference, printed for people. */
  reference: string;
  buyerName: string;
  event: PrintableEvent;
  tickets: PrintableTicket[];
}

type EventFields = Pick<
  EventRow,
  | 'id'
  | 'name'
  | 'description'
  | 'starts_at'
  | 'ends_at'
  | 'timezone'
  | 'venue_name'
  | 'venue_address'
  | 'venue_city'
  | 'venue_country'
>;

/** An event row as the documents show it; `publicUrl` is where the web app serves event pages. */
export function toPrintableEvent(event: EventFields, publicUrl: string | null): PrintableEvent {
  const venue = [event.venue_name, event.venue_address, event.venue_city, event.venue_country].some(Boolean)
    ? {
        name: event.venue_name,
        address: event.venue_address,
        city: event.venue_city,
        country: event.venue_country,
      }
    : null;
  return {
    id: event.id,
    name: event.name,
    description: event.description || null,
    startsAt: event.starts_at,
    endsAt: event.ends_at,
    timezone: event.timezone,
    venue,
    url: publicUrl ? `${publicUrl.replace(/\/$/, '')}/events/${event.id}` : null,
  };
}

/**
 * An order's tickets and event for the PDF, visible to whoever may see the order (its buyer or
 * token holder, the event's organizer, an admin); anyone else gets 404.
 */
export async function loadPrintableOrder(
  db: DbOrTx,
  caller: OrderCaller,
  orderId: string,
  publicUrl: string | null,
): Promise<PrintableOrder> {
  const { order } = await findOrderFor(db, caller, orderId);
  const [event, tickets] = await Promise.all([
    db.selectFrom('events').selectAll().where('id', '=', order.event_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('tickets')
      .innerJoin('ticket_types', 'ticket_types.id', 'tickets.ticket_type_id')
      .select([
        'tickets.id',
        'tickets.code',
        'tickets.holder_name',
        'tickets.status',
        'ticket_types.name as tier',
      ])
      .where('tickets.order_id', '=', order.id)
      .orderBy('tickets.id')
      .execute(),
  ]);
  return {
    orderId: order.id,
    reference: order.reference,
    buyerName: order.buyer_name,
    event: toPrintableEvent(event, publicUrl),
    tickets: tickets.map((t) => ({
      id: t.id,
      code: t.code,
      holderName: t.holder_name,
      ticketTypeName: t.tier,
      status: t.status,
    })),
  };
}

/** A published (or cancelled) event, or a draft for its managers, for the calendar file. */
export async function loadPrintableEvent(
  db: DbOrTx,
  actor: Actor | null,
  eventId: string,
  publicUrl: string | null,
): Promise<PrintableEvent> {
  const event = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!event || !isVisibleTo(actor, event)) throw new NotFoundError('Event');
  return toPrintableEvent(event, publicUrl);
}
