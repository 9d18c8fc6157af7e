import {
  recordPaymentFailed,
  recordPaymentSucceeded,
  rememberWebhookEvent,
  ValidationError,
  type OrderDeps,
} from '@eventhub/core';
import type Stripe from 'stripe';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { errors } from '../schemas/common';
import type { TypedApp } from '../typed-app';

// Stripe's recommended tolerance: a signature older than five minutes is refused (replays).
const TOLERANCE_SECONDS = 300;

/**
 * POST /api/payments/stripe/webhook: the signature is checked on the exact raw bytes Stripe sent;
 * each event id is handled once; events may arrive in any order (a success after a failure is
 * treated as a late payment, honoured only if the sales rules allow it and refunded otherwise).
 */
export async function stripeWebhookRoutes(
  app: TypedApp,
  { ctx, orders, stripe, secret }: { ctx: AppContext; orders: OrderDeps; stripe: Stripe; secret: string },
) {
  // This plugin's scope keeps JSON bodies as raw bytes: re-serialised JSON would not match the signature.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/payments/stripe/webhook',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['payments'],
        summary: 'Stripe webhook (signature-verified on the raw body; each event handled once)',
        response: {
          200: Type.Object({ received: Type.Boolean(), duplicate: Type.Optional(Type.Boolean()) }),
          ...errors(400),
        },
      },
    },
    async (request) => {
      const signature = request.headers['stripe-signature'];
      let event: Stripe.Event;
      try {
        if (typeof signature !== 'string' || !Buffer.isBuffer(request.body))
          throw new Error('missing signature or body');
        event = stripe.webhooks.constructEvent(request.body, signature, secret, TOLERANCE_SECONDS);
      } catch {
        throw new ValidationError(
          [{ field: 'Stripe-Signature', message: 'signature is invalid or too old' }],
          'invalid_signature',
        );
      }
      if (!(await rememberWebhookEvent(ctx, event.id, event.type)))
        return { received: true, duplicate: true };

      const intent = event.data.object as {
        id?: string;
        created?: number;
        metadata?: Record<string, string>;
      };
      const orderId = intent.metadata?.orderId;
      if (orderId) {
        if (event.type === 'payment_intent.succeeded') {
          // When the intent was created tells whether the buyer started paying before the hold ran out.
          const startedAt = typeof intent.created === 'number' ? new Date(intent.created * 1000) : null;
          await recordPaymentSucceeded(orders, orderId, { ref: intent.id ?? null, startedAt }, null);
        }
        if (event.type === 'payment_intent.payment_failed') await recordPaymentFailed(orders, orderId);
      }
      return { received: true };
    },
  );
}
