import type { CoreDeps } from '../shared/core-deps';
import { isUniqueViolation } from '../db/unique-violation';
import type { OrderDeps } from './order-deps';
import { releaseHold } from './release-hold';

/**
 * Remembers a provider event id. Returns false when it was seen before: a redelivered event is
 * then a no-op (the handlers are idempotent as well, so concurrent duplicates are safe too).
 */
export async function rememberWebhookEvent(deps: CoreDeps, id: string, type: string): Promise<boolean> {
  try {
    await deps.db
      .insertInto('webhook_events')
      .values({ id, type, received_at: deps.clock.now().toISOString() })
      .execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The provider says a payment failed: a still-pending order is closed and its seats return. */
export async function recordPaymentFailed(deps: OrderDeps, orderId: string): Promise<boolean> {
  const order = await deps.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!order || order.status !== 'pending') return false;
  const released = await deps.db
    .transaction()
    .execute((tx) => releaseHold(tx, deps.clock, order, 'failed', null));
  if (released) deps.afterCommit.eventChanged(order.event_id);
  return released;
}
