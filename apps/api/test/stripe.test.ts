import { afterAll, expect, it } from 'vitest';
import { FakeStripe } from './support/fake-stripe';
import { orderAwaitingStripe, postStripeWebhook } from './support/stripe-webhook';
import type { OrderBody } from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

const WEBHOOK_SECRET = 'whsec_test_secret_for_eventhub';
const fake = await new FakeStripe().start();
function webhook(
  env: TestEnv,
  event: object,
  options: { timestamp?: number; body?: string; secret?: string } = {},
) {
  return postStripeWebhook(env, event, { ...options, secret: options.secret ?? WEBHOOK_SECRET });
}

function intentEvent(id: string, type: string, intentId: string, orderId: string) {
  return {
    id,
    object: 'event',
    type,
    data: { object: { id: intentId, object: 'payment_intent', metadata: { orderId } } },
  };
}

describeEachEngine(
  'Stripe payments against a loopback fake',
  (env) => {
    afterAll(() => {
      expect(fake.unexpected).toEqual([]);
    });

    async function pendingOrder(quantity = 2) {
      const { organizer, buyer, event, order, started } = await orderAwaitingStripe(env(), {
        price: 12.5,
        quantity,
      });
      return {
        organizer,
        buyer,
        event,
        order,
        pay: json<OrderBody & { payment: { clientSecret?: string } }>(started),
      };
    }

    const orderStatus = async (id: string) =>
      await env()
        .ctx.db.selectFrom('orders')
        .select(['status', 'payment_ref'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const ticketCount = async (id: string) =>
      (await env().ctx.db.selectFrom('tickets').select('id').where('order_id', '=', id).execute()).length;

    it('creates one PaymentIntent per order (idempotency key) and returns its client secret', async () => {
      const { buyer, order, pay } = await pendingOrder();
      expect(pay.status).toBe('pending');
      expect(pay.payment.clientSecret).toMatch(/^pi_fake_\d+_secret_/);
      const again = json<{ payment: { clientSecret: string } }>(
        await env().app.inject({
          method: 'POST',
          url: `/api/orders/${order.id}/pay`,
          headers: bearer(buyer.accessToken),
          payload: {},
        }),
      );
      expect(again.payment.clientSecret).toBe(pay.payment.clientSecret);
      const created = fake.calls.filter(
        (c) => c.path === '/v1/payment_intents' && c.idempotencyKey === `order-${order.id}`,
      );
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(created[0]!.params.get('amount')).toBe('2500');
      expect(created[0]!.params.get('currency')).toBe('usd');
      expect(created[0]!.params.get('metadata[orderId]')).toBe(order.id);
    });

    it('refuses a bad signature, a stale timestamp and a tampered body with 400, changing nothing', async () => {
      const { order } = await pendingOrder();
      const { payment_ref } = await orderStatus(order.id);
      const event = intentEvent(`evt_bad_${order.id}`, 'payment_intent.succeeded', payment_ref!, order.id);
      const wrongSecret = await webhook(env(), event, { secret: 'whsec_someone_else' });
      const stale = await webhook(env(), event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
      const tampered = await webhook(env(), event, {
        body: JSON.stringify({
          ...event,
          data: { object: { ...event.data.object, metadata: { orderId: 'other' } } },
        }),
      });
      const unsigned = await env().app.inject({
        method: 'POST',
        url: '/api/payments/stripe/webhook',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(event),
      });
      for (const res of [wrongSecret, stale, tampered, unsigned]) {
        expect(res.statusCode).toBe(400);
        expect(json(res).code).toBe('invalid_signature');
      }
      expect((await orderStatus(order.id)).status).toBe('pending');
      expect(await ticketCount(order.id)).toBe(0);
    });

    it('marks the order paid once, even when the same event arrives 20 times at once', async () => {
      const { order } = await pendingOrder(3);
      const { payment_ref } = await orderStatus(order.id);
      const event = intentEvent(`evt_ok_${order.id}`, 'payment_intent.succeeded', payment_ref!, order.id);
      const deliveries = await Promise.all(Array.from({ length: 20 }, () => webhook(env(), event)));
      expect(deliveries.map((d) => d.statusCode)).toEqual(Array(20).fill(200));
      expect((await orderStatus(order.id)).status).toBe('paid');
      expect(await ticketCount(order.id)).toBe(3);
      // A later redelivery is a no-op too.
      expect(json(await webhook(env(), event))).toEqual({ received: true, duplicate: true });
      expect(await ticketCount(order.id)).toBe(3);
    });

    it('tolerates out-of-order delivery: a success after a failure is honoured while seats remain', async () => {
      const { order } = await pendingOrder();
      const { payment_ref } = await orderStatus(order.id);
      await webhook(
        env(),
        intentEvent(`evt_fail_${order.id}`, 'payment_intent.payment_failed', payment_ref!, order.id),
      );
      expect((await orderStatus(order.id)).status).toBe('failed');
      await webhook(
        env(),
        intentEvent(`evt_late_${order.id}`, 'payment_intent.succeeded', payment_ref!, order.id),
      );
      expect((await orderStatus(order.id)).status).toBe('paid');
      expect(await ticketCount(order.id)).toBe(2);
      // And a failure arriving after the success changes nothing.
      await webhook(
        env(),
        intentEvent(`evt_fail2_${order.id}`, 'payment_intent.payment_failed', payment_ref!, order.id),
      );
      expect((await orderStatus(order.id)).status).toBe('paid');
    });

    it('refunds through Stripe with the refund id as idempotency key', async () => {
      const { organizer, order } = await pendingOrder();
      const { payment_ref } = await orderStatus(order.id);
      await webhook(
        env(),
        intentEvent(`evt_paid_${order.id}`, 'payment_intent.succeeded', payment_ref!, order.id),
      );
      const res = await env().app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/refunds`,
        headers: bearer(organizer.accessToken),
        payload: {},
      });
      expect(res.statusCode).toBe(201);
      const refund = json<{ id: string; amount: number; status: string }>(res);
      expect(refund).toMatchObject({ amount: 25, status: 'succeeded' });
      const call = fake.calls.find(
        (c) => c.path === '/v1/refunds' && c.idempotencyKey === `refund-${refund.id}`,
      );
      expect(call?.params.get('payment_intent')).toBe(payment_ref);
      expect(call?.params.get('amount')).toBe('2500');
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
