import { sql } from 'kysely';
import { recordRefund } from '../analytics/sales-rollups';
import { writeAudit } from '../audit/write-audit';
import type { OrderRow, TicketRow } from '../db/schema';
import { toMajorUnits } from '../shared/money';
import type { RequestMeta } from '../shared/actor';
import { ConflictError, ValidationError } from '../shared/errors';
import { newId } from '../shared/ids';
import { issueCreditNote } from '../invoicing/issue-credit-note';
import { moveSeats } from './inventory';
import { queueRefundMail } from './refund-mail';
import { firstAttemptState, payBackNow } from './refund-now';
import { giveBackPromoUse } from './promo-uses';
import { assertBuyerMayRefund } from './refund-policy';
import { callerUserId, findOrderFor, type OrderCaller, type OrderRole } from './order-access';
import type { OrderDeps } from './order-deps';

export interface RefundView {
  id: string;
  orderId: string;
  amount: number;
  currency: string;
  ticketIds: string[];
  status: 'succeeded' | 'pending' | 'failed';
  reason: string | null;
  createdAt: string;
}

/** Buyers may refund only inside the event's refund window; organizers and admins at any time. */
async function assertMayRefund(deps: OrderDeps, role: OrderRole, order: OrderRow): Promise<void> {
  if (role !== 'buyer') return;
  const event = await deps.db
    .selectFrom('events')
    .select(['starts_at', 'refund_until_hours_before'])
    .where('id', '=', order.event_id)
    .executeTakeFirstOrThrow();
  assertBuyerMayRefund(event, deps.clock.now());
}

/**
 * Refunds some or all tickets of a paid order. The tickets turn `void` and their seats return to
 * sale; the promo use returns when the whole order is refunded. Two conditional updates (tickets
 * not yet void; refunded total within what was paid) make double and concurrent refunds unable
 * to return more than was paid. The refund is written `pending` with the voided tickets and paid
 * back through the provider right after the commit; if the provider refuses (answer `pending`) or
 * the process stops first, the refund job retries it (`deliver-refunds.ts`).
 */
export async function refundOrder(
  deps: OrderDeps,
  caller: OrderCaller,
  orderId: string,
  input: { ticketIds?: string[] | undefined; reason?: string | undefined },
  meta: RequestMeta,
): Promise<RefundView> {
  const { order, role } = await findOrderFor(deps.db, caller, orderId);
  await assertMayRefund(deps, role, order);
  return refundTickets(deps, callerUserId(caller), order, input, meta, { byBuyer: role === 'buyer' });
}

const isRefunded = (t: TicketRow) => t.status === 'void';

/**
 * Which tickets a refund covers. A buyer's never includes one admitted at the door (409
 * `ticket_used`), and "all" means all unused ones; the organizer and admins may refund any.
 */
function chooseTickets(tickets: TicketRow[], ticketIds: string[] | undefined, byBuyer: boolean): TicketRow[] {
  const open = tickets.filter((t) => !isRefunded(t));
  const selected = ticketIds
    ? [...new Set(ticketIds)].map((id) => {
        const ticket = tickets.find((t) => t.id === id);
        if (!ticket)
          throw new ValidationError([{ field: 'ticketIds', message: `${id} is not a ticket of this order` }]);
        return ticket;
      })
    : open.filter((t) => !byBuyer || t.status === 'valid');
  const used = selected.filter((t) => t.status === 'used');
  if (byBuyer && used.length > 0) {
    throw new ConflictError('ticket_used', 'A ticket already admitted at the door cannot be refunded', {
      ticketIds: used.map((t) => t.id),
    });
  }
  if (selected.some(isRefunded) || selected.length === 0) {
    if (byBuyer && selected.length === 0 && open.length > 0)
      throw new ConflictError('ticket_used', 'Every ticket left on this order was already used at the door');
    throw new ConflictError('already_refunded', 'Some of these tickets are already refunded');
  }
  return selected;
}

/**
 * The refund itself, for callers that already checked who may refund (event cancellation refunds
 * as the organizer). Refunded tickets turn `void`; a ticket already used at the door does not
 * return its seat to sale (its attendee is in it).
 */
