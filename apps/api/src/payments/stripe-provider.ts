import { createRequire } from 'node:module';
import type { PaymentProvider } from '@eventhub/core';
import type Stripe from 'stripe';

// The SDK (hundreds of modules, ~6 MB resident) loads only when a Stripe key is configured, and
// synchronously, as the context is built synchronously.
const require = createRequire(import.meta.url);

export interface StripeSettings {
  secretKey: string;
  /** Tests point the SDK at a loopback fake; production leaves these unset. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

export function createStripeClient(settings: StripeSettings): Stripe {
  const StripeSdk = require('stripe') as typeof Stripe;
  return new StripeSdk(settings.secretKey, {
    telemetry: false,
    maxNetworkRetries: 2,
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.port ? { port: settings.port } : {}),
    ...(settings.protocol ? { protocol: settings.protocol } : {}),
  });
}

/**
 * Stripe through its official SDK: one PaymentIntent per order (the order id is the idempotency
 * key, so a retried "pay" never creates a second charge), refunds keyed by our refund id.
 * The order is marked paid by the signed webhook, never by the browser.
 */
export function stripePaymentProvider(stripe: Stripe): PaymentProvider {
  return {
    name: 'stripe',
    async startPayment(order) {
      const intent = await stripe.paymentIntents.create(
        {
          amount: order.total,
          currency: order.currency.toLowerCase(),
          metadata: { orderId: order.id, eventId: order.event_id },
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: `order-${order.id}` },
      );
      return { ref: intent.id, clientSecret: intent.client_secret ?? undefined };
    },
    async refund(order, amount, idempotencyKey) {
      if (!order.payment_ref) throw new Error(`order ${order.id} has no PaymentIntent to refund`);
      const refund = await stripe.refunds.create(
        { payment_intent: order.payment_ref, amount, metadata: { orderId: order.id } },
        { idempotencyKey: `refund-${idempotencyKey}` },
      );
      return { ref: refund.id };
    },
    async cancelPayment(order) {
      if (!order.payment_ref) return;
      // Stripe refuses to cancel an intent that already succeeded; its webhook then brings the
      // payment in late, where the sales rules decide.
      await stripe.paymentIntents.cancel(
        order.payment_ref,
        { cancellation_reason: 'abandoned' },
        { idempotencyKey: `cancel-${order.id}` },
      );
    },
  };
}
