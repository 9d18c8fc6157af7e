import { sql } from 'kysely';
import { recordUnfilledSale } from '../analytics/sales-rollups';
import { writeAudit } from '../audit/write-audit';
import type { OrderRow } from '../db/schema';
import { NotFoundError } from '../shared/errors';
import { newId } from '../shared/ids';
import { moveSeats, takeSeatsAsSold } from './inventory';
import { orderSeats } from './order-access';
import type { OrderDeps } from './order-deps';
import { settlePaidOrder } from './settle-payment';

export type PaymentOutcome = 'paid' | 'already_paid' | 'paid_late' | 'refunded_late';

/**
 * A provider reports that an order's payment succeeded (test provider or Stripe webhook). Safe
 * to call any number of times, concurrently too: the transition out of a state is one
 * conditional UPDATE, so tickets are issued once.
 *
 * A payment for an order whose hold has expired (or that was cancelled meanwhile) is honoured
 * when its seats can still be taken, and otherwise refunded automatically in full.
 */
export async function recordPaymentSucceeded(
  deps: OrderDeps,
  orderId: string,
  providerRef: string | null,
  actorId: string | null,
): Promise<{ order: OrderRow; outcome: PaymentOutcome }> {
  const result = await deps.transact(async (tx) => {
    const order = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    if (!order) throw new NotFoundError('Order');
    if (order.paid_at) return { order, outcome: 'already_paid' as const, refundId: null };
    const now = deps.clock.now().toISOString();
    const transition = (from: OrderRow['status'], to: OrderRow['status'], extra: Partial<OrderRow> = {}) =>
      tx
        .updateTable('orders')
        .set({
          status: to,
          paid_at: now,
          updated_at: now,
          payment_ref: providerRef ?? order.payment_ref,
          ...extra,
        })
        .where('id', '=', order.id)
        .where('status', '=', from)
        .where('paid_at', 'is', null)
        .executeTakeFirst()
        .then((r) => Number(r.numUpdatedRows) === 1);

    if (order.status === 'pending') {
      if (!(await transition('pending', 'paid')))
        return { order, outcome: 'already_paid' as const, refundId: null };
      await moveSeats(tx, order.event_id, await orderSeats(tx, order.id), { held: -1, sold: 1 });
      const paid = { ...order, status: 'paid' as const, paid_at: now };
      await settlePaidOrder(tx, deps, paid, 'order.paid', actorId);
      return { order: paid, outcome: 'paid' as const, refundId: null };
    }

    // The hold is gone: take the seats again if they are still free.
    const seats = await orderSeats(tx, order.id);
    if (await takeSeatsAsSold(tx, order.event_id, seats)) {
      if (!(await transition(order.status, 'paid', { closed_at: null })))
        throw new Error('order changed during payment');
      if (order.promotion_id) {
        await tx
          .updateTable('promotions')
          .set({ uses: sql<number>`uses + 1` })
          .where('id', '=', order.promotion_id)
          .execute();
      }
      const paid = { ...order, status: 'paid' as const, paid_at: now };
      await settlePaidOrder(tx, deps, paid, 'order.paid_late', actorId);
      return { order: paid, outcome: 'paid_late' as const, refundId: null };
    }
    // Sold out meanwhile: the money goes back, all of it.
    const refundId = newId();
    if (!(await transition(order.status, 'refunded', { refunded_amount: order.total })))
      throw new Error('order changed during payment');
    await tx
      .insertInto('refunds')
      .values({
        id: refundId,
        order_id: order.id,
        amount: order.total,
        currency: order.currency,
        ticket_ids: '[]',
        status: 'pending',
        reason: 'Paid after the hold expired and the tickets were sold out',
        provider_ref: null,
        requested_by: null,
        created_at: now,
      })
      .execute();
    await recordUnfilledSale(tx, { ...order, paid_at: now });
    await writeAudit(tx, deps.clock, {
      actorId,
      action: 'order.refunded_late_payment',
      targetType: 'order',
      targetId: order.id,
      details: { amount: order.total, currency: order.currency },
    });
    return {
      order: { ...order, status: 'refunded' as const, paid_at: now, refunded_amount: order.total },
      outcome: 'refunded_late' as const,
      refundId,
    };
  });

  if (result.refundId) {
    const { ref } = await deps.payments.refund(result.order, result.order.total, result.refundId);
    await deps.db
      .updateTable('refunds')
      .set({ status: 'succeeded', provider_ref: ref })
      .where('id', '=', result.refundId)
      .execute();
  }
  if (result.outcome === 'paid' || result.outcome === 'paid_late') {
    deps.onAvailabilityChanged?.(result.order.event_id);
    deps.onOutbox?.();
  }
  return { order: result.order, outcome: result.outcome };
}