export async function refundTickets(
  deps: OrderDeps,
  actorId: string | null,
  order: OrderRow,
  input: { ticketIds?: string[] | undefined; reason?: string | undefined },
  meta: RequestMeta,
  options: { byBuyer: boolean } = { byBuyer: false },
): Promise<RefundView> {
  if (!order.paid_at || (order.status !== 'paid' && order.status !== 'partially_refunded')) {
    throw new ConflictError('order_not_refundable', `An order that is ${order.status} cannot be refunded`);
  }
  const refundId = newId();
  const now = deps.clock.now().toISOString();
  const result = await deps.db.transaction().execute(async (tx) => {
    // Lock the order row first (a no-op write works on both engines): refunds of one order then
    // run one after another, each reading the tickets as the previous one left them.
    await tx.updateTable('orders').set({ updated_at: now }).where('id', '=', order.id).execute();
    const tickets = await tx.selectFrom('tickets').selectAll().where('order_id', '=', order.id).execute();
    const selected = chooseTickets(tickets, input.ticketIds, options.byBuyer);
    const wanted = selected.map((t) => t.id);
    // Conditional on the state read above: a ticket admitted or refunded meanwhile fails the refund.
    const voided = await tx
      .updateTable('tickets')
      .set({ status: 'void', voided_at: now })
      .where('order_id', '=', order.id)
      .where('id', 'in', wanted)
      .where('status', 'in', options.byBuyer ? ['valid'] : ['valid', 'used'])
      .executeTakeFirst();
    if (Number(voided.numUpdatedRows) !== selected.length) {
      throw new ConflictError('already_refunded', 'Some of these tickets were refunded or used meanwhile');
    }
    const amount = selected.reduce((sum, t) => sum + t.price_paid, 0);
    const remaining = tickets.length - tickets.filter(isRefunded).length - selected.length;
    const status = remaining === 0 ? 'refunded' : 'partially_refunded';
    const updated = await tx
      .updateTable('orders')
      .set({ refunded_amount: sql<number>`refunded_amount + ${amount}`, status, updated_at: now })
      .where('id', '=', order.id)
      .where(sql<boolean>`refunded_amount + ${amount} <= total`)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new ConflictError('refund_exceeds_payment', 'That would refund more than was paid');

    // Locks in the order every sale takes them (seats, promo use, rollups, invoice counter), so a
    // refund and a payment of the same event cannot deadlock on PostgreSQL.
    // Only unused seats return to sale.
    const seats = new Map<string, number>();
    for (const t of selected)
      if (t.status === 'valid') seats.set(t.ticket_type_id, (seats.get(t.ticket_type_id) ?? 0) + 1);
    if (seats.size > 0)
      await moveSeats(
        tx,
        order.event_id,
        [...seats].map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity })),
        { held: 0, sold: -1 },
      );
    if (status === 'refunded' && order.promotion_id) await giveBackPromoUse(tx, order.promotion_id);
    await recordRefund(tx, order, selected, amount);
    await tx
      .insertInto('refunds')
      .values({
        id: refundId,
        order_id: order.id,
        amount,
        currency: order.currency,
        ticket_ids: JSON.stringify(wanted),
        status: amount === 0 ? 'succeeded' : 'pending',
        reason: input.reason ?? null,
        provider_ref: null,
        requested_by: actorId,
        created_at: now,
        ...firstAttemptState(deps.clock.now(), amount > 0),
      })
      .execute();
    const creditNoteId = await issueCreditNote(tx, order, refundId, selected, now);
    await queueRefundMail(tx, deps, order, {
      amount,
      tickets: wanted.length,
      reason: input.reason ?? null,
      creditNoteId,
    });
    await writeAudit(tx, deps.clock, {
      actorId,
      action: status === 'refunded' ? 'order.refunded' : 'order.partially_refunded',
      targetType: 'order',
      targetId: order.id,
      ip: meta.ip,
      details: {
        refundId,
        amount,
        currency: order.currency,
        tickets: wanted.length,
        reason: input.reason ?? null,
      },
    });
    return { amount, wanted };
  });
  deps.afterCommit.eventChanged(order.event_id);
  deps.afterCommit.mailQueued();

  const refundStatus = result.amount > 0 ? await payBackNow(deps, refundId) : 'succeeded';
  return {
    id: refundId,
    orderId: order.id,
    amount: toMajorUnits(result.amount, order.currency),
    currency: order.currency,
    ticketIds: result.wanted,
    status: refundStatus,
    reason: input.reason ?? null,
    createdAt: now,
  };
}
