import { writeAudit } from '../audit/write-audit';
import type { OrderItemRow, OrderRow } from '../db/schema';
import type { Actor, RequestMeta } from '../shared/actor';
import { ValidationError, type FieldError } from '../shared/errors';
import { isUniqueViolation } from '../db/unique-violation';
import { newId } from '../shared/ids';
import { type Attendee } from '../shared/attendee-fields';
import { validateAttendees } from './attendees';
import { expireHolds } from './expire-holds';
import { holdSeats, moveSeats, SoldOutError } from './inventory';
import type { OrderDeps } from './order-deps';
import { newOrderReference } from './order-reference';
import { loadOrderView, toOrderView, type OrderView } from './order-view';
import { assertHoldAllowed, type HoldBuyer } from './hold-limits';
import { hashOrderToken } from './order-links';
import { resolveBuyer } from './order-buyer';
import { priceOrder } from './pricing';
import { checkBilling, type BillingInput } from '../invoicing/billing';
import { taxOrder } from '../invoicing/order-taxes';
import { reverseChargeFor } from '../invoicing/reverse-charge';
import { redeemPromoUse } from './promo-uses';
import { assertSaleAllowed, loadSale } from './sale-rules';
import { settlePaidOrder } from './settle-payment';
import { checkCheckoutAnswers, liveQuestions, type AnswerInput } from '../questions/checkout-answers';
import { checkedAnswerViews } from '../questions/order-answers';

