import type { Tx } from '../db/database';
import type { OrderRow } from '../db/schema';
import { DomainError, NotFoundError } from '../shared/errors';
import { moveSeats, SoldOutError, takeSeatsAsSold } from './inventory';
import { orderSeats } from './order-access';
import { markEventHandled, type ProviderEvent } from './provider-events';
import type { OrderDeps } from './order-deps';
import { redeemPromoUse } from './promo-uses';
import { refusePayment, type PaymentRefusal } from './refuse-payment';
import { assertSaleAllowed, loadSale } from './sale-rules';
import { settlePaidOrder } from './settle-payment';

/** `duplicate`: the provider event that reported the payment was handled before. */
export type PaymentOutcome = 'paid' | 'already_paid' | 'paid_late' | 'refused' | 'duplicate';

/** A payment a provider reports as received. */
export interface ReceivedPayment {
  /** The provider's reference (a PaymentIntent id). */
  ref: string | null;
  /** When the buyer started paying, if the provider says (Stripe: the PaymentIntent's creation). */
  startedAt?: Date | null;
  /** The provider event that reported it (webhook): marked handled with the payment, atomically. */
  delivery?: ProviderEvent;
}

/** A sale rule failed while the payment was being taken; its transaction rolls back. */
class SaleRefused extends Error {
  constructor(readonly rule: DomainError) {
    super(rule.message);
  }
}

// Attempts at the conditional status change before giving up: each failure means another writer
// (a sweep, a cancellation) changed the order in between, which happens at most a couple of times.
const TRANSITION_ATTEMPTS = 3;

/**
 * A provider reports that an order's payment succeeded (test provider, Stripe webhook). The order
 * becomes `paid` only if the sale is allowed (`sale-rules.ts`), checked here whatever the path:
 * while the hold is live, and for a late payment on a cancelled, failed or expired order, which
 * must also take its seats and promo use again, atomically. Otherwise the order stays closed and
 * the money is refunded automatically (`refuse-payment.ts`). Safe to call any number of times,
 * concurrently too: the transition out of a state is one conditional UPDATE. A webhook's
 * `payment.delivery` is marked handled in the transaction that records the payment.
 */
export async function recordPaymentSucceeded(
  deps: OrderDeps,
  orderId: string,
  payment: ReceivedPayment,
  actorId: string | null,
): Promise<{ order: OrderRow; outcome: PaymentOutcome; refusal?: PaymentRefusal }> {
  const result = await deps
    .transact((tx) => takePayment(tx, deps, orderId, payment, actorId))
    .catch((error: unknown) => {
      if (error instanceof SaleRefused) return error;
      throw error;
    });
  if (result instanceof SaleRefused)
    return refusePayment(deps, orderId, payment.ref, result.rule, actorId, payment.delivery);
  if (result.outcome === 'paid' || result.outcome === 'paid_late') {
    deps.afterCommit.eventChanged(result.order.event_id);
    deps.afterCommit.mailQueued();
  }
  return result;
}

async function takePayment(
  tx: Tx,
  deps: OrderDeps,
  orderId: string,
  payment: ReceivedPayment,
  actorId: string | null,
): Promise<{ order: OrderRow; outcome: PaymentOutcome }> {
  // First: a concurrent delivery of the same event waits here for this one's outcome.
  if (payment.delivery && !(await markEventHandled(tx, deps.clock, payment.delivery))) {
    const order = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    if (!order) throw new NotFoundError('Order');
    return { order, outcome: 'duplicate' };
  }
  for (let attempt = 1; ; attempt++) {
    const order = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    if (!order) throw new NotFoundError('Order');
    if (order.paid_at) return { order, outcome: 'already_paid' };
    const now = deps.clock.now();
    const iso = now.toISOString();
    // First, so two payments of one order take turns on its row.
    const moved = await tx
      .updateTable('orders')
      .set({
        status: 'paid',
        paid_at: iso,
        updated_at: iso,
        closed_at: null,
        payment_ref: payment.ref ?? order.payment_ref,
      })
      .where('id', '=', order.id)
      .where('status', '=', order.status)
      .where('paid_at', 'is', null)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      if (attempt < TRANSITION_ATTEMPTS) continue;
      throw new Error(`order ${order.id} kept changing while its payment was recorded`);
    }

    const seats = await orderSeats(tx, order.id);
    const held = order.status === 'pending';
    if (held) {
      await moveSeats(tx, order.event_id, seats, { held: -1, sold: 1 });
    } else {
      // The hold is gone: the seats and the promo use must be free again, taken conditionally.
      if (!(await takeSeatsAsSold(tx, order.event_id, seats))) throw new SaleRefused(new SoldOutError());
      if (order.promotion_id) await refuseOnRule(() => redeemPromoUse(tx, order.promotion_id!));
    }
    // Read after the event row was locked by the seat update: an event cancelled or unpublished
    // concurrently is either seen here or waits for this commit (and then refunds this order).
    const sale = await loadSale(
      tx,
      order.event_id,
      seats,
      order.promotion_id ? { id: order.promotion_id } : null,
    );
    const startedInTime = (payment.startedAt ?? now) < new Date(order.expires_at);
    await refuseOnRule(async () =>
      assertSaleAllowed(sale, seats, {
        now,
        windowsAt: startedInTime ? new Date(order.created_at) : now,
        promoUseCounted: true,
      }),
    );
    const paid: OrderRow = { ...order, status: 'paid', paid_at: iso, updated_at: iso, closed_at: null };
    await settlePaidOrder(tx, deps, paid, held ? 'order.paid' : 'order.paid_late', actorId);
    return { order: paid, outcome: held ? 'paid' : 'paid_late' };
  }
}

async function refuseOnRule(check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (error instanceof DomainError) throw new SaleRefused(error);
    throw error;
  }
}
