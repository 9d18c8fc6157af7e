import { DomainError, handlePaymentEvent, ValidationError, type OrderDeps } from '@eventhub/core';
import type Stripe from 'stripe';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { problem, sendProblem } from '../plugins/problem';
import { errors } from '../schemas/common';
import type { TypedApp } from '../typed-app';

// Stripe's recommended tolerance: a signature older than five minutes is refused (replays).
const TOLERANCE_SECONDS = 300;

/**
 * POST /api/payments/stripe/webhook: the signature is checked on the exact raw bytes Stripe sent;
 * each event id is handled once, marked handled in the transaction that records its effect, so a
 * delivery that could not be recorded answers 503 and its redelivery is handled; events may arrive
 * in any order (a success after a failure is treated as a late payment, honoured only if the sales
 * rules allow it and refunded otherwise).
 */
export async function stripeWebhookRoutes(
  app: TypedApp,
  { orders, stripe, secret }: { ctx: AppContext; orders: OrderDeps; stripe: Stripe; secret: string },
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
        description:
          '503 `webhook_retry` when the event could not be recorded (nothing of it was kept): Stripe delivers it again.',
        response: {
          200: Type.Object({ received: Type.Boolean(), duplicate: Type.Optional(Type.Boolean()) }),
          ...errors(400, 503),
        },
      },
    },
    async (request, reply) => {
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
      const intent = event.data.object as {
        id?: string;
        created?: number;
        metadata?: Record<string, string>;
      };
      const kind =
        event.type === 'payment_intent.succeeded'
          ? 'payment_succeeded'
          : event.type === 'payment_intent.payment_failed'
            ? 'payment_failed'
            : 'other';
      try {
        const { duplicate } = await handlePaymentEvent(orders, {
          id: event.id,
          type: event.type,
          kind,
          orderId: intent.metadata?.orderId ?? null,
          paymentRef: intent.id ?? null,
          // When the intent was created tells whether the buyer started paying before the hold ran out.
          startedAt: typeof intent.created === 'number' ? new Date(intent.created * 1000) : null,
        });
        return duplicate ? { received: true, duplicate: true } : { received: true };
      } catch (error) {
        if (error instanceof DomainError) throw error;
        // Nothing of this delivery was kept (its marker commits with its effect): Stripe retries
        // on any 5xx, and the redelivery records it.
        request.log.error({ err: error, stripeEvent: event.id }, 'webhook not recorded; Stripe will retry');
        return sendProblem(
          reply.header('retry-after', '60'),
          problem(503, 'webhook_retry', 'The event could not be recorded now; deliver it again'),
        );
      }
    },
  );
}
