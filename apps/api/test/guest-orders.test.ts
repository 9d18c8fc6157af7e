import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { makePublishedEvent, placeOrderOk, signUp, type OrderBody } from './support/factories';
import {
  guestOrder,
  guestOrderOk,
  guestPaidOrder,
  mailsTo,
  newGuest,
  withToken,
  type GuestOrder,
} from './support/guests';
import { bearer, describeEachEngine, json } from './support/test-env';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describeEachEngine('guest checkout', (env) => {
  it('a guest buys, pays, reads tickets, QR and PDF, and self-refunds with the token alone', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makePublishedEvent(env(), organizer, {
      refundPolicy: { customerRefundsUntilHoursBefore: 24 },
    });
    const guest = newGuest();
    const placed = await guestOrderOk(
      env(),
      { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }] },
      { buyer: { email: guest.email.toUpperCase(), name: '  Gail Guest ' } },
    );
    expect(placed).toMatchObject({
      status: 'pending',
      buyerId: null,
      buyer: { email: guest.email, name: 'Gail Guest' },
    });
    expect(placed.reference).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    // 256 bits, base64url.
    expect(placed.orderToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Stored only as its hash, never as itself.
    const row = await env()
      .ctx.db.selectFrom('orders')
      .selectAll()
      .where('id', '=', placed.id)
      .executeTakeFirstOrThrow();
    expect(row.order_token_hash).toBe(sha256(placed.orderToken));
    expect(JSON.stringify(row)).not.toContain(placed.orderToken);
    expect(row).toMatchObject({ buyer_id: null, buyer_email: guest.email, buyer_name: 'Gail Guest' });

    const token = placed.orderToken;
    const paid = json<OrderBody>(
      await withToken(env(), token, 'POST', `/api/orders/${placed.id}/pay`, { outcome: 'succeeded' }),
    );
    expect(paid.status).toBe('paid');
    expect(paid.tickets!.map((t) => t.holderName)).toEqual(['Gail Guest', 'Gail Guest']);
    // The response never repeats the token: only the 201 and the mail carry it.
    expect(paid).not.toHaveProperty('orderToken');

    const viewed = await withToken(env(), token, 'GET', `/api/orders/${placed.id}`);
    expect(viewed.statusCode).toBe(200);
    const viaLink = await env().app.inject({ method: 'GET', url: `/api/orders/${placed.id}?token=${token}` });
    expect(json<OrderBody>(viaLink).id).toBe(placed.id);
    const tickets = json<{ id: string; code: string }[]>(
      await withToken(env(), token, 'GET', `/api/orders/${placed.id}/tickets`),
    );
    expect(tickets).toHaveLength(2);
    const qr = await env().app.inject({
      method: 'GET',
      url: `/api/tickets/${tickets[0]!.id}/qr.png?token=${token}`,
    });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/png');
    const pdf = await withToken(env(), token, 'GET', `/api/orders/${placed.id}/tickets.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The confirmation mail links to the order page with the token.
    const [confirmation] = await mailsTo(env(), guest.email);
    expect(confirmation!.text).toContain(`${placed.reference}`);
    expect(confirmation!.text).toContain(`/account/orders/${placed.id}?token=${token}`);

    const refunded = await withToken(env(), token, 'POST', `/api/orders/${placed.id}/refunds`, {
      ticketIds: [tickets[0]!.id],
    });
    expect(refunded.statusCode).toBe(201);
    expect(json(refunded)).toMatchObject({ amount: 299, ticketIds: [tickets[0]!.id] });
    const after = json<OrderBody>(await withToken(env(), token, 'GET', `/api/orders/${placed.id}`));
    expect(after.status).toBe('partially_refunded');
    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('target_id', '=', placed.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['order.placed', 'order.paid', 'order.partially_refunded']);
    expect(audit.every((a) => a.actor_id === null)).toBe(true);
  });

  it('needs buyer {email, name} without a bearer token: 400 validation_failed', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makePublishedEvent(env(), organizer);
    const items = [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }];
    for (const buyer of [
      null,
      { email: 'not-an-address', name: 'X' },
      { email: 'a@example.test', name: '' },
    ]) {
      const res = await guestOrder(env(), { eventId: event.id, items }, { buyer: buyer as never });
      expect(res.statusCode, JSON.stringify(buyer)).toBe(400);
      expect(json(res).code).toBe('validation_failed');
    }
    // A bad bearer token is 401 (the client refreshes), not a guest order.
    const stale = await guestOrder(env(), { eventId: event.id, items }, { headers: bearer('not-a-jwt') });
    expect(stale.statusCode).toBe(401);
  });

  it('an account order keeps working with a bearer token, ignores buyer and gets a token too', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const buyer = await signUp(env(), { name: 'Acc Buyer' });
    const event = await makePublishedEvent(env(), organizer);
    const placed = (await placeOrderOk(env(), buyer, {
      eventId: event.id,
      items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
      buyer: { email: 'someone-else@example.test', name: 'Someone Else' },
    })) as GuestOrder;
    expect(placed.buyerId).toBe(buyer.user.id);
    expect(placed.buyer).toEqual({ email: buyer.user.email, name: 'Acc Buyer' });
    expect(placed.orderToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const viaToken = await withToken(env(), placed.orderToken, 'GET', `/api/orders/${placed.id}`);
    expect(viaToken.statusCode).toBe(200);
    const mine = json<{ items: { id: string }[] }>(
      await env().app.inject({ method: 'GET', url: '/api/orders', headers: bearer(buyer.accessToken) }),
    );
    expect(mine.items.map((o) => o.id)).toEqual([placed.id]);
  });

  it('replays a guest retry with the same Idempotency-Key, scoped to the guest', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makePublishedEvent(env(), organizer);
    const guest = newGuest();
    const body = { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }] };
    const key = randomUUID();
    const first = await guestOrder(env(), body, { buyer: guest, headers: { 'idempotency-key': key } });
    const again = await guestOrder(env(), body, { buyer: guest, headers: { 'idempotency-key': key } });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(json(again).id).toBe(json(first).id);
    // Another guest using the same key is not handed the first guest's order.
    const other = await guestOrder(env(), body, { buyer: newGuest(), headers: { 'idempotency-key': key } });
    expect(other.statusCode).toBe(201);
    expect(json(other).id).not.toBe(json(first).id);
    const changed = await guestOrder(
      env(),
      { ...body, promoCode: 'EARLY25' },
      { buyer: guest, headers: { 'idempotency-key': key } },
    );
    expect(json(changed).code).toBe('idempotency_key_reused');
    // A guessable key is refused without an account.
    const short = await guestOrder(env(), body, { buyer: newGuest(), headers: { 'idempotency-key': 'k1' } });
    expect(short.statusCode).toBe(400);
  });

  it('guest orders join an account with one statement once the address is verified', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makePublishedEvent(env(), organizer);
    const guest = newGuest();
    const paid = await guestPaidOrder(
      env(),
      { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }] },
      { buyer: guest },
    );
    const account = await signUp(env(), { email: guest.email });
    // What the account helper runs on verification (identity/claim-guest-orders.ts).
    await sql`UPDATE orders SET buyer_id = ${account.user.id} WHERE buyer_id IS NULL AND buyer_email = ${guest.email}`.execute(
      env().ctx.db,
    );
    const mine = json<{ items: { id: string; buyerId: string }[] }>(
      await env().app.inject({ method: 'GET', url: '/api/orders', headers: bearer(account.accessToken) }),
    );
    expect(mine.items.map((o) => [o.id, o.buyerId])).toEqual([[paid.id, account.user.id]]);
    const own = await env().app.inject({
      method: 'GET',
      url: `/api/orders/${paid.id}/tickets`,
      headers: bearer(account.accessToken),
    });
    expect(own.statusCode).toBe(200);
    // The mailed link still works after the order joined the account.
    expect((await withToken(env(), paid.orderToken, 'GET', `/api/orders/${paid.id}`)).statusCode).toBe(200);
  });

  it("lists guest orders for the event's organizer and admins, searchable by the guest's address", async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makePublishedEvent(env(), organizer);
    const guest = newGuest('findme');
    const placed = await guestOrderOk(
      env(),
      { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }] },
      { buyer: guest },
    );
    const list = json<{ items: { id: string; buyer: { email: string } }[] }>(
      await env().app.inject({
        method: 'GET',
        url: `/api/events/${event.id}/orders?q=${encodeURIComponent(guest.email.slice(0, 12))}`,
        headers: bearer(organizer.accessToken),
      }),
    );
    expect(list.items.map((o) => [o.id, o.buyer.email])).toEqual([[placed.id, guest.email]]);
    const seen = await env().app.inject({
      method: 'GET',
      url: `/api/orders/${placed.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(json<{ buyer: { name: string } }>(seen).buyer.name).toBe('Gail Guest');
  });
});
