import { cancelEvent } from '../events/event-lifecycle';
import type { EventView } from '../events/event-view';
import type { Actor, RequestMeta } from '../shared/actor';
import { ConflictError } from '../shared/errors';
import type { OrderDeps } from './order-deps';
import { cancelStartedPayment } from './payment-cancellation';
import { refundTickets } from './refund-order';
import { releaseHold } from './release-hold';

/**
 * Cancels an event and settles its orders: every paid order is refunded in full (what is left of
 * it), every pending hold is released. Safe to run again: it only touches what is still open.
 */
export async function cancelEventWithRefunds(
  deps: OrderDeps,
  actor: Actor,
  eventId: string,
  meta: RequestMeta,
): Promise<EventView> {
  const view = await cancelEvent(deps, actor, eventId, meta);
  const open = await deps.db
    .selectFrom('orders')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', 'in', ['pending', 'paid', 'partially_refunded'])
    .execute();
  for (const order of open) {
    if (order.status === 'pending') {
      const released = await deps.db
        .transaction()
        .execute((tx) => releaseHold(tx, deps.clock, order, 'cancelled', actor.userId, meta.ip));
      if (released) await cancelStartedPayment(deps.payments, order);
    } else {
      // A refund racing this one may already have settled the order; that is fine.
      await refundTickets(deps, actor.userId, order, { reason: 'Event cancelled' }, meta).catch(
        (error: unknown) => {
          if (!(error instanceof ConflictError)) throw error;
        },
      );
    }
  }
  deps.afterCommit.eventChanged(eventId);
  return view;
}
