import { expireHolds } from '@eventhub/core';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeStripe } from './support/fake-stripe';
import { postStripeWebhook } from './support/stripe-webhook';
import {
  logIn,
  makePublishedEvent,
  placeOrderOk,
  signUp,
  type EventBody,
  type OrderBody,
  type SignedIn,
} from './support/factories';
import { orderDeps } from '../src/context';
import { availability, counters } from './support/order-probes';
import { bearer, describeEachEngine, type TestEnv } from './support/test-env';

// Every way an order becomes paid goes through one rule set: a payment that arrives after the
// order was closed (Stripe's webhook) is honoured only if the sale would be allowed now, and
// otherwise refunded automatically, leaving the order closed.

const WEBHOOK_SECRET = 'whsec_test_secret_for_late_payments';
const fake = await new FakeStripe().start();
const MINUTE = 60_000;

const webhook = (env: TestEnv, event: object) => postStripeWebhook(env, event, { secret: WEBHOOK_SECRET });

let eventCounter = 0;
function intentEvent(
  type: string,
  intentId: string,
  orderId: string,
  created?: Date,
): Record<string, unknown> {
  const intent: Record<string, unknown> = {
    id: intentId,
    object: 'payment_intent',
    metadata: { orderId },
  };
  if (created) intent.created = Math.floor(created.getTime() / 1000);
  return { id: `evt_late_${++eventCounter}_${orderId}`, object: 'event', type, data: { object: intent } };
}

type ClosedState = 'cancelled' | 'failed' | 'expired';
type Rule = 'promo uses' | 'promo window' | 'tier window' | 'event window' | 'unpublished' | 'cancelled';

const RULES: Rule[] = [
  'promo uses',
  'promo window',
  'tier window',
  'event window',
  'unpublished',
  'cancelled',
];
const STATES: ClosedState[] = ['cancelled', 'failed', 'expired'];

