import { expect, it } from 'vitest';
import { openDoor, ticketsFor, validate } from './support/door';
import { logIn, makePublishedEvent, order, placeOrderOk, signUp, type OrderBody } from './support/factories';
import { availability, counters, refund, viewOrder } from './support/order-probes';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

const remaining = async (env: TestEnv, eventId: string) => (await availability(env, eventId)).remaining;

const MAX_HOLDS = 4;

describeEachEngine(
  'hold limits per buyer, and refunds of tickets used at the door',
  (env) => {
    it(`lets one buyer hold at most ${MAX_HOLDS} pending orders per event; the next is 409 and takes nothing`, async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const hoarder = await signUp(env());
      const event = await makePublishedEvent(env(), organizer, {
        capacity: 100,
        ticketTypes: [{ name: 'GA', price: 30, limit: 100, maxPerOrder: 10 }],
      });
      const items = [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 10 }];
      const held: OrderBody[] = [];
      for (let i = 0; i < MAX_HOLDS; i++)
        held.push(await placeOrderOk(env(), hoarder, { eventId: event.id, items }));
      expect(await remaining(env(), event.id)).toBe(60);

      const fifth = await order(env(), hoarder, { eventId: event.id, items });
      expect(fifth.statusCode).toBe(409);
      expect(json(fifth).code).toBe('hold_limit_reached');
      expect(await remaining(env(), event.id)).toBe(60);
      expect(await counters(env(), event.id)).toEqual({ sold: 0, held: 40 });

      // Everyone else still buys, and the hoarder can hold seats of another event.
      const other = await signUp(env());
      await placeOrderOk(env(), other, { eventId: event.id, items });
      const elsewhere = await makePublishedEvent(env(), organizer, {
        capacity: 10,
        ticketTypes: [{ name: 'GA', price: 30, limit: 10 }],
      });
      await placeOrderOk(env(), hoarder, {
        eventId: elsewhere.id,
        items: [{ ticketTypeId: elsewhere.ticketTypes[0]!.id, quantity: 1 }],
      });

      // Paying, cancelling or letting a hold run out frees a place for another one.
      const cancel = await env().app.inject({
        method: 'POST',
        url: `/api/orders/${held[0]!.id}/cancel`,
        headers: bearer(hoarder.accessToken),
      });
      expect(cancel.statusCode).toBe(200);
      await placeOrderOk(env(), hoarder, { eventId: event.id, items });
      expect((await order(env(), hoarder, { eventId: event.id, items })).statusCode).toBe(409);
      env().clock.advance(15 * 60 * 1000);
      // Signed in again: the access token ran out with the clock.
      const again = await logIn(env(), hoarder.user.email, hoarder.password);
      await placeOrderOk(env(), again, { eventId: event.id, items });
    });

    it('holds the limit when one buyer places many orders at once', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const hoarder = await signUp(env());
      const event = await makePublishedEvent(env(), organizer, {
        capacity: 100,
        ticketTypes: [{ name: 'GA', price: 30, limit: 100 }],
      });
      const items = [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }];
      const results = await Promise.all(
        Array.from({ length: 12 }, () => order(env(), hoarder, { eventId: event.id, items })),
      );
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(MAX_HOLDS);
      expect(results.filter((r) => r.statusCode === 409).map((r) => json(r).code)).toEqual(
        Array(12 - MAX_HOLDS).fill('hold_limit_reached'),
      );
      expect(await counters(env(), event.id)).toEqual({ sold: 0, held: MAX_HOLDS * 2 });
    });

    it('never refunds a used ticket to its buyer; the organizer may, and its seat stays taken', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const door = await openDoor(env(), organizer, {
        capacity: 10,
        ticketTypes: [{ name: 'GA', price: 25, limit: 10 }],
        refundPolicy: { customerRefundsUntilHoursBefore: 24 },
      });
      const buyer = await signUp(env());
      const { order: paid, tickets } = await ticketsFor(env(), buyer, door.event, 3);
      const [first, second, third] = tickets;
      expect((await validate(env(), door.staff, { code: first!.code })).statusCode).toBe(200);
      expect(await counters(env(), door.event.id)).toEqual({ sold: 3, held: 0 });

      const asked = await refund(env(), buyer.accessToken, paid.id, { ticketIds: [first!.id, second!.id] });
      expect(asked.statusCode).toBe(409);
      expect(json(asked)).toMatchObject({ code: 'ticket_used', ticketIds: [first!.id] });
      expect(await counters(env(), door.event.id)).toEqual({ sold: 3, held: 0 });

      // "All tickets" means all unused ones.
      const all = await refund(env(), buyer.accessToken, paid.id);
      expect(all.statusCode).toBe(201);
      expect(json(all)).toMatchObject({ amount: 50, ticketIds: [second!.id, third!.id] });
      expect(await counters(env(), door.event.id)).toEqual({ sold: 1, held: 0 });
      const none = await refund(env(), buyer.accessToken, paid.id);
      expect(none.statusCode).toBe(409);
      expect(json(none).code).toBe('ticket_used');

      const byOrganizer = await refund(env(), organizer.accessToken, paid.id, { ticketIds: [first!.id] });
      expect(byOrganizer.statusCode).toBe(201);
      expect(json(byOrganizer)).toMatchObject({ amount: 25, ticketIds: [first!.id] });
      // The attendee is in the seat: it does not go back on sale.
      expect(await counters(env(), door.event.id)).toEqual({ sold: 1, held: 0 });
      expect(await remaining(env(), door.event.id)).toBe(9);
      expect(await viewOrder(env(), buyer.accessToken, paid.id)).toMatchObject({
        status: 'refunded',
        refunded: 75,
      });
    });
  },
  { env: { MAX_PENDING_ORDERS_PER_BUYER: String(MAX_HOLDS) } },
);
