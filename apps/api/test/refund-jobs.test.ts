import { deliverRefunds, refundOrder, type Actor, type Db, type RefundEntry } from '@eventhub/core';
import {
  TableNode,
  UpdateQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
} from 'kysely';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { orderDeps } from '../src/context';
import { FakeStripe } from './support/fake-stripe';
import {
  logIn,
  makePublishedEvent,
  placeOrderOk,
  signInAdmin,
  signUp,
  type EventBody,
  type SignedIn,
} from './support/factories';
import { refund } from './support/order-probes';
import { orderAwaitingStripe, postStripeWebhook } from './support/stripe-webhook';
import { bearer, describeEachEngine, json } from './support/test-env';

// Issue 14: money owed to a buyer is paid back even when the provider refuses at first, or the
// process stops between the commit and the provider call; what is still owed is visible to the
// organizer and the admin, who can retry it by hand once the automatic retries ran out.

const WEBHOOK_SECRET = 'whsec_test_secret_for_refund_jobs';
const fake = await new FakeStripe().start();
const MINUTE = 60_000;

type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

/** Makes the first UPDATE of `table` fail, as if the process died just before it. */
class DiesBeforeUpdating implements KyselyPlugin {
  fired = false;
  constructor(private readonly table: string) {}

  transformQuery({ node }: PluginTransformQueryArgs) {
    const target = UpdateQueryNode.is(node) ? node.table : undefined;
    const name = target && TableNode.is(target) ? target.table.identifier.name : undefined;
    if (!this.fired && name === this.table) {
      this.fired = true;
      throw new Error('the process stopped here');
    }
    return node;
  }

  transformResult({ result }: PluginTransformResultArgs) {
    return Promise.resolve(result);
  }
}

