import { expect, it } from 'vitest';
import {
  buyTickets,
  makePublishedEvent,
  order,
  pay,
  placeOrderOk,
  signUp,
  type OrderBody,
} from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

async function availability(env: TestEnv, eventId: string) {
  return json<{ remaining: number; ticketTypes: { id: string; remaining: number; soldOut: boolean }[] }>(
    await env.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/availability`,
      headers: { authorization: '' },
    }),
  );
}

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

    it('honours a payment after expiry when seats remain, and refunds it when they are gone', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const late = await signUp(env());
      const other = await signUp(env());
      const event = await makePublishedEvent(env(), organizer, {
        capacity: 1,
        ticketTypes: [{ name: 'Only', price: 20, limit: 1 }],
      });
      const tier = event.ticketTypes[0]!.id;

      const a = await placeOrderOk(env(), late, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 1 }],
      });
      env().clock.advance(16 * 60 * 1000);
      const honoured = json<OrderBody>(await pay(env(), late, a.id));
      expect(honoured.status).toBe('paid');
      expect(honoured.tickets).toHaveLength(1);

      // Refund it to free the seat, then lose the race: the seat goes to someone else while expired.
      await env().app.inject({
        method: 'POST',
        url: `/api/orders/${a.id}/refunds`,
        headers: bearer(organizer.accessToken),
        payload: {},
      });
      const b = await placeOrderOk(env(), late, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 1 }],
      });
      env().clock.advance(16 * 60 * 1000);
      await buyTickets(env(), other, {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 1 }],
      });
      const refunded = json<OrderBody>(await pay(env(), late, b.id));
      expect(refunded).toMatchObject({ status: 'refunded', refunded: 20 });
      expect(refunded.tickets ?? []).toHaveLength(0);
      const refunds = await env()
        .ctx.db.selectFrom('refunds')
        .selectAll()
        .where('order_id', '=', b.id)
        .execute();
      expect(refunds).toEqual([expect.objectContaining({ amount: 2000, status: 'succeeded' })]);
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