export interface PlaceOrderInput {
  eventId: string;
  items: { ticketTypeId: string; quantity: number }[];
  promoCode?: string | null;
  /** One per seat, in item order; each may answer the event's attendee questions. */
  attendees?: (Attendee & { answers?: AnswerInput[] })[];
  /** Answers to the event's order questions. */
  answers?: AnswerInput[];
  /** Required without an account (guest checkout); ignored with one, whose own name and address count. */
  buyer?: { email: string; name: string } | null;
  /** Billing details for the invoice (events that invoice; required when invoicing is `required`). */
  billing?: BillingInput | null;
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

/**
 * Places an order, for a signed-in buyer or (`actor` null) a guest with `input.buyer`: holds its
 * seats against the tier limits and the event capacity, and redeems its promo code against max
 * uses, all in one transaction of conditional updates. The order is `pending` until `expiresAt`,
 * or `paid` at once when its total is zero. The answer alone carries `orderToken`.
 */
export async function placeOrder(
  deps: OrderDeps,
  actor: Actor | null,
  input: PlaceOrderInput,
  meta: RequestMeta,
): Promise<OrderView> {
  const buyer = await resolveBuyer(deps, actor, input);
  validateItems(input.items);
  const seats = input.items.reduce((sum, i) => sum + i.quantity, 0);
  const attendees = validateAttendees(input.attendees, seats);
  const questions = await liveQuestions(deps.db, input.eventId);
  const answers = checkCheckoutAnswers(questions, {
    answers: input.answers,
    attendeeAnswers: (input.attendees ?? []).map((a) => a.answers),
    seatTiers: input.items.flatMap((i) => Array<string>(i.quantity).fill(i.ticketTypeId)),
  });

  const now = deps.clock.now();
  const holdBuyer: HoldBuyer =
    buyer.userId !== null ? { userId: buyer.userId } : { guestEmail: buyer.email, ip: meta.ip };
  const attempt = () =>
    deps.transact(async (tx) => {
      const promoCode = input.promoCode?.trim().toUpperCase() || null;
      const sale = await loadSale(tx, input.eventId, input.items, promoCode ? { code: promoCode } : null);
      const rule = assertSaleAllowed(sale, input.items, { now, windowsAt: now, promoUseCounted: false });
      const { event, tiers } = sale;
      const promotionId = sale.promo?.id ?? null;
      const billing = checkBilling(input.billing, event.invoicing);
      const reverseCharge = await reverseChargeFor(tx, event.organizer_id, billing);
      const tierOf = (id: string) => tiers.find((t) => t.id === id)!;
      const priced = taxOrder(
        priceOrder(
          input.items.map((i) => ({ ...i, unitPrice: tierOf(i.ticketTypeId).price })),
          rule,
        ).lines,
        (id) => tierOf(id).tax_rate,
        { pricesIncludeTax: event.prices_include_tax === 1, reverseCharge },
      );
      const free = priced.total === 0;
      // A free order is complete at once and holds nothing.
      if (!free)
        await assertHoldAllowed(tx, {
          buyer: holdBuyer,
          eventId: event.id,
          now,
          limits: { perBuyer: deps.maxPendingOrdersPerBuyer, perIp: deps.maxPendingOrdersPerIp },
        });
      const orderId = newId();
      await writeAudit(tx, deps.clock, {
        actorId: buyer.userId,
        action: 'order.placed',
        targetType: 'order',
        targetId: orderId,
        ip: meta.ip,
        details: {
          eventId: event.id,
          seats,
          total: priced.total,
          currency: event.currency,
          promoCode: promotionId ? promoCode : null,
          guest: buyer.userId === null,
        },
      });
      const iso = now.toISOString();
      const row: OrderRow = {
        id: orderId,
        reference: newOrderReference(),
        event_id: event.id,
        buyer_id: buyer.userId,
        buyer_email: buyer.email,
        buyer_name: buyer.name,
        order_token_hash: hashOrderToken(deps.orderLinks.token(orderId)),
        placed_ip: meta.ip,
        status: free ? 'paid' : 'pending',
        currency: event.currency,
        subtotal: priced.subtotal,
        discount: priced.discount,
        total: priced.total,
        refunded_amount: 0,
        promotion_id: promotionId,
        promo_code: promotionId ? promoCode : null,
        attendees: JSON.stringify(attendees),
        expires_at: new Date(now.getTime() + deps.holdSeconds * 1000).toISOString(),
        paid_at: free ? iso : null,
        closed_at: null,
        payment_provider: free ? 'none' : deps.payments.name,
        payment_ref: null,
        created_at: iso,
        updated_at: iso,
        billing: billing ? JSON.stringify(billing) : null,
        tax: priced.tax,
        reverse_charge: reverseCharge ? 1 : 0,
      };
      await tx.insertInto('orders').values(row).execute();
      const items: OrderItemRow[] = priced.lines.map((l) => ({
        id: newId(),
        order_id: row.id,
        ticket_type_id: l.ticketTypeId,
        quantity: l.quantity,
        unit_price: l.unitPrice,
        discount: l.discount,
        total: l.gross,
        tax_rate: l.taxRate,
        tax: l.tax,
      }));
      await tx.insertInto('order_items').values(items).execute();
      if (answers.length > 0)
        await tx
          .insertInto('question_answers')
          .values(
            answers.map((a) => ({
              id: newId(),
              question_id: a.questionId,
              event_id: event.id,
              order_id: row.id,
              seat: a.seat,
              value: JSON.stringify(a.value),
              created_at: iso,
            })),
          )
          .execute();
      // The contended rows come last, so PostgreSQL holds their locks only from these conditional
      // updates to the commit (the order rows' foreign keys are checked at commit, see migration 003).
      await holdSeats(tx, event.id, input.items);
      // Conditional, like the seats: two buyers racing for a code's last use get one use between them.
      if (promotionId) await redeemPromoUse(tx, promotionId);

      if (free) {
        // Nothing to pay: the order is complete at once.
        await moveSeats(tx, event.id, input.items, { held: -1, sold: 1 });
        await settlePaidOrder(tx, deps, row, 'order.paid', buyer.userId);
      }
      return { row, event, items, tiers };
    });
  // Holds that ran out only matter when seats run short: sweep them then, and try once more.
  // A reference that happens to be taken already (about one in 10^11) is drawn again.
  const placed = await attempt().catch(async (error: unknown) => {
    if (isUniqueViolation(error)) return attempt();
    if (!(error instanceof SoldOutError) || (await expireHolds(deps, input.eventId)).length === 0)
      throw error;
    return attempt();
  });
  const order = placed.row;
  deps.afterCommit.eventChanged(order.event_id);
  if (order.status === 'paid') deps.afterCommit.mailQueued();
  const orderToken = deps.orderLinks.token(order.id);
  if (order.status === 'paid')
    return { ...(await loadOrderView(deps.db, order, { withTickets: true })), orderToken };
  const names = new Map(placed.tiers.map((t) => [t.id, t.name]));
  return {
    ...toOrderView(
      order,
      placed.event,
      placed.items.map((i) => ({ ...i, name: names.get(i.ticket_type_id) ?? '' })),
      null,
    ),
    answers: checkedAnswerViews(answers, questions),
    orderToken,
  };
}
