import type { Actor, RequestMeta } from '../identity/actor';
import { ConflictError, NotFoundError } from '../shared/errors';
import { findOrderFor } from './order-access';
import type { OrderDeps } from './order-deps';
import { loadOrderView, type OrderView } from './order-view';
import { recordPaymentSucceeded } from './record-payment';
import { releaseHold } from './release-hold';

/**
 * The buyer pays. With the test provider the outcome is chosen by the caller (the offline demo
 * and tests); with Stripe this starts a PaymentIntent and returns its client secret, and the
 * webhook later marks the order paid.
 */
export async function payOrder(
  deps: OrderDeps,
  actor: Actor,
  orderId: string,
  input: { outcome?: 'succeeded' | 'failed' },
  meta: RequestMeta,
): Promise<OrderView> {
  const { order, role } = await findOrderFor(deps.db, actor, orderId);
  if (role !== 'buyer') throw new NotFoundError('Order');
  if (order.paid_at) throw new ConflictError('order_already_paid', 'This order is already paid');
  if (order.status === 'pending' && order.total === 0)
    throw new ConflictError('order_already_paid', 'Nothing to pay');

  if (deps.payments.name !== 'test') {
    if (order.status !== 'pending')
      throw new ConflictError('order_not_pending', `The order is ${order.status}`);
    const started = await deps.payments.startPayment(order);
    if (started.ref)
      await deps.db
        .updateTable('orders')
        .set({ payment_ref: started.ref })
        .where('id', '=', order.id)
        .execute();
    return loadOrderView(deps.db, order, started.clientSecret ? { clientSecret: started.clientSecret } : {});
  }

  if (input.outcome === 'failed') {
    const released = await deps.db
      .transaction()
      .execute((tx) => releaseHold(tx, deps.clock, order, 'failed', actor.userId, meta.ip));
    if (!released) throw new ConflictError('order_not_pending', `The order is ${order.status}`);
    deps.onAvailabilityChanged?.(order.event_id);
  } else {
    await recordPaymentSucceeded(deps, order.id, `test_pay_${order.id}`, actor.userId);
  }
  const current = await deps.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  return loadOrderView(deps.db, current, { withTickets: true });
}
