import { sql } from 'kysely';
import { writeAudit } from '../audit/write-audit';
import type { OrderItemRow, OrderRow, TicketTypeRow } from '../db/schema';
import { requireRole, type Actor, type RequestMeta } from '../identity/actor';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../shared/errors';
import { newId } from '../shared/ids';
import { validateAttendees, type Attendee } from './attendees';
import { expireHolds } from './expire-holds';
import { holdSeats, moveSeats, SoldOutError } from './inventory';
import type { OrderDeps } from './order-deps';
import { loadOrderView, toOrderView, type OrderView } from './order-view';
import { priceOrder, type DiscountRule } from './pricing';
import { checkPromotion, PromoInvalidError } from './promo-rules';
import { settlePaidOrder } from './settle-payment';

export interface PlaceOrderInput {
  eventId: string;
  items: { ticketTypeId: string; quantity: number }[];
  promoCode?: string | null;
  attendees?: Attendee[];
}

const salesClosed = (message: string) => new ConflictError('sales_closed', message);

function within(now: Date, start: string | null, end: string | null): boolean {
  return (!start || now >= new Date(start)) && (!end || now < new Date(end));
}

/** Item rules that need no database: whole positive quantities, each tier once. */
function validateItems(items: PlaceOrderInput['items']): void {
  const errors: FieldError[] = [];
  if (items.length === 0) errors.push({ field: 'items', message: 'must contain at least one ticket type' });
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 1)
      errors.push({ field: `items.${i}.quantity`, message: 'must be at least 1' });
    if (seen.has(item.ticketTypeId))
      errors.push({ field: `items.${i}.ticketTypeId`, message: 'is listed twice' });
    seen.add(item.ticketTypeId);
  });
  if (errors.length) throw new ValidationError(errors);
}

/** Per-order minimum and maximum, and each tier's own sales window. */
function checkTiers(items: PlaceOrderInput['items'], tiers: TicketTypeRow[], now: Date): void {
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const tier = tiers.find((t) => t.id === item.ticketTypeId);
    if (!tier)
      return errors.push({ field: `items.${i}.ticketTypeId`, message: 'is not a ticket type of this event' });
    if (item.quantity < tier.min_per_order)
      errors.push({ field: `items.${i}.quantity`, message: `must be at least ${tier.min_per_order}` });
    if (tier.max_per_order !== null && item.quantity > tier.max_per_order) {
      errors.push({
        field: `items.${i}.quantity`,
        message: `must be at most ${tier.max_per_order} per order`,
      });
    }
  });
  if (errors.length) throw new ValidationError(errors);
  for (const tier of tiers) {
    if (!within(now, tier.sales_start, tier.sales_end)) throw salesClosed(`${tier.name} is not on sale now`);
  }
}

/**
 * Places an order: holds its seats against the tier limits and the event capacity, and redeems
 * its promo code against max uses, all in one transaction of conditional updates. The order is
 * `pending` until `expiresAt`, or `paid` at once when its total is zero.
 */
