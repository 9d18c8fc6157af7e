import type { OrderDeps } from './order-deps';
import { cancelStartedPayment } from './payment-cancellation';
import { releaseHold } from './release-hold';

/**
 * Marks pending orders whose hold ran out as `expired` and frees their seats. Availability does
 * not wait for this (reads discount expired holds at once); the sweep keeps the counters tidy.
 * Each order is released in its own short transaction, and a payment started for it is cancelled.
 * Reports and returns the events that changed.
 */
export async function expireHolds(deps: OrderDeps, eventId?: string, limit = 500): Promise<string[]> {
  let query = deps.db
    .selectFrom('orders')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '<=', deps.clock.now().toISOString());
  if (eventId) query = query.where('event_id', '=', eventId);
  const due = await query.orderBy('expires_at').limit(limit).execute();
  const changed = new Set<string>();
  for (const order of due) {
    const released = await deps.db
      .transaction()
      .execute((tx) => releaseHold(tx, deps.clock, order, 'expired', null));
    if (!released) continue;
    changed.add(order.event_id);
    // Not awaited: a sold-out placement sweeps on its request path and must not wait on Stripe.
    void cancelStartedPayment(deps.payments, order);
  }
  changed.forEach((id) => deps.afterCommit.eventChanged(id));
  return [...changed];
}
