import type { OrderDeps } from './order-deps';
import { cancelStartedPayment } from './payment-cancellation';
import { releaseHold } from './release-hold';

/**
 * Marks pending orders whose hold ran out as `expired` and frees their seats. Availability does
 * not wait for this (reads discount expired holds at once); the sweep keeps the counters tidy.
 * Each order is released in its own short transaction, and a payment started for it is cancelled.
 * Safe with any number of API processes sweeping at once: the release is conditional on the order
 * still being pending (`releaseHold`), so of concurrent sweeps exactly one expires each order and
 * writes its `order.expired` entry; the others wait for its commit on the row and skip it.
 * Reports the events this call changed; returns every event that had holds run out, released
 * here or by a concurrent sweep (by the time this returns, their seats are free either way).
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
    if (!released) continue; // expired (or paid, cancelled) by someone else meanwhile
    changed.add(order.event_id);
    // Not awaited: a sold-out placement sweeps on its request path and must not wait on Stripe.
    void cancelStartedPayment(deps.payments, order);
  }
  changed.forEach((id) => deps.afterCommit.eventChanged(id));
  return [...new Set(due.map((order) => order.event_id))];
}