export async function placeOrder(
  deps: OrderDeps,
  actor: Actor,
  input: PlaceOrderInput,
  meta: RequestMeta,
): Promise<OrderView> {
  requireRole(actor, ['customer', 'organizer', 'admin']);
  validateItems(input.items);
  const seats = input.items.reduce((sum, i) => sum + i.quantity, 0);
  const attendees = validateAttendees(input.attendees, seats);

  const now = deps.clock.now();
  const attempt = () =>
    deps.transact(async (tx) => {
      const event = await tx
        .selectFrom('events')
        .selectAll()
        .where('id', '=', input.eventId)
        .executeTakeFirst();
      if (!event || event.status === 'draft') throw new NotFoundError('Event');
      if (event.status === 'cancelled') throw new ConflictError('event_cancelled', 'This event is cancelled');
      if (
        !within(now, event.sales_start, event.sales_end) ||
        (event.listed_until && now >= new Date(event.listed_until))
      ) {
        throw salesClosed('Ticket sales for this event are closed');
      }
      const tiers = await tx
        .selectFrom('ticket_types')
        .selectAll()
        .where('event_id', '=', event.id)
        .where(
          'id',
          'in',
          input.items.map((i) => i.ticketTypeId),
        )
        .execute();
      checkTiers(input.items, tiers, now);

      let rule: DiscountRule | null = null;
      let promotionId: string | null = null;
      if (input.promoCode?.trim()) {
        const promo = await tx
          .selectFrom('promotions')
          .selectAll()
          .where('event_id', '=', event.id)
          .where('code_key', '=', input.promoCode.trim().toUpperCase())
          .executeTakeFirst();
        rule = checkPromotion(promo, now, input.items);
        promotionId = promo!.id;
      }

      const priced = priceOrder(
        input.items.map((i) => ({ ...i, unitPrice: tiers.find((t) => t.id === i.ticketTypeId)!.price })),
        rule,
      );
      const orderId = newId();
      await writeAudit(tx, deps.clock, {
        actorId: actor.userId,
        action: 'order.placed',
        targetType: 'order',
        targetId: orderId,
        ip: meta.ip,
        details: {
          eventId: event.id,
          seats,
          total: priced.total,
          currency: event.currency,
          promoCode: promotionId ? input.promoCode!.trim().toUpperCase() : null,
        },
      });
      const iso = now.toISOString();
      const free = priced.total === 0;
      const row: OrderRow = {
        id: orderId,
        event_id: event.id,
        buyer_id: actor.userId,
        status: free ? 'paid' : 'pending',
        currency: event.currency,
        subtotal: priced.subtotal,
        discount: priced.discount,
        total: priced.total,
        refunded_amount: 0,
        promotion_id: promotionId,
        promo_code: promotionId ? input.promoCode!.trim().toUpperCase() : null,
        attendees: JSON.stringify(attendees),
        expires_at: new Date(now.getTime() + deps.holdSeconds * 1000).toISOString(),
        paid_at: free ? iso : null,
        closed_at: null,
        payment_provider: free ? 'none' : deps.payments.name,
        payment_ref: null,
        created_at: iso,
        updated_at: iso,
      };
      await tx.insertInto('orders').values(row).execute();
      const items: OrderItemRow[] = priced.lines.map((l) => ({
        id: newId(),
        order_id: row.id,
        ticket_type_id: l.ticketTypeId,
        quantity: l.quantity,
        unit_price: l.unitPrice,
        discount: l.discount,
        total: l.total,
      }));
      await tx.insertInto('order_items').values(items).execute();
      // The contended rows come last, so PostgreSQL holds their locks only from these conditional
      // updates to the commit (the order rows' foreign keys are checked at commit, see migration 003).
      await holdSeats(tx, event.id, input.items);
      if (promotionId) {
        // Conditional, like the seats: two buyers racing for a code's last use get one use between them.
        const redeemed = await tx
          .updateTable('promotions')
          .set({ uses: sql<number>`uses + 1` })
          .where('id', '=', promotionId)
          .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
          .executeTakeFirst();
        if (Number(redeemed.numUpdatedRows) !== 1)
          throw new PromoInvalidError('This promo code has been fully redeemed');
      }

      if (free) {
        // Nothing to pay: the order is complete at once.
        await moveSeats(tx, event.id, input.items, { held: -1, sold: 1 });
        await settlePaidOrder(tx, deps, row, 'order.paid', actor.userId);
      }
      return { row, event, items, tiers };
    });
  // Holds that ran out only matter when seats run short: sweep them then, and try once more.
  const placed = await attempt().catch(async (error: unknown) => {
    if (!(error instanceof SoldOutError) || (await expireHolds(deps, input.eventId)).length === 0)
      throw error;
    return attempt();
  });
  const order = placed.row;
  deps.onAvailabilityChanged?.(order.event_id);
  if (order.status === 'paid') deps.onOutbox?.();
  if (order.status === 'paid') return loadOrderView(deps.db, order, { withTickets: true });
  const names = new Map(placed.tiers.map((t) => [t.id, t.name]));
  return toOrderView(
    order,
    placed.event,
    placed.items.map((i) => ({ ...i, name: names.get(i.ticket_type_id) ?? '' })),
    null,
  );
}
