import Stripe from 'stripe';
import { makePublishedEvent, placeOrderOk, signUp, type SignedIn } from './factories';
import { bearer, type TestEnv } from './test-env';

const signer = new Stripe('sk_test_unused');

/** Posts `event` to the webhook route the way Stripe does: JSON body, signed header. */
export function postStripeWebhook(
  env: TestEnv,
  event: object,
  options: { secret: string; timestamp?: number; body?: string },
) {
  const payload = JSON.stringify(event);
  const header = signer.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  return env.app.inject({
    method: 'POST',
    url: '/api/payments/stripe/webhook',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    payload: options.body ?? payload,
  });
}

/**
 * An organizer's event (ten seats at `price`) and a buyer's order of `quantity`, whose payment the
 * buyer has started through POST /api/orders/:id/pay: `started` is that answer and `intent` the
 * PaymentIntent the order records, for the webhooks a test then sends about it.
 */
export async function orderAwaitingStripe(
  env: TestEnv,
  options: { price: number; quantity: number; organizer?: SignedIn },
) {
  const organizer = options.organizer ?? (await signUp(env, { role: 'organizer' }));
  const buyer = await signUp(env);
  const event = await makePublishedEvent(env, organizer, {
    capacity: 10,
    ticketTypes: [{ name: 'GA', price: options.price, limit: 10 }],
  });
  const order = await placeOrderOk(env, buyer, {
    eventId: event.id,
    items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: options.quantity }],
  });
  const started = await env.app.inject({
    method: 'POST',
    url: `/api/orders/${order.id}/pay`,
    headers: bearer(buyer.accessToken),
    payload: {},
  });
  const { payment_ref: intent } = await env.ctx.db
    .selectFrom('orders')
    .select('payment_ref')
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  return { organizer, buyer, event, order, started, intent };
}
