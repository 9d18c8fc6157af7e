import type { RequestMeta } from '../shared/actor';
import { ConflictError, NotFoundError } from '../shared/errors';
import { callerUserId, findOrderFor, type OrderCaller } from './order-access';
import type { OrderDeps } from './order-deps';
import { loadOrderView, type OrderView } from './order-view';
import { cancelStartedPayment } from './payment-cancellation';
import { releaseHold } from './release-hold';

/** The buyer drops a pending order; its seats and promo use return at once. */
export async function cancelOrder(
  deps: OrderDeps,
  caller: OrderCaller,
  orderId: string,
  meta: RequestMeta,
): Promise<OrderView> {
  const { order, role } = await findOrderFor(deps.db, caller, orderId);
  if (role !== 'buyer') throw new NotFoundError('Order');
  const released = await deps.db
    .transaction()
    .execute((tx) => releaseHold(tx, deps.clock, order, 'cancelled', callerUserId(caller), meta.ip));
  if (!released)
    throw new ConflictError(
      'order_not_pending',
      `Only a pending order can be cancelled; this one is ${order.status}`,
    );
  deps.afterCommit.eventChanged(order.event_id);
  await cancelStartedPayment(deps.payments, order);
  const current = await deps.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  return loadOrderView(deps.db, current);
}
