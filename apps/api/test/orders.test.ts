import { expect, it } from 'vitest';
import {
  buyTickets,
  makePublishedEvent,
  order,
  pay,
  placeOrderOk,
  signInAdmin,
  signUp,
  type OrderBody,
} from './support/factories';
import { availability } from './support/order-probes';
import { bearer, describeEachEngine, json } from './support/test-env';

describeEachEngine(
  'orders and payments',
  (env) => {
    it('holds seats, prices with a promo code, pays, and issues one ticket per seat', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env(), { name: 'Bea Buyer' });
      const event = await makePublishedEvent(env(), organizer);
      const [early, regular] = event.ticketTypes;
      const placed = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [
          { ticketTypeId: early!.id, quantity: 2 },
          { ticketTypeId: regular!.id, quantity: 1 },
        ],
        promoCode: 'early25',
        attendees: [
          { name: 'Ann', email: 'ann@example.test', ageRange: '25-34', country: 'DE' },
          { name: 'Ben', email: 'ben@example.test' },
          { name: 'Cid', email: 'cid@example.test', ageRange: '65+' },
        ],
      });
      expect(placed).toMatchObject({
        status: 'pending',
        currency: 'USD',
        subtotal: 997,
        discount: 249.25,
        total: 747.75,
      });
      // Every order has a short human reference, unique, and an admin finds the order by it.
      expect(placed.reference).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      const admin = await signInAdmin(env());
      const found = await env().app.inject({
        method: 'GET',
        url: `/api/admin/orders?q=${encodeURIComponent(String(placed.reference).toLowerCase())}`,
        headers: bearer(admin.accessToken),
      });
      expect(json<{ items: { id: string }[] }>(found).items.map((o) => o.id)).toEqual([placed.id]);
      expect(placed.items.map((i) => [i.quantity, i.unitPrice, i.discount, i.total])).toEqual([
        [2, 299, 149.5, 448.5],
        [1, 399, 99.75, 299.25],
      ]);
      expect(new Date(placed.expiresAt).getTime() - env().clock.now().getTime()).toBe(15 * 60 * 1000);
      expect((await availability(env(), event.id)).remaining).toBe(447);

      const paid = json<OrderBody>(await pay(env(), buyer, placed.id));
      expect(paid.status).toBe('paid');
      expect(paid.tickets!.map((t) => t.holderName)).toEqual(['Ann', 'Ben', 'Cid']);
      expect(paid.tickets!.map((t) => t.price).reduce((a, b) => a + b, 0)).toBeCloseTo(747.75, 2);
      expect(new Set(paid.tickets!.map((t) => t.code)).size).toBe(3);
      expect(paid.tickets!.every((t) => t.code.length >= 22 && t.status === 'valid')).toBe(true);

      const seen = json<OrderBody & { buyer: { email: string }; refundableUntil: string | null }>(
        await env().app.inject({
          method: 'GET',
          url: `/api/orders/${placed.id}`,
          headers: bearer(organizer.accessToken),
        }),
      );
      expect(seen.buyer.email).toBe(buyer.user.email);
      expect(seen.refundableUntil).toBeNull();
      const config = json(await env().app.inject({ method: 'GET', url: '/api/payments/config' }));
      expect(config).toEqual({ provider: 'test', publishableKey: null });
      const mine = json<{ items: OrderBody[] }>(
        await env().app.inject({ method: 'GET', url: '/api/orders', headers: bearer(buyer.accessToken) }),
      );
      expect(mine.items.map((o) => o.id)).toEqual([placed.id]);
      const tickets = await env().app.inject({
        method: 'GET',
        url: `/api/orders/${placed.id}/tickets`,
        headers: bearer(buyer.accessToken),
      });
      expect(json<unknown[]>(tickets)).toHaveLength(3);
      const qr = await env().app.inject({
        method: 'GET',
        url: paid.tickets![0]!.qrUrl,
        headers: bearer(buyer.accessToken),
      });
      expect(qr.headers['content-type']).toBe('image/png');

      const promos = json<{ items: { code: string; uses: number }[] }>(
        await env().app.inject({
          method: 'GET',
          url: `/api/events/${event.id}/promotions`,
          headers: bearer(organizer.accessToken),
        }),
      );
      expect(promos.items.find((p) => p.code === 'EARLY25')!.uses).toBe(1);
      const mail = await env().ctx.db.selectFrom('outbox').selectAll().execute();
      expect(mail.some((m) => JSON.parse(m.payload).to === buyer.user.email)).toBe(true);
    });

    it('answers sold_out with 409 when a tier or the event capacity is exhausted, and refuses bad input', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer, {
        capacity: 5,
        ticketTypes: [
          { name: 'A', price: 10, limit: 3, maxPerOrder: 3 },
          { name: 'B', price: 10, limit: 5 },
        ],
      });
      const [a, b] = event.ticketTypes;
      const tooMany = await order(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: a!.id, quantity: 4 }],
      });
      expect(tooMany.statusCode).toBe(400);
      await placeOrderOk(env(), buyer, { eventId: event.id, items: [{ ticketTypeId: a!.id, quantity: 3 }] });
      const tierGone = await order(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: a!.id, quantity: 1 }],
      });
      expect(tierGone.statusCode).toBe(409);
      expect(json(tierGone).code).toBe('sold_out');
      const capacityGone = await order(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: b!.id, quantity: 3 }],
      });
      expect(json(capacityGone).code).toBe('sold_out');
      await placeOrderOk(env(), buyer, { eventId: event.id, items: [{ ticketTypeId: b!.id, quantity: 2 }] });
      expect((await availability(env(), event.id)).remaining).toBe(0);

      const badPromo = await order(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: b!.id, quantity: 1 }],
        promoCode: 'NOPE',
      });
      expect(badPromo.statusCode).toBe(400);
      expect(json(badPromo).code).toBe('promo_invalid');
      const otherTier = await order(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: 'not-a-tier', quantity: 1 }],
      });
      expect(otherTier.statusCode).toBe(400);
      const unknownEvent = await order(env(), buyer, {
        eventId: 'nope',
        items: [{ ticketTypeId: a!.id, quantity: 1 }],
      });
      expect(unknownEvent.statusCode).toBe(404);
      const wrongAttendees = await order(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: b!.id, quantity: 1 }],
        attendees: [{ name: 'X', email: 'x@example.test', country: 'QQ' }],
      });
      expect(wrongAttendees.statusCode).toBe(400);
    });

    it('frees expired holds exactly at expiresAt, and a failed or cancelled payment releases the seats', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer, {
        capacity: 2,
        ticketTypes: [{ name: 'Only', price: 50, limit: 2 }],
      });
      const tier = event.ticketTypes[0]!.id;
      const held = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 2 }],
      });
      expect((await availability(env(), event.id)).remaining).toBe(0);

      env().clock.set(new Date(new Date(held.expiresAt).getTime() - 1));
      expect((await availability(env(), event.id)).remaining).toBe(0);
      env().clock.set(held.expiresAt);
      // Free at read time, before any sweep ran.
      expect((await availability(env(), event.id)).remaining).toBe(2);
      const second = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 2 }],
      });
      const first = await env().app.inject({
        method: 'GET',
        url: `/api/orders/${held.id}`,
        headers: bearer(buyer.accessToken),
      });
      expect(json(first).status).toBe('expired');

      const failed = await pay(env(), buyer, second.id, 'failed');
      expect(json(failed).status).toBe('failed');
      expect((await availability(env(), event.id)).remaining).toBe(2);
      const third = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 1 }],
      });
      const cancel = await env().app.inject({
        method: 'POST',
        url: `/api/orders/${third.id}/cancel`,
        headers: bearer(buyer.accessToken),
      });
      expect(json(cancel).status).toBe('cancelled');
      expect((await availability(env(), event.id)).remaining).toBe(2);
    });

    it('refuses to pay an order that is not pending (expired, cancelled, failed): 409 order_not_payable', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer, {
        capacity: 10,
        ticketTypes: [{ name: 'Only', price: 20, limit: 10 }],
        promotions: [{ code: 'ONCE', kind: 'percent', value: 50, maxUses: 1 }],
      });
      const items = [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }];
      const uses = async () =>
        (
          await env()
            .ctx.db.selectFrom('promotions')
            .select('uses')
            .where('event_id', '=', event.id)
            .executeTakeFirstOrThrow()
        ).uses;

      const cancelled = await placeOrderOk(env(), buyer, { eventId: event.id, items, promoCode: 'ONCE' });
      await env().app.inject({
        method: 'POST',
        url: `/api/orders/${cancelled.id}/cancel`,
        headers: bearer(buyer.accessToken),
      });
      const failed = await placeOrderOk(env(), buyer, { eventId: event.id, items });
      expect(json(await pay(env(), buyer, failed.id, 'failed')).status).toBe('failed');
      const expired = await placeOrderOk(env(), buyer, { eventId: event.id, items });
      env().clock.advance(15 * 60 * 1000);

      // Expired the moment its hold ran out, swept or not.
      for (const closed of [cancelled, failed, expired]) {
        const res = await pay(env(), buyer, closed.id);
        expect(res.statusCode).toBe(409);
        expect(json(res).code).toBe('order_not_payable');
      }
      const statuses = await Promise.all(
        [cancelled, failed, expired].map(async (o) =>
          json<OrderBody>(
            await env().app.inject({
              method: 'GET',
              url: `/api/orders/${o.id}`,
              headers: bearer(buyer.accessToken),
            }),
          ),
        ),
      );
      expect(statuses.map((o) => [o.status, o.tickets ?? []])).toEqual([
        ['cancelled', []],
        ['failed', []],
        ['expired', []],
      ]);
      expect((await availability(env(), event.id)).remaining).toBe(10);
      expect(await uses()).toBe(0);
    });

    it('refuses a pending order whose event was unpublished meanwhile, and closes it (test provider)', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer, {
        capacity: 10,
        ticketTypes: [{ name: 'Only', price: 20, limit: 10 }],
      });
      const placed = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
      });
      await env().app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/unpublish`,
        headers: bearer(organizer.accessToken),
      });
      const res = await pay(env(), buyer, placed.id);
      expect(res.statusCode).toBe(409);
      expect(json(res)).toMatchObject({ code: 'order_not_payable', reason: 'not_found' });
      const row = await env()
        .ctx.db.selectFrom('orders')
        .select(['status', 'refunded_amount'])
        .where('id', '=', placed.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'cancelled', refunded_amount: 2000 });
      expect(
        await env().ctx.db.selectFrom('tickets').select('id').where('order_id', '=', placed.id).execute(),
      ).toEqual([]);
    });

    it('makes a zero-total order paid at once, with no payment step', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer, {
        ticketTypes: [{ name: 'Free', price: 0, limit: 10 }],
        promotions: [],
      });
      const placed = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }],
      });
      expect(placed).toMatchObject({ status: 'paid', total: 0 });
      expect(placed.tickets).toHaveLength(2);
      expect((await pay(env(), buyer, placed.id)).statusCode).toBe(409);
    });

    it('keeps orders private: another customer gets 404, the organizer and admins see them', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const otherOrganizer = await signUp(env(), { role: 'organizer' });
      const a = await signUp(env());
      const b = await signUp(env());
      const event = await makePublishedEvent(env(), organizer);
      const paid = await buyTickets(env(), a, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
      });
      for (const [method, url] of [
        ['GET', `/api/orders/${paid.id}`],
        ['GET', `/api/orders/${paid.id}/tickets`],
        ['POST', `/api/orders/${paid.id}/refunds`],
        ['POST', `/api/orders/${paid.id}/cancel`],
        ['POST', `/api/orders/${paid.id}/pay`],
        ['GET', paid.tickets![0]!.qrUrl],
      ] as const) {
        const res = await env().app.inject({
          method,
          url,
          headers: bearer(b.accessToken),
          ...(method === 'POST' ? { payload: {} } : {}),
        });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
      const stranger = await env().app.inject({
        method: 'GET',
        url: `/api/events/${event.id}/orders`,
        headers: bearer(otherOrganizer.accessToken),
      });
      expect(stranger.statusCode).toBe(404);
      const own = await env().app.inject({
        method: 'GET',
        url: `/api/events/${event.id}/orders?q=${encodeURIComponent(a.user.email)}`,
        headers: bearer(organizer.accessToken),
      });
      expect(json<{ items: { id: string }[] }>(own).items.map((o) => o.id)).toEqual([paid.id]);
      const deleteRefused = await env().app.inject({
        method: 'DELETE',
        url: `/api/events/${event.id}`,
        headers: bearer(organizer.accessToken),
      });
      expect(deleteRefused.statusCode).toBe(409);
      expect(json(deleteRefused).code).toBe('has_orders');
    });

    it('keeps tiers and events that have any order, even a cancelled one', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer);
      const tier = event.ticketTypes[2]!.id;
      const placed = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 1 }],
      });
      await env().app.inject({
        method: 'POST',
        url: `/api/orders/${placed.id}/cancel`,
        headers: bearer(buyer.accessToken),
      });
      const removeTier = await env().app.inject({
        method: 'DELETE',
        url: `/api/events/${event.id}/ticket-types/${tier}`,
        headers: bearer(organizer.accessToken),
      });
      expect(removeTier.statusCode).toBe(409);
      expect(json(removeTier).code).toBe('has_sales');
      const removeEvent = await env().app.inject({
        method: 'DELETE',
        url: `/api/events/${event.id}`,
        headers: bearer(organizer.accessToken),
      });
      expect(json(removeEvent).code).toBe('has_orders');
    });
  },
  // These tests move the clock past hold expiry; access tokens must outlive that.
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
