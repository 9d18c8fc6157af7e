import { afterAll, afterEach, expect, it, vi } from 'vitest';
import { FakeStripe } from './support/fake-stripe';
import { orderAwaitingStripe, postStripeWebhook } from './support/stripe-webhook';
import { describeEachEngine, json } from './support/test-env';

// Issue 14: a webhook whose payment could not be recorded must not be remembered as handled, or
// Stripe's redelivery is taken for a duplicate and the buyer paid for tickets never issued. The
// event is marked handled in the transaction that records its effect; a failure answers 503 so
// Stripe delivers it again.

const WEBHOOK_SECRET = 'whsec_test_secret_for_redelivery';
const fake = await new FakeStripe().start();

describeEachEngine(
  'Stripe webhooks: an event is handled once, and only once its effect is recorded',
  (env) => {
    afterAll(() => {
      expect(fake.unexpected).toEqual([]);
    });
    afterEach(() => vi.restoreAllMocks());

    const webhook = (event: object) => postStripeWebhook(env(), event, { secret: WEBHOOK_SECRET });
    const db = () => env().ctx.db;
    const orderRow = (id: string) =>
      db().selectFrom('orders').select(['status', 'paid_at']).where('id', '=', id).executeTakeFirstOrThrow();
    const ticketCount = async (id: string) =>
      (await db().selectFrom('tickets').select('id').where('order_id', '=', id).execute()).length;
    const handled = async (eventId: string) =>
      (await db().selectFrom('webhook_events').select('id').where('id', '=', eventId).execute()).length;
    const sold = async (eventId: string) =>
      await db()
        .selectFrom('events')
        .select(['sold', 'held'])
        .where('id', '=', eventId)
        .executeTakeFirstOrThrow();

    /** The expected 503 is the point of the test: take it off the suite's list of server errors. */
    function acceptRetryAnswer(): void {
      const errors = env().serverErrors;
      const index = errors.findIndex((e) => e.startsWith('POST /api/payments/stripe/webhook → 503'));
      expect(index, `a 503 from the webhook in ${JSON.stringify(errors)}`).toBeGreaterThanOrEqual(0);
      errors.splice(index, 1);
    }

    async function startedOrder(quantity: number) {
      const { event, order, started, intent } = await orderAwaitingStripe(env(), { price: 30, quantity });
      expect(started.statusCode).toBe(200);
      return { event, order, intent: intent! };
    }

    function intentEvent(id: string, type: string, intentId: string, orderId: string) {
      return {
        id,
        object: 'event',
        type,
        data: { object: { id: intentId, object: 'payment_intent', metadata: { orderId } } },
      };
    }

    it('answers 503 when recording the payment fails, and records it once on redelivery', async () => {
      const { event, order, intent } = await startedOrder(3);
      const delivery = intentEvent(`evt_fault_${order.id}`, 'payment_intent.succeeded', intent, order.id);

      // The fault: issuing the tickets fails once, halfway through the recording transaction
      // (the order row is already marked paid and its seats moved by then).
      const sign = vi
        .spyOn(env().ctx.ticketKeys, 'sign')
        .mockRejectedValueOnce(new Error('connection lost while issuing tickets'));
      const first = await webhook(delivery);
      expect(first.statusCode).toBe(503);
      expect(json(first).code).toBe('webhook_retry');
      expect(first.headers['retry-after']).toBeDefined();
      acceptRetryAnswer();
      expect(sign).toHaveBeenCalled();
      // Nothing of it was kept: no marker, the order still pending, its seats still held.
      expect(await handled(delivery.id)).toBe(0);
      expect((await orderRow(order.id)).status).toBe('pending');
      expect(await ticketCount(order.id)).toBe(0);
      expect(await sold(event.id)).toEqual({ sold: 0, held: 3 });

      // Stripe delivers it again: recorded, tickets issued.
      const second = await webhook(delivery);
      expect(second.statusCode).toBe(200);
      expect(json(second)).toEqual({ received: true });
      expect((await orderRow(order.id)).status).toBe('paid');
      expect(await ticketCount(order.id)).toBe(3);
      expect(await sold(event.id)).toEqual({ sold: 3, held: 0 });

      // And once more: a duplicate, nothing issued twice.
      const third = await webhook(delivery);
      expect(third.statusCode).toBe(200);
      expect(json(third)).toEqual({ received: true, duplicate: true });
      expect(await ticketCount(order.id)).toBe(3);
      expect(await handled(delivery.id)).toBe(1);
      const paidEntries = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', order.id)
        .where('action', '=', 'order.paid')
        .execute();
      expect(paidEntries).toHaveLength(1);
    });

    it('keeps no marker for a failure report that could not be recorded either', async () => {
      const { event, order, intent } = await startedOrder(2);
      const delivery = intentEvent(
        `evt_failfault_${order.id}`,
        'payment_intent.payment_failed',
        intent,
        order.id,
      );
      // The transaction that would release the hold cannot be opened, once (the database went away).
      // Only that transaction fails: background jobs open theirs on the same database meanwhile.
      const database = env().ctx.db;
      const openTransaction = database.transaction.bind(database);
      let faults = 1;
      const spy = vi.spyOn(database, 'transaction').mockImplementation(() => {
        if (faults > 0 && new Error().stack?.includes('recordPaymentFailed')) {
          faults -= 1;
          throw new Error('database went away');
        }
        return openTransaction();
      });
      const first = await webhook(delivery);
      expect(first.statusCode).toBe(503);
      acceptRetryAnswer();
      spy.mockRestore();
      expect(faults).toBe(0);
      expect(await handled(delivery.id)).toBe(0);
      expect((await orderRow(order.id)).status).toBe('pending');

      const second = await webhook(delivery);
      expect(json(second)).toEqual({ received: true });
      expect((await orderRow(order.id)).status).toBe('failed');
      expect(await sold(event.id)).toEqual({ sold: 0, held: 0 });
      expect(json(await webhook(delivery))).toEqual({ received: true, duplicate: true });
    });

    it('remembers an event without an effect once', async () => {
      const delivery = {
        id: `evt_other_${Date.now()}`,
        object: 'event',
        type: 'charge.updated',
        data: { object: {} },
      };
      expect(json(await webhook(delivery))).toEqual({ received: true });
      expect(json(await webhook(delivery))).toEqual({ received: true, duplicate: true });
      expect(await handled(delivery.id)).toBe(1);
    });
  },
  {
    env: {
      STRIPE_SECRET_KEY: 'sk_test_eventhub_fake',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: fake.url,
    },
  },
);