describeEachEngine(
  'late payments follow the sales rules',
  (env) => {
    afterAll(() => {
      expect(fake.unexpected).toEqual([]);
    });

    const db = () => env().ctx.db;
    const orderRow = (id: string) =>
      db().selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const ticketCount = async (id: string) =>
      (await db().selectFrom('tickets').select('id').where('order_id', '=', id).execute()).length;
    const promoUses = async (eventId: string) =>
      (
        await db()
          .selectFrom('promotions')
          .select('uses')
          .where('event_id', '=', eventId)
          .executeTakeFirstOrThrow()
      ).uses;
    const remaining = async (eventId: string) => (await availability(env(), eventId)).remaining;
    const refundCallsFor = (intentId: string) =>
      fake.calls.filter((c) => c.path === '/v1/refunds' && c.params.get('payment_intent') === intentId);

    /** An event whose promo code, tier and sales all close half an hour from now (holds last 15 minutes). */
    async function closingEvent(organizer: SignedIn): Promise<EventBody> {
      const closes = new Date(env().clock.now().getTime() + 30 * MINUTE).toISOString();
      return makePublishedEvent(env(), organizer, {
        capacity: 20,
        salesEnd: closes,
        ticketTypes: [{ name: 'GA', price: 40, limit: 20, salesEnd: closes }],
        promotions: [{ code: 'ONCE50', kind: 'percent', value: 50, maxUses: 1, validUntil: closes }],
      });
    }

    /** Places an order with the promo code and starts its Stripe payment. */
    async function startedOrder(buyer: SignedIn, event: EventBody) {
      const order = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }],
        promoCode: 'once50',
      });
      const pay = await env().app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/pay`,
        headers: bearer(buyer.accessToken),
        payload: {},
      });
      expect(pay.statusCode).toBe(200);
      const intentId = (await orderRow(order.id)).payment_ref!;
      expect(intentId).toMatch(/^pi_fake_/);
      return { order, intentId };
    }

    async function close(state: ClosedState, buyer: SignedIn, order: OrderBody, intentId: string) {
      if (state === 'cancelled') {
        const res = await env().app.inject({
          method: 'POST',
          url: `/api/orders/${order.id}/cancel`,
          headers: bearer(buyer.accessToken),
        });
        expect(res.statusCode).toBe(200);
      } else if (state === 'failed') {
        await webhook(env(), intentEvent('payment_intent.payment_failed', intentId, order.id));
      } else {
        env().clock.advance(16 * MINUTE);
        await expireHolds(orderDeps(env().ctx));
      }
      expect((await orderRow(order.id)).status).toBe(state);
    }

    async function breakRule(rule: Rule, organizer: SignedIn, event: EventBody) {
      const manage = async (verb: string) => {
        // A fresh login: the clock may have moved past the access token's lifetime.
        const { accessToken } = await logIn(env(), organizer.user.email, organizer.password);
        return env().app.inject({
          method: 'POST',
          url: `/api/events/${event.id}/${verb}`,
          headers: bearer(accessToken),
        });
      };
      if (rule === 'promo uses') {
        // Someone else redeems the code's only use while this order is closed.
        const other = await signUp(env());
        await startedOrder(other, event);
      } else if (rule === 'unpublished') {
        expect((await manage('unpublish')).statusCode).toBe(200);
      } else if (rule === 'cancelled') {
        expect((await manage('cancel')).statusCode).toBe(200);
      } else {
        // The promo code, the tier and the event's sales all closed at +30 minutes.
        env().clock.advance(31 * MINUTE);
      }
    }

    for (const state of STATES) {
      describe(`an order that is ${state}`, () => {
        for (const rule of RULES) {
          it(`is refunded, not paid, when it is paid after the ${rule} rule stopped the sale`, async () => {
            const organizer = await signUp(env(), { role: 'organizer' });
            const buyer = await signUp(env());
            const event = await closingEvent(organizer);
            const { order, intentId } = await startedOrder(buyer, event);
            await close(state, buyer, order, intentId);
            await breakRule(rule, organizer, event);
            const usesBefore = await promoUses(event.id);
            const remainingBefore = await remaining(event.id);

            const res = await webhook(env(), intentEvent('payment_intent.succeeded', intentId, order.id));
            expect(res.statusCode).toBe(200);

            const after = await orderRow(order.id);
            expect(after.status).toBe(state === 'expired' ? 'expired' : 'cancelled');
            expect(await ticketCount(order.id)).toBe(0);
            expect(await promoUses(event.id)).toBe(usesBefore);
            expect(await remaining(event.id)).toBe(remainingBefore);
            // The money went back, all of it, once, and the refusal is in the audit log.
            const calls = refundCallsFor(intentId);
            expect(calls).toHaveLength(1);
            expect(calls[0]!.params.get('amount')).toBe(String(after.total));
            const refunds = await db()
              .selectFrom('refunds')
              .selectAll()
              .where('order_id', '=', order.id)
              .execute();
            expect(refunds).toEqual([expect.objectContaining({ amount: after.total, status: 'succeeded' })]);
            const audit = await db()
              .selectFrom('audit_log')
              .selectAll()
              .where('target_id', '=', order.id)
              .where('action', '=', 'order.payment_refused')
              .execute();
            expect(audit).toHaveLength(1);

            // A redelivery of the same success with another event id refunds nothing more.
            await webhook(env(), intentEvent('payment_intent.succeeded', intentId, order.id));
            expect(refundCallsFor(intentId)).toHaveLength(1);
            expect((await orderRow(order.id)).status).toBe(after.status);
          });
        }

        it('is honoured when every rule still holds (the control case)', async () => {
          const organizer = await signUp(env(), { role: 'organizer' });
          const buyer = await signUp(env());
          const event = await closingEvent(organizer);
          const { order, intentId } = await startedOrder(buyer, event);
          await close(state, buyer, order, intentId);
          const res = await webhook(env(), intentEvent('payment_intent.succeeded', intentId, order.id));
          expect(res.statusCode).toBe(200);
          expect((await orderRow(order.id)).status).toBe('paid');
          expect(await ticketCount(order.id)).toBe(2);
          expect(await promoUses(event.id)).toBe(1);
          expect(refundCallsFor(intentId)).toHaveLength(0);
        });
      });
    }

    it('judges the windows as of placement for a payment that started before the hold ran out', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await closingEvent(organizer);
      const { order, intentId } = await startedOrder(buyer, event);
      const startedAt = env().clock.now();
      env().clock.advance(31 * MINUTE);
      await expireHolds(orderDeps(env().ctx));
      await webhook(env(), intentEvent('payment_intent.succeeded', intentId, order.id, startedAt));
      expect((await orderRow(order.id)).status).toBe('paid');
      expect(await ticketCount(order.id)).toBe(2);
    });

    it('refuses a payment on a still-pending order whose event was unpublished', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await closingEvent(organizer);
      const { order, intentId } = await startedOrder(buyer, event);
      const remainingHeld = await remaining(event.id);
      await breakRule('unpublished', organizer, event);
      await webhook(env(), intentEvent('payment_intent.succeeded', intentId, order.id));
      expect((await orderRow(order.id)).status).toBe('cancelled');
      expect(await ticketCount(order.id)).toBe(0);
      expect(refundCallsFor(intentId)).toHaveLength(1);
      // The hold went back to sale and so did the promo use.
      expect(await promoUses(event.id)).toBe(0);
      expect(await counters(env(), event.id)).toEqual({ held: 0, sold: 0 });
      expect(remainingHeld).toBe(18);
    });

    it('cancels the PaymentIntent when the buyer cancels the order', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await closingEvent(organizer);
      const { order, intentId } = await startedOrder(buyer, event);
      await close('cancelled', buyer, order, intentId);
      expect(fake.calls.some((c) => c.path === `/v1/payment_intents/${intentId}/cancel`)).toBe(true);
    });

    it('lets at most one of 20 concurrent late payments take a promo code’s last use', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer, {
        capacity: 100,
        ticketTypes: [{ name: 'GA', price: 40, limit: 100 }],
        promotions: [{ code: 'ONCE50', kind: 'percent', value: 50, maxUses: 1 }],
      });
      const closed: { order: OrderBody; intentId: string }[] = [];
      for (let i = 0; i < 20; i++) {
        const buyer = await signUp(env());
        const started = await startedOrder(buyer, event);
        await close('cancelled', buyer, started.order, started.intentId);
        closed.push(started);
      }
      expect(await promoUses(event.id)).toBe(0);
      const deliveries = await Promise.all(
        closed.map(({ order, intentId }) =>
          webhook(env(), intentEvent('payment_intent.succeeded', intentId, order.id)),
        ),
      );
      expect(deliveries.map((d) => d.statusCode)).toEqual(Array(20).fill(200));
      const statuses = await Promise.all(closed.map(({ order }) => orderRow(order.id)));
      expect(statuses.filter((o) => o.status === 'paid')).toHaveLength(1);
      expect(statuses.filter((o) => o.status === 'cancelled')).toHaveLength(19);
      expect(await promoUses(event.id)).toBe(1);
      const refunded = closed.filter(({ intentId }) => refundCallsFor(intentId).length === 1);
      expect(refunded).toHaveLength(19);
      expect(await counters(env(), event.id)).toEqual({ held: 0, sold: 2 });
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
