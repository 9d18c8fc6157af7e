import Stripe from 'stripe';
import type { TestEnv } from './test-env';

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
