import type { CoreDeps } from '../shared/core-deps';
import type { OrderDeps } from './order-deps';
import { markEventHandled, type ProviderEvent } from './provider-events';
import { recordPaymentSucceeded } from './record-payment';
import { releaseHold } from './release-hold';

/**
 * Remembers a provider event that has no effect to record (an unknown type, no order). Returns
 * false when it was seen before.
 */
export async function rememberWebhookEvent(deps: CoreDeps, id: string, type: string): Promise<boolean> {
  return markEventHandled(deps.db, deps.clock, { id, type });
}

/**
 * The provider says a payment failed: a still-pending order is closed and its seats return.
 * `delivery` is marked handled in the same transaction. Returns whether a hold was released, or
 * `duplicate` when the delivery was handled before.
 */
export async function recordPaymentFailed(
  deps: OrderDeps,
  orderId: string,
  delivery?: ProviderEvent,
): Promise<boolean | 'duplicate'> {
  const outcome = await deps.db.transaction().execute(async (tx) => {
    if (delivery && !(await markEventHandled(tx, deps.clock, delivery))) return 'duplicate' as const;
    const order = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    if (!order || order.status !== 'pending') return null;
    return (await releaseHold(tx, deps.clock, order, 'failed', null)) ? order : null;
  });
  if (outcome === 'duplicate') return outcome;
  if (outcome) deps.afterCommit.eventChanged(outcome.event_id);
  return outcome !== null;
}

/** A payment event as the provider's webhook reports it, reduced to what the sale needs. */
export interface PaymentEvent extends ProviderEvent {
  kind: 'payment_succeeded' | 'payment_failed' | 'other';
  orderId: string | null;
  /** The provider's payment reference (a PaymentIntent id). */
  paymentRef: string | null;
  /** When the buyer started paying, if the provider says. */
  startedAt: Date | null;
}

/**
 * Handles one webhook delivery exactly once: its effect on the order and the marker that it was
 * handled commit together, so a delivery whose recording failed (an outage, a crash) leaves no
 * trace and its redelivery is recorded; a redelivery after success is a no-op (`duplicate`).
 * Events without an effect (other types, orders we do not know) are only remembered.
 */
export async function handlePaymentEvent(
  deps: OrderDeps,
  event: PaymentEvent,
): Promise<{ duplicate: boolean }> {
  const known =
    event.kind !== 'other' &&
    event.orderId !== null &&
    (await deps.db.selectFrom('orders').select('id').where('id', '=', event.orderId).executeTakeFirst()) !==
      undefined;
  const delivery = { id: event.id, type: event.type };
  if (!known || event.orderId === null)
    return { duplicate: !(await rememberWebhookEvent(deps, event.id, event.type)) };
  if (event.kind === 'payment_succeeded') {
    const { outcome } = await recordPaymentSucceeded(
      deps,
      event.orderId,
      { ref: event.paymentRef, startedAt: event.startedAt, delivery },
      null,
    );
    return { duplicate: outcome === 'duplicate' };
  }
  return { duplicate: (await recordPaymentFailed(deps, event.orderId, delivery)) === 'duplicate' };
}
