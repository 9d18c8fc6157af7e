import { expect, it } from 'vitest';
import { mintBuyers } from './support/crowd';
import {
  buyTickets,
  logIn,
  makePublishedEvent,
  order,
  signInAdmin,
  signUp,
  type OrderBody,
} from './support/factories';
import { counters, refund } from './support/order-probes';
import { bearer, describeEachEngine, json } from './support/test-env';

describeEachEngine(
  'refunds, promo limits and idempotency',
  (env) => {
    it('refunds per ticket and in full: void tickets, seats back on sale, exact amounts, promo use returned', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer);
      const tier = event.ticketTypes[0]!.id; // 299
      const paid = await buyTickets(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 3 }],
        promoCode: 'EARLY25',
      });
      expect(paid.total).toBe(672.75); // 897 − 224.25
      expect(paid.tickets!.map((t) => t.price)).toEqual([224.25, 224.25, 224.25]);

      const one = await refund(env(), organizer.accessToken, paid.id, {
        ticketIds: [paid.tickets![0]!.id],
        reason: 'Cannot come',
      });
      expect(one.statusCode).toBe(201);
      expect(json(one)).toMatchObject({
        amount: 224.25,
        currency: 'USD',
        ticketIds: [paid.tickets![0]!.id],
        status: 'succeeded',
      });
      let view = json<OrderBody>(
        await env().app.inject({
          method: 'GET',
          url: `/api/orders/${paid.id}`,
          headers: bearer(buyer.accessToken),
        }),
      );
      expect(view).toMatchObject({ status: 'partially_refunded', refunded: 224.25 });
      expect(view.tickets!.map((t) => t.status)).toEqual(['void', 'valid', 'valid']);
      expect(await counters(env(), event.id)).toEqual({ sold: 2, held: 0 });

      const again = await refund(env(), organizer.accessToken, paid.id, {
        ticketIds: [paid.tickets![0]!.id],
      });
      expect(again.statusCode).toBe(409);
      expect(json(again).code).toBe('already_refunded');

      const rest = await refund(env(), organizer.accessToken, paid.id);
      expect(json(rest)).toMatchObject({ amount: 448.5 });
      view = json<OrderBody>(
        await env().app.inject({
          method: 'GET',
          url: `/api/orders/${paid.id}`,
          headers: bearer(buyer.accessToken),
        }),
      );
      expect(view).toMatchObject({ status: 'refunded', refunded: 672.75 });
      expect(await counters(env(), event.id)).toEqual({ sold: 0, held: 0 });
      const promo = await env()
        .ctx.db.selectFrom('promotions')
        .select('uses')
        .where('event_id', '=', event.id)
        .where('code_key', '=', 'EARLY25')
        .executeTakeFirstOrThrow();
      expect(promo.uses).toBe(0);
      const nothingLeft = await refund(env(), organizer.accessToken, paid.id);
      expect(nothingLeft.statusCode).toBe(409);

      const audit = await env()
        .ctx.db.selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', paid.id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['order.placed', 'order.paid', 'order.partially_refunded', 'order.refunded']),
      );
    });

    it('never refunds more than was paid under concurrent requests', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const admin = await signInAdmin(env());
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer);
      const paid = await buyTickets(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[1]!.id, quantity: 4 }],
      });
      const attempts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          refund(env(), i % 2 ? organizer.accessToken : admin.accessToken, paid.id),
        ),
      );
      expect(attempts.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(attempts.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
      const perTicket = await Promise.all(
        paid.tickets!.map((t) => refund(env(), organizer.accessToken, paid.id, { ticketIds: [t.id] })),
      );
      expect(perTicket.every((r) => r.statusCode === 409)).toBe(true);
      const rows = await env()
        .ctx.db.selectFrom('refunds')
        .select(['amount'])
        .where('order_id', '=', paid.id)
        .execute();
      expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(4 * 39900);

      // Different tickets refunded concurrently all go through, and add up to exactly the total.
      const second = await buyTickets(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[1]!.id, quantity: 4 }],
      });
      const split = await Promise.all(
        second.tickets!.map((t) => refund(env(), organizer.accessToken, second.id, { ticketIds: [t.id] })),
      );
      expect(split.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
      const order = await env()
        .ctx.db.selectFrom('orders')
        .select(['refunded_amount', 'total', 'status'])
        .where('id', '=', second.id)
        .executeTakeFirstOrThrow();
      expect(order).toEqual({ refunded_amount: order.total, total: 4 * 39900, status: 'refunded' });
    });

    it('lets buyers refund only within the refund policy; another customer gets 404', async () => {
      let organizer = await signUp(env(), { role: 'organizer' });
      let buyer = await signUp(env());
      const stranger = await signUp(env());
      const strict = await makePublishedEvent(env(), organizer, { refundPolicy: null }, 10);
      const lenient = await makePublishedEvent(
        env(),
        organizer,
        { refundPolicy: { customerRefundsUntilHoursBefore: 48 } },
        10,
      );
      const a = await buyTickets(env(), buyer, {
        eventId: strict.id,
        items: [{ ticketTypeId: strict.ticketTypes[0]!.id, quantity: 1 }],
      });
      const b = await buyTickets(env(), buyer, {
        eventId: lenient.id,
        items: [{ ticketTypeId: lenient.ticketTypes[0]!.id, quantity: 1 }],
      });

      const refused = await refund(env(), buyer.accessToken, a.id);
      expect(refused.statusCode).toBe(409);
      expect(json(refused).code).toBe('refund_not_allowed');
      expect((await refund(env(), stranger.accessToken, b.id)).statusCode).toBe(404);
      // Nine days before the event (window closes two days before): allowed.
      env().clock.advance(24 * 3600 * 1000);
      buyer = await logIn(env(), buyer.user.email, buyer.password);
      const fine = await refund(env(), buyer.accessToken, b.id);
      expect(fine.statusCode).toBe(201);

      const c = await buyTickets(env(), buyer, {
        eventId: lenient.id,
        items: [{ ticketTypeId: lenient.ticketTypes[0]!.id, quantity: 1 }],
      });
      env().clock.advance(8 * 24 * 3600 * 1000); // now one day before: inside the 48 h freeze
      // The jumps outlive access tokens: sign in again.
      buyer = await logIn(env(), buyer.user.email, buyer.password);
      organizer = await logIn(env(), organizer.user.email, organizer.password);
      const late = await refund(env(), buyer.accessToken, c.id);
      expect(late.statusCode).toBe(409);
      expect(json(late).code).toBe('refund_window_closed');
      // The organizer can still refund.
      expect((await refund(env(), organizer.accessToken, c.id)).statusCode).toBe(201);
    });

    it('cancelling an event refunds every paid order and releases every hold', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer);
      const tier = event.ticketTypes[0]!.id;
      const paid1 = await buyTickets(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 2 }],
      });
      const paid2 = await buyTickets(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 1 }],
      });
      await refund(env(), organizer.accessToken, paid2.id, { ticketIds: [paid2.tickets![0]!.id] });
      const pending = json<OrderBody>(
        await order(env(), buyer, { eventId: event.id, items: [{ ticketTypeId: tier, quantity: 1 }] }),
      );
      const res = await env().app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/cancel`,
        headers: bearer(organizer.accessToken),
      });
      expect(json(res).status).toBe('cancelled');
      const orders = await env()
        .ctx.db.selectFrom('orders')
        .select(['id', 'status', 'refunded_amount', 'total'])
        .where('event_id', '=', event.id)
        .execute();
      const byId = new Map(orders.map((o) => [o.id, o]));
      expect(byId.get(paid1.id)).toMatchObject({ status: 'refunded', refunded_amount: 59800 });
      expect(byId.get(paid2.id)).toMatchObject({ status: 'refunded', refunded_amount: 29900 });
      expect(byId.get(pending.id)).toMatchObject({ status: 'cancelled' });
      expect(await counters(env(), event.id)).toEqual({ sold: 0, held: 0 });
      const valid = await env()
        .ctx.db.selectFrom('tickets')
        .select('id')
        .where('event_id', '=', event.id)
        .where('status', '!=', 'void')
        .execute();
      expect(valid).toEqual([]);
    });

    it('respects a promo code max uses under concurrency', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer, {
        promotions: [{ code: 'FIRST10', kind: 'percent', value: 50, maxUses: 10 }],
      });
      const buyers = await mintBuyers(env(), 40);
      const results = await Promise.all(
        buyers.map((b) =>
          env().app.inject({
            method: 'POST',
            url: '/api/orders',
            headers: bearer(b.accessToken),
            payload: {
              eventId: event.id,
              items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
              promoCode: 'first10',
            },
          }),
        ),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(10);
      expect(results.filter((r) => r.statusCode === 400 && json(r).code === 'promo_invalid')).toHaveLength(
        30,
      );
      const promo = await env()
        .ctx.db.selectFrom('promotions')
        .select('uses')
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow();
      expect(promo.uses).toBe(10);
      expect(await counters(env(), event.id)).toEqual({ sold: 0, held: 10 });
    });

    it('applies each promo rule: window, tiers, minimum quantity', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const now = env().clock.now().getTime();
      const event = await makePublishedEvent(env(), organizer, { promotions: [] });
      const [early, regular] = event.ticketTypes;
      const create = (payload: object) =>
        env().app.inject({
          method: 'POST',
          url: `/api/events/${event.id}/promotions`,
          headers: bearer(organizer.accessToken),
          payload,
        });
      await create({
        code: 'LATER',
        kind: 'percent',
        value: 10,
        validFrom: new Date(now + 86_400_000).toISOString(),
      });
      await create({
        code: 'OVER',
        kind: 'percent',
        value: 10,
        validUntil: new Date(now - 1000).toISOString(),
      });
      await create({ code: 'EARLYONLY', kind: 'fixed', value: 50, ticketTypeIds: [early!.id] });
      await create({ code: 'GROUP', kind: 'percent', value: 20, minQuantity: 3 });
      const attempt = (code: string, items: { ticketTypeId: string; quantity: number }[]) =>
        order(env(), buyer, { eventId: event.id, items, promoCode: code });
      for (const code of ['LATER', 'OVER']) {
        const res = await attempt(code, [{ ticketTypeId: early!.id, quantity: 1 }]);
        expect(json(res).code, code).toBe('promo_invalid');
      }
      expect(json(await attempt('EARLYONLY', [{ ticketTypeId: regular!.id, quantity: 1 }])).code).toBe(
        'promo_invalid',
      );
      const mixed = json<OrderBody>(
        await attempt('EARLYONLY', [
          { ticketTypeId: early!.id, quantity: 2 },
          { ticketTypeId: regular!.id, quantity: 1 },
        ]),
      );
      expect(mixed).toMatchObject({ subtotal: 997, discount: 100, total: 897 });
      expect(json(await attempt('GROUP', [{ ticketTypeId: early!.id, quantity: 2 }])).code).toBe(
        'promo_invalid',
      );
      const group = json<OrderBody>(await attempt('GROUP', [{ ticketTypeId: early!.id, quantity: 3 }]));
      expect(group).toMatchObject({ subtotal: 897, discount: 179.4, total: 717.6 });
    });

    it('replays POST /api/orders and refunds by Idempotency-Key, and refuses a key reused with another body', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer);
      const body = { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }] };
      const key = { 'idempotency-key': 'checkout-attempt-1' };
      const first = await order(env(), buyer, body, key);
      const retry = await order(env(), buyer, body, key);
      expect(first.statusCode).toBe(201);
      expect(retry.statusCode).toBe(201);
      expect(retry.body).toBe(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      const orders = await env()
        .ctx.db.selectFrom('orders')
        .select('id')
        .where('buyer_id', '=', buyer.user.id)
        .execute();
      expect(orders).toHaveLength(1);
      expect(await counters(env(), event.id)).toEqual({ sold: 0, held: 2 });

      const changed = await order(
        env(),
        buyer,
        { ...body, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 3 }] },
        key,
      );
      expect(changed.statusCode).toBe(409);
      expect(json(changed).code).toBe('idempotency_key_reused');
      // Keys belong to their user: another buyer's same key is a new request.
      const other = await signUp(env());
      expect((await order(env(), other, body, key)).statusCode).toBe(201);

      const paid = await buyTickets(env(), buyer, body);
      const refundKey = { 'idempotency-key': 'refund-1' };
      const r1 = await refund(env(), organizer.accessToken, paid.id, {}, refundKey);
      const r2 = await refund(env(), organizer.accessToken, paid.id, {}, refundKey);
      expect([r1.statusCode, r2.statusCode]).toEqual([201, 201]);
      expect(r2.body).toBe(r1.body);
      const refunds = await env()
        .ctx.db.selectFrom('refunds')
        .select('id')
        .where('order_id', '=', paid.id)
        .execute();
      expect(refunds).toHaveLength(1);
    });
  },
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
