import { sql } from 'kysely';
import type { CoreDeps } from '../shared/core-deps';
import type { Db } from '../db/database';
import type { OrderStatus } from '../db/schema';
import { findManagedEvent } from '../events/event-access';
import { requireRole, type Actor } from '../shared/actor';
import { NotFoundError } from '../shared/errors';
import { containsText } from '../db/like-pattern';
import { fetchPage, type Page, type PageQuery } from '../shared/pagination';
import { findOrderFor, type OrderCaller } from './order-access';
import { normalizeOrderReference } from './order-reference';
import { loadOrderView, loadOrderViews, toTicketView, type OrderView, type TicketView } from './order-view';

/** The caller's own orders, newest first. */
export async function listMyOrders(deps: CoreDeps, actor: Actor, query: PageQuery): Promise<Page<OrderView>> {
  const { db } = deps;
  const base = db.selectFrom('orders').where('buyer_id', '=', actor.userId);
  const rows = await fetchPage(base, query, (b) =>
    b.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'),
  );
  return { ...rows, items: await loadOrderViews(db, rows.items) };
}

/** One order with its tickets: for its buyer (or token holder), its event's organizer and admins (others: 404). */
export async function getOrder(deps: CoreDeps, caller: OrderCaller, orderId: string): Promise<OrderView> {
  const { db } = deps;
  const { order } = await findOrderFor(db, caller, orderId);
  return loadOrderView(db, order, { withTickets: true });
}

export async function listOrderTickets(
  deps: CoreDeps,
  caller: OrderCaller,
  orderId: string,
): Promise<TicketView[]> {
  const view = await getOrder(deps, caller, orderId);
  return view.tickets ?? [];
}

export interface OrderFilter extends PageQuery {
  /** Buyer e-mail or name (contains), order id, or reference (exact). */
  q?: string;
  /** The event's name contains this, case-insensitively. */
  event?: string;
  /** The order reference: a whole one as typed (case, spaces and dash forgiven), or a part of it. */
  reference?: string;
  /** The buyer's e-mail address contains this, case-insensitively. */
  email?: string;
  status?: OrderStatus;
  eventId?: string;
  organizerId?: string;
  from?: string;
  to?: string;
}

/** Orders of one event for its organizer (or an admin), searchable by buyer or order id. */
export async function listEventOrders(
  deps: CoreDeps,
  actor: Actor,
  eventId: string,
  query: OrderFilter,
): Promise<Page<OrderView>> {
  const { db } = deps;
  await findManagedEvent(db, actor, eventId);
  return searchOrders(db, { ...query, eventId });
}

/**
 * The orders of every event of the calling organizer, filtered like the admin's list; an
 * `organizerId` in the query is ignored, so no filter reaches another organizer's orders.
 */
export async function listOrganizerOrders(
  deps: CoreDeps,
  actor: Actor,
  query: OrderFilter,
): Promise<Page<OrderView>> {
  const { db } = deps;
  requireRole(actor, ['organizer']);
  return searchOrders(db, { ...query, organizerId: actor.userId });
}

/** Every transaction on the platform, filtered (admins). */
export async function listAllOrders(
  deps: CoreDeps,
  actor: Actor,
  query: OrderFilter,
): Promise<Page<OrderView>> {
  const { db } = deps;
  requireRole(actor, ['admin']);
  return searchOrders(db, query);
}

async function searchOrders(db: Db, query: OrderFilter): Promise<Page<OrderView>> {
  let base = db.selectFrom('orders').innerJoin('events', 'events.id', 'orders.event_id');
  if (query.eventId) base = base.where('orders.event_id', '=', query.eventId);
  if (query.organizerId) base = base.where('events.organizer_id', '=', query.organizerId);
  if (query.status) base = base.where('orders.status', '=', query.status);
  if (query.from) base = base.where('orders.created_at', '>=', new Date(query.from).toISOString());
  if (query.to) base = base.where('orders.created_at', '<=', new Date(query.to).toISOString());
  const event = query.event?.trim().toLowerCase();
  if (event) base = base.where((eb) => containsText(eb.fn('lower', ['events.name']), event));
  const email = query.email?.trim().toLowerCase();
  if (email) base = base.where((eb) => containsText(eb.fn('lower', ['orders.buyer_email']), email));
  const typed = query.reference?.trim().toUpperCase();
  if (typed) {
    const whole = normalizeOrderReference(typed);
    base = whole
      ? base.where('orders.reference', '=', whole)
      : base.where(
          containsText(
            sql<string>`replace(${sql.ref('orders.reference')}, '-', '')`,
            typed.replace(/[\s-]/g, ''),
          ),
        );
  }
  const q = query.q?.trim().toLowerCase();
  if (q) {
    const reference = normalizeOrderReference(q);
    base = base.where((eb) =>
      eb.or([
        containsText('orders.buyer_email', q),
        containsText(eb.fn('lower', ['orders.buyer_name']), q),
        eb('orders.id', '=', q),
        ...(reference ? [eb('orders.reference', '=', reference)] : []),
      ]),
    );
  }
  const rows = await fetchPage(base, query, (b) =>
    b.selectAll('orders').orderBy('orders.created_at', 'desc').orderBy('orders.id', 'desc'),
  );
  return { ...rows, items: await loadOrderViews(db, rows.items) };
}

/** A ticket the caller may see (its order's buyer, the event organizer, an admin), for its QR image. */
export async function getTicket(deps: CoreDeps, caller: OrderCaller, ticketId: string): Promise<TicketView> {
  const { db } = deps;
  const ticket = await db
    .selectFrom('tickets')
    .innerJoin('ticket_types', 'ticket_types.id', 'tickets.ticket_type_id')
    .selectAll('tickets')
    .select('ticket_types.name as tier_name')
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket) throw new NotFoundError('Ticket');
  // The ticket is as private as its order: anyone who may not see the order gets 404.
  const { order } = await findOrderFor(db, caller, ticket.order_id);
  const { tier_name, ...row } = ticket;
  return toTicketView(row, tier_name, order.currency);
}