describeEachEngine(
  'refunds owed to buyers: retried by a durable job, listed, retried by hand',
  (env) => {
    afterAll(() => {
      expect(fake.unexpected).toEqual([]);
    });
    beforeEach(() => fake.refuseRefunds(0));

    const refundCalls = (refundId: string) =>
      fake.calls.filter((c) => c.path === '/v1/refunds' && c.idempotencyKey === `refund-${refundId}`);
    /** The clock moves hours in these tests: sign in again before each use of a token. */
    const fresh = (who: SignedIn) => logIn(env(), who.user.email, who.password);
    const get = async <T>(who: SignedIn, url: string) => {
      const res = await env().app.inject({
        method: 'GET',
        url,
        headers: bearer((await fresh(who)).accessToken),
      });
      expect(res.statusCode, res.body).toBe(200);
      return json<T>(res);
    };
    const owedList = (who: SignedIn, scope: 'admin' | 'organizer', query = '') =>
      get<Page<RefundEntry>>(who, `/api/${scope}/refunds${query}`);
    const badge = (who: SignedIn, scope: 'admin' | 'organizer') =>
      get<{ owed: number; failed: number }>(who, `/api/${scope}/refunds/owed-count`);
    const retry = async (who: SignedIn, refundId: string) =>
      env().app.inject({
        method: 'POST',
        url: `/api/refunds/${refundId}/retry`,
        headers: bearer((await fresh(who)).accessToken),
      });
    const auditOf = async (admin: SignedIn, refundId: string) =>
      (
        await get<
          Page<{ action: string; actorId: string | null; targetId: string; details: Record<string, unknown> }>
        >(admin, '/api/admin/audit-log?pageSize=100')
      ).items
        .filter((e) => e.targetId === refundId)
        .reverse();
    const webhook = (event: object) => postStripeWebhook(env(), event, { secret: WEBHOOK_SECRET });
    const refundRow = (id: string) =>
      env().ctx.db.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    /** An organizer's event and a buyer's order of two 20.00 tickets, paid through (fake) Stripe. */
    async function paidOrder(organizer?: SignedIn) {
      const placed = await orderAwaitingStripe(env(), {
        price: 20,
        quantity: 2,
        ...(organizer ? { organizer } : {}),
      });
      expect(placed.started.statusCode).toBe(200);
      const { order, intent } = placed;
      const paid = await webhook(
        intentEvent(`evt_paid_${order.id}`, 'payment_intent.succeeded', intent!, order.id),
      );
      expect(paid.statusCode).toBe(200);
      return {
        organizer: placed.organizer,
        buyer: placed.buyer,
        event: placed.event,
        order,
        intent: intent!,
      };
    }

    it('pays a refund the provider refused twice exactly once, listing it as owed while it was', async () => {
      const admin = await signInAdmin(env());
      const { organizer, buyer, order, intent } = await paidOrder();
      const stranger = await signUp(env(), { role: 'organizer' });

      fake.refuseRefunds(2);
      const made = await refund(env(), organizer.accessToken, order.id, { reason: 'Cannot come' });
      expect(made.statusCode).toBe(201);
      const created = json<{ id: string; amount: number; status: string }>(made);
      // Same answer shape as ever: the refund is owed and on its way, not lost.
      expect(created).toMatchObject({ amount: 40, status: 'pending' });

      const owedNow = async () => {
        const [forAdmin, forOrganizer, forStranger] = await Promise.all([
          owedList(admin, 'admin', '?pageSize=100'),
          owedList(organizer, 'organizer'),
          owedList(stranger, 'organizer'),
        ]);
        expect(forStranger.items.map((r) => r.id)).not.toContain(created.id);
        const mine = forOrganizer.items.find((r) => r.id === created.id);
        expect(forAdmin.items.find((r) => r.id === created.id)).toEqual(mine);
        return { entry: mine, count: forOrganizer.total, badge: await badge(organizer, 'organizer') };
      };

      // Refused at once: owed, retried in a minute.
      let owed = await owedNow();
      expect(owed.entry).toMatchObject({
        orderId: order.id,
        buyer: { email: buyer.user.email },
        amount: 40,
        currency: 'USD',
        status: 'pending',
        attempts: 1,
        reason: 'Cannot come',
      });
      expect(owed.entry!.lastError).toMatch(/insufficient funds/);
      expect(owed.count).toBe(1);
      expect(owed.badge).toEqual({ owed: 1, failed: 0 });
      expect((await badge(admin, 'admin')).owed).toBeGreaterThanOrEqual(1);

      // Not due yet: a pass asks nothing.
      await env().app.background.runOnce();
      expect(refundCalls(created.id)).toHaveLength(1);

      env().clock.advance(MINUTE);
      await env().app.background.runOnce();
      owed = await owedNow();
      expect(owed.entry).toMatchObject({ status: 'pending', attempts: 2 });

      env().clock.advance(5 * MINUTE);
      await env().app.background.runOnce();
      owed = await owedNow();
      expect(owed.entry).toBeUndefined();
      expect(owed.badge).toEqual({ owed: 0, failed: 0 });

      // The provider was asked three times under one idempotency key, and paid once.
      const calls = refundCalls(created.id);
      expect(calls.map((c) => c.status)).toEqual([402, 402, 200]);
      expect(calls.every((c) => c.params.get('payment_intent') === intent)).toBe(true);
      expect(calls.every((c) => c.params.get('amount') === '4000')).toBe(true);
      expect(
        fake.calls.filter(
          (c) => c.path === '/v1/refunds' && c.params.get('payment_intent') === intent && c.status === 200,
        ),
      ).toHaveLength(1);
      expect(await refundRow(created.id)).toMatchObject({
        status: 'succeeded',
        provider_ref: expect.stringMatching(/^re_fake_/),
      });
      const view = await get<{ status: string; refunded: number }>(buyer, `/api/orders/${order.id}`);
      expect(view).toMatchObject({ status: 'refunded', refunded: 40 });

      const audit = await auditOf(admin, created.id);
      expect(audit.map((e) => [e.action, e.details.attempt])).toEqual([
        ['refund.attempt_failed', 1],
        ['refund.attempt_failed', 2],
        ['refund.succeeded', 3],
      ]);
      expect(audit[0]!.details.error).toMatch(/insufficient funds/);
    });

    it('leaves a refund failed after its retries ran out, for the organizer or an admin to retry by hand', async () => {
      const admin = await signInAdmin(env());
      const { organizer, buyer, order } = await paidOrder();
      const stranger = await signUp(env(), { role: 'organizer' });

      fake.refuseRefunds(5);
      const created = json<{ id: string; status: string }>(
        await refund(env(), organizer.accessToken, order.id),
      );
      expect(created.status).toBe('pending');
      for (const wait of [1, 5, 30, 120]) {
        env().clock.advance(wait * MINUTE);
        await env().app.background.runOnce();
      }
      expect(refundCalls(created.id)).toHaveLength(5);
      const failed = await owedList(organizer, 'organizer', '?status=failed');
      expect(failed.items).toEqual([
        expect.objectContaining({ id: created.id, status: 'failed', attempts: 5, nextAttemptAt: null }),
      ]);
      expect(await badge(organizer, 'organizer')).toEqual({ owed: 1, failed: 1 });
      // Nothing more happens by itself.
      env().clock.advance(24 * 60 * MINUTE);
      await env().app.background.runOnce();
      expect(refundCalls(created.id)).toHaveLength(5);

      // Only the event's organizer and admins may retry it.
      const byStranger = await retry(stranger, created.id);
      expect(byStranger.statusCode).toBe(404);
      expect((await retry(buyer, created.id)).statusCode).toBe(403);
      expect((await retry(organizer, 'no-such-refund')).statusCode).toBe(404);

      const retried = await retry(organizer, created.id);
      expect(retried.statusCode).toBe(200);
      expect(json(retried)).toMatchObject({ id: created.id, status: 'pending', attempts: 0 });
      // Retried once is enough: a second click while it is on its way is a conflict.
      const twice = await retry(admin, created.id);
      expect(twice.statusCode).toBe(409);
      expect(json(twice).code).toBe('refund_not_retryable');

      // The retry woke the job; it pays the refund.
      await env().app.background.runOnce();
      expect((await refundRow(created.id)).status).toBe('succeeded');
      expect(refundCalls(created.id).map((c) => c.status)).toEqual([402, 402, 402, 402, 402, 200]);
      expect(await badge(organizer, 'organizer')).toEqual({ owed: 0, failed: 0 });
      const paidBack = await retry(admin, created.id);
      expect(paidBack.statusCode).toBe(409);
      expect(json(paidBack).code).toBe('refund_not_retryable');

      const audit = await auditOf(admin, created.id);
      expect(audit.map((e) => e.action)).toEqual([
        'refund.attempt_failed',
        'refund.attempt_failed',
        'refund.attempt_failed',
        'refund.attempt_failed',
        'refund.attempt_failed',
        'refund.failed',
        'refund.retried',
        'refund.succeeded',
      ]);
      expect(audit.find((e) => e.action === 'refund.retried')!.actorId).toBe(organizer.user.id);
    });

    it('pays a refund whose process stopped between the commit and the provider call, once', async () => {
      const { organizer, order } = await paidOrder();
      const dies = new DiesBeforeUpdating('refunds');
      const deps = { ...orderDeps(env().ctx), db: env().ctx.db.withPlugin(dies) as Db };
      const actor: Actor = {
        userId: organizer.user.id,
        role: 'organizer',
        organizerId: organizer.user.id,
        sessionId: 'test',
      };
      await expect(refundOrder(deps, actor, order.id, {}, { ip: null })).rejects.toThrow(
        'the process stopped here',
      );
      expect(dies.fired).toBe(true);

      // Committed and owed: tickets void, the refund pending, the provider never asked.
      const [row] = await env()
        .ctx.db.selectFrom('refunds')
        .selectAll()
        .where('order_id', '=', order.id)
        .execute();
      expect(row).toMatchObject({ status: 'pending', attempts: 0, amount: 4000 });
      expect(refundCalls(row!.id)).toHaveLength(0);
      const tickets = await env()
        .ctx.db.selectFrom('tickets')
        .select('status')
        .where('order_id', '=', order.id)
        .execute();
      expect(tickets.map((t) => t.status)).toEqual(['void', 'void']);

      // A later pass of the (restarted) process finds it due and pays it.
      env().clock.advance(MINUTE);
      await env().app.background.runOnce();
      await env().app.background.runOnce();
      expect(refundCalls(row!.id).map((c) => c.status)).toEqual([200]);
      expect((await refundRow(row!.id)).status).toBe('succeeded');
    });

    it('asks the provider once per attempt when several passes race', async () => {
      const { organizer, order } = await paidOrder();
      fake.refuseRefunds(1);
      const created = json<{ id: string }>(await refund(env(), organizer.accessToken, order.id));
      env().clock.advance(MINUTE);
      const deps = orderDeps(env().ctx);
      const passes = await Promise.all([deliverRefunds(deps), deliverRefunds(deps), deliverRefunds(deps)]);
      expect(passes.reduce((n, p) => n + p.succeeded, 0)).toBe(1);
      expect(refundCalls(created.id).map((c) => c.status)).toEqual([402, 200]);
      expect((await refundRow(created.id)).status).toBe('succeeded');
    });

    it('retries the refund of a late payment the sales rules refused, listing it while it is owed', async () => {
      const admin = await signInAdmin(env());
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event: EventBody = await makePublishedEvent(env(), organizer, {
        capacity: 10,
        ticketTypes: [{ name: 'GA', price: 15, limit: 10 }],
      });
      const order = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
      });
      await env().app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/pay`,
        headers: bearer(buyer.accessToken),
        payload: {},
      });
      const { payment_ref } = await env()
        .ctx.db.selectFrom('orders')
        .select('payment_ref')
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      // The sale stops (the event is cancelled) while the buyer's payment is still on its way.
      const cancelled = await env().app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/cancel`,
        headers: bearer(organizer.accessToken),
      });
      expect(cancelled.statusCode).toBe(200);

      fake.refuseRefunds(1);
      const late = await webhook(
        intentEvent(`evt_late_${order.id}`, 'payment_intent.succeeded', payment_ref!, order.id),
      );
      expect(late.statusCode).toBe(200);
      const [owed] = (await owedList(organizer, 'organizer')).items;
      expect(owed).toMatchObject({ orderId: order.id, amount: 15, status: 'pending', attempts: 1 });
      expect(owed!.reason).toMatch(/^Payment refused automatically/);
      expect((await owedList(admin, 'admin', '?pageSize=100')).items.map((r) => r.id)).toContain(owed!.id);

      env().clock.advance(MINUTE);
      await env().app.background.runOnce();
      expect((await owedList(organizer, 'organizer')).items).toEqual([]);
      expect(refundCalls(owed!.id).map((c) => c.status)).toEqual([402, 200]);
      const row = await env()
        .ctx.db.selectFrom('orders')
        .select(['status', 'refunded_amount'])
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'cancelled', refunded_amount: 1500 });
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

function intentEvent(id: string, type: string, intentId: string, orderId: string) {
  return {
    id,
    object: 'event',
    type,
    data: { object: { id: intentId, object: 'payment_intent', metadata: { orderId } } },
  };
}
