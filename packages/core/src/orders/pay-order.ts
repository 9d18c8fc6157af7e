import type { OrderRow } from '../db/schema';
import type { RequestMeta } from '../shared/actor';
import { ConflictError, NotFoundError } from '../shared/errors';
import { callerUserId, findOrderFor, type OrderCaller } from './order-access';
import type { OrderDeps } from './order-deps';
import { loadOrderView, type OrderView } from './order-view';
import { cancelStartedPayment } from './payment-cancellation';
import { recordPaymentSucceeded } from './record-payment';
import { releaseHold } from './release-hold';

const notPayable = (message: string, extra: Record<string, unknown> = {}) =>
  new ConflictError('order_not_payable', message, extra);

/**
 * Only a pending order whose hold is still live can be paid. One whose hold ran out but was not
 * swept yet is expired here, so the answer does not depend on when the sweep last ran.
 */
async function assertPayable(deps: OrderDeps, order: OrderRow, actorId: string | null, ip: string | null) {
  if (order.paid_at) throw new ConflictError('order_already_paid', 'This order is already paid');
  if (order.status !== 'pending') throw notPayable(`The order is ${order.status} and can no longer be paid`);
  if (order.total === 0) throw new ConflictError('order_already_paid', 'Nothing to pay');
  if (deps.clock.now() >= new Date(order.expires_at)) {
    const released = await deps.db
      .transaction()
      .execute((tx) => releaseHold(tx, deps.clock, order, 'expired', actorId, ip));
    if (released) {
      deps.afterCommit.eventChanged(order.event_id);
      await cancelStartedPayment(deps.payments, order);
    }
    throw notPayable('The hold on these tickets ran out; place a new order');
  }
}

/**
 * The buyer pays. With the test provider the outcome is chosen by the caller (the offline demo
 * and tests); with Stripe this starts a PaymentIntent and returns its client secret, and the
 * webhook later marks the order paid. Either way the order becomes paid only through
 * `recordPaymentSucceeded`, which applies the sales rules.
 */
export async function payOrder(
  deps: OrderDeps,
  caller: OrderCaller,
  orderId: string,
  input: { outcome?: 'succeeded' | 'failed' },
  meta: RequestMeta,
): Promise<OrderView> {
  const { order, role } = await findOrderFor(deps.db, caller, orderId);
  if (role !== 'buyer') throw new NotFoundError('Order');
  const actorId = callerUserId(caller);
  await assertPayable(deps, order, actorId, meta.ip);

  if (deps.payments.name !== 'test') {
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
      .execute((tx) => releaseHold(tx, deps.clock, order, 'failed', actorId, meta.ip));
    if (!released) throw notPayable('The order is no longer pending');
    deps.afterCommit.eventChanged(order.event_id);
  } else {
    const { refusal } = await recordPaymentSucceeded(
      deps,
      order.id,
      { ref: `test_pay_${order.id}` },
      actorId,
    );
    if (refusal) {
      throw notPayable(`${refusal.message}; the payment was refunded and the order closed`, {
        reason: refusal.code,
      });
    }
  }
  const current = await deps.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  return loadOrderView(deps.db, current, { withTickets: true });
}
