import { expect, it } from 'vitest';
import { makePublishedEvent, order, signUp, type EventBody } from './support/factories';
import { guestOrder, newGuest, withToken, type GuestOrder } from './support/guests';
import { describeEachEngine, json } from './support/test-env';

const items = (event: EventBody) => [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }];

describeEachEngine(
  'hold limits for guests',
  (env) => {
    it('holds a guest e-mail to MAX_PENDING_ORDERS_PER_BUYER per event, as an account', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer);
      const other = await makePublishedEvent(env(), organizer);
      const guest = newGuest();
      const ip = '192.0.2.10';
      const first = json<GuestOrder>(
        await guestOrder(env(), { eventId: event.id, items: items(event) }, { buyer: guest, ip }),
      );
      expect(
        (await guestOrder(env(), { eventId: event.id, items: items(event) }, { buyer: guest, ip }))
          .statusCode,
      ).toBe(201);
      // The same address in other letters is the same buyer.
      const third = await guestOrder(
        env(),
        { eventId: event.id, items: items(event) },
        { buyer: { ...guest, email: guest.email.toUpperCase() }, ip },
      );
      expect(third.statusCode).toBe(409);
      expect(json(third)).toMatchObject({ code: 'hold_limit_reached', limit: 2 });
      // Another event, or another address from the same network, is not held back.
      expect(
        (await guestOrder(env(), { eventId: other.id, items: items(other) }, { buyer: guest, ip }))
          .statusCode,
      ).toBe(201);
      expect((await guestOrder(env(), { eventId: event.id, items: items(event) }, { ip })).statusCode).toBe(
        201,
      );
      // Paying one frees a place.
      const paid = await withToken(env(), first.orderToken, 'POST', `/api/orders/${first.id}/pay`, {
        outcome: 'succeeded',
      });
      expect(paid.statusCode).toBe(200);
      expect(
        (await guestOrder(env(), { eventId: event.id, items: items(event) }, { buyer: guest, ip }))
          .statusCode,
      ).toBe(201);
    });

    it('lets many guests behind one IP buy, up to the loose per-IP cap, and accounts there are not counted', async () => {
      // MAX_PENDING_ORDERS_PER_IP=6 for this suite.
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer);
      const office = '203.0.113.50';
      const answers = [];
      for (let i = 0; i < 6; i++)
        answers.push(
          (await guestOrder(env(), { eventId: event.id, items: items(event) }, { ip: office })).statusCode,
        );
      expect(answers).toEqual([201, 201, 201, 201, 201, 201]);
      const seventh = await guestOrder(env(), { eventId: event.id, items: items(event) }, { ip: office });
      expect(seventh.statusCode).toBe(409);
      expect(json(seventh)).toMatchObject({ code: 'hold_limit_reached', limit: 6 });
      expect(
        (await guestOrder(env(), { eventId: event.id, items: items(event) }, { ip: '203.0.113.51' }))
          .statusCode,
      ).toBe(201);
      const account = await signUp(env());
      const res = await env().app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { authorization: `Bearer ${account.accessToken}` },
        remoteAddress: office,
        payload: { eventId: event.id, items: items(event) },
      });
      expect(res.statusCode).toBe(201);
      // An account's own limit is unchanged.
      expect((await order(env(), account, { eventId: event.id, items: items(event) })).statusCode).toBe(201);
      expect(json(await order(env(), account, { eventId: event.id, items: items(event) })).code).toBe(
        'hold_limit_reached',
      );
    });
  },
  { env: { MAX_PENDING_ORDERS_PER_IP: '6' } },
);
