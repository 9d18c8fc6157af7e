import { recordUnfilledSale } from '../analytics/sales-rollups';
import { writeAudit } from '../audit/write-audit';
import type { OrderRow, RefundStatus } from '../db/schema';
import type { DomainError } from '../shared/errors';
import { newId } from '../shared/ids';
import type { OrderDeps } from './order-deps';
import { markEventHandled, type ProviderEvent } from './provider-events';
import { firstAttemptState, payBackNow } from './refund-now';
import { releaseHold } from './release-hold';

/** Why a payment did not make its order paid, and what became of the money. */
export interface PaymentRefusal {
  /** The sales rule's error code (`sold_out`, `sales_closed`, `promo_invalid`, `event_cancelled`, …). */
  code: string;
  message: string;
  refundId: string;
  /** `pending` when the provider refused at first: the refund job keeps paying it back. */
  refundStatus: RefundStatus;
}

/**
 * Money came in for an order that may not be sold: the order ends `cancelled` (or `expired`, when
 * its hold ran out), never `paid`; its hold, if it still had one, is released; the whole amount is
 * refunded through the provider (a durable refund, retried by the refund job until it is paid)
 * and the refusal is audited. The money is recorded as paid and paid back (`paid_at`,
 * `refunded_amount`), which also makes a redelivered payment a no-op. `delivery`, the provider
 * event that brought the payment, is marked handled in the same transaction.
 */
export async function refusePayment(
  deps: OrderDeps,
  orderId: string,
  providerRef: string | null,
  rule: DomainError,
  actorId: string | null,
  delivery?: ProviderEvent,
): Promise<{ order: OrderRow; outcome: 'refused' | 'already_paid' | 'duplicate'; refusal?: PaymentRefusal }> {
  const refundId = newId();
  const recorded = await deps.transact(async (tx) => {
    const read = () =>
      tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
    if (delivery && !(await markEventHandled(tx, deps.clock, delivery)))
      return { order: await read(), released: false, refused: false, duplicate: true };
    let order = await read();
    // Another delivery of this payment was recorded first (paid, or refused already).
    if (order.paid_at) return { order, released: false, refused: false };
    const now = deps.clock.now();
    const iso = now.toISOString();
    const expired = now >= new Date(order.expires_at);
    const released =
      order.status === 'pending' &&
      (await releaseHold(tx, deps.clock, order, expired ? 'expired' : 'cancelled', actorId));
    // A sweep or a cancellation closed it first: keep the status it gave.
    if (order.status === 'pending' && !released) order = await read();
    const status: OrderRow['status'] =
      order.status === 'expired' || (released && expired) ? 'expired' : 'cancelled';
    const refused: OrderRow = {
      ...order,
      status,
      paid_at: iso,
      refunded_amount: order.total,
      payment_ref: providerRef ?? order.payment_ref,
      closed_at: order.closed_at ?? iso,
      updated_at: iso,
    };
    const updated = await tx
      .updateTable('orders')
      .set({
        status,
        paid_at: iso,
        refunded_amount: order.total,
        payment_ref: refused.payment_ref,
        closed_at: refused.closed_at,
        updated_at: iso,
      })
      .where('id', '=', order.id)
      .where('paid_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { order, released: false, refused: false };
    await tx
      .insertInto('refunds')
      .values({
        id: refundId,
        order_id: order.id,
        amount: order.total,
        currency: order.currency,
        ticket_ids: '[]',
        status: order.total > 0 ? 'pending' : 'succeeded',
        reason: `Payment refused automatically: ${rule.message}`,
        provider_ref: null,
        requested_by: null,
        created_at: iso,
        ...firstAttemptState(now, order.total > 0),
      })
      .execute();
    await recordUnfilledSale(tx, refused);
    await writeAudit(tx, deps.clock, {
      actorId,
      action: 'order.payment_refused',
      targetType: 'order',
      targetId: order.id,
      details: {
        eventId: order.event_id,
        rule: rule.code,
        reason: rule.message,
        refundId,
        amount: order.total,
        currency: order.currency,
        from: order.status,
        to: status,
      },
    });
    return { order: refused, released, refused: true };
  });
  if (recorded.released) deps.afterCommit.eventChanged(recorded.order.event_id);
  if ('duplicate' in recorded) return { order: recorded.order, outcome: 'duplicate' };
  if (!recorded.refused) return { order: recorded.order, outcome: 'already_paid' };

  const refundStatus = recorded.order.total > 0 ? await payBackNow(deps, refundId) : 'succeeded';
  return {
    order: recorded.order,
    outcome: 'refused',
    refusal: { code: rule.code, message: rule.message, refundId, refundStatus },
  };
}
