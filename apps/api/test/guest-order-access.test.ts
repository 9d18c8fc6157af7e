import { beforeAll, expect, it } from 'vitest';
import { makePublishedEvent, signUp, type EventBody, type SignedIn } from './support/factories';
import { guestOrderOk, guestPaidOrder, withToken, type GuestOrder } from './support/guests';
import { bearer, describeEachEngine, json } from './support/test-env';

describeEachEngine('order access by token', (env) => {
  let event: EventBody;
  let organizer: SignedIn;
  let paid: GuestOrder;
  let other: GuestOrder;
  let ticketId: string;
  const items = () => [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }];

  beforeAll(async () => {
    organizer = await signUp(env(), { role: 'organizer' });
    event = await makePublishedEvent(env(), organizer, {
      refundPolicy: { customerRefundsUntilHoursBefore: 24 },
    });
    paid = await guestPaidOrder(env(), { eventId: event.id, items: items() });
    other = await guestOrderOk(env(), { eventId: event.id, items: items() });
    ticketId = paid.tickets![0]!.id;
  });

  /** Every route an order's token opens, as [method, url, body]. */
  const routes = (): ['GET' | 'POST' | 'PATCH', string, object?][] => [
    ['GET', `/api/orders/${paid.id}`],
    ['GET', `/api/orders/${paid.id}/tickets`],
    ['GET', `/api/tickets/${ticketId}/qr.png`],
    ['GET', `/api/orders/${paid.id}/tickets.pdf`],
    ['POST', `/api/orders/${paid.id}/pay`, { outcome: 'succeeded' }],
    ['POST', `/api/orders/${paid.id}/cancel`],
    ['POST', `/api/orders/${paid.id}/refunds`, { ticketIds: [ticketId] }],
    ['PATCH', `/api/orders/${paid.id}/tickets/${ticketId}`, { holderName: 'Mallory' }],
  ];

  it('answers 404 to no token, a truncated one, another order’s and a made-up one, on every route', async () => {
    const wrong: [string, string | null][] = [
      ['no token', null],
      ['truncated', paid.orderToken.slice(0, -1)],
      [
        'one character changed',
        `${paid.orderToken.slice(0, -1)}${paid.orderToken.endsWith('A') ? 'B' : 'A'}`,
      ],
      ["another order's", other.orderToken],
      ['empty', ''],
      ['made up', 'x'.repeat(43)],
    ];
    for (const [method, url, body] of routes()) {
      for (const [label, token] of wrong) {
        const res = await withToken(env(), token, method, url, body);
        expect(res.statusCode, `${method} ${url} with ${label}`).toBe(404);
        expect(json(res).code).toBe('not_found');
        const viaQuery = await env().app.inject({
          method,
          url: `${url}?token=${encodeURIComponent(token ?? '')}`,
          ...(body ? { payload: body } : {}),
        });
        expect(viaQuery.statusCode, `${method} ${url}?token= ${label}`).toBe(404);
      }
    }
    // Nothing happened to the order meanwhile.
    const order = json<{ status: string; tickets: { holderName: string; status: string }[] }>(
      await withToken(env(), paid.orderToken, 'GET', `/api/orders/${paid.id}`),
    );
    expect(order.status).toBe('paid');
    expect(order.tickets.map((t) => [t.holderName, t.status])).toEqual([
      ['Gail Guest', 'valid'],
      ['Gail Guest', 'valid'],
    ]);
  });

  it('another signed-in customer gets 404 with or without the wrong token; the organizer sees the order', async () => {
    const stranger = await signUp(env());
    for (const [method, url, body] of routes()) {
      const res = await env().app.inject({
        method,
        url,
        headers: bearer(stranger.accessToken),
        ...(body ? { payload: body } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      const withOther = await env().app.inject({
        method,
        url,
        headers: { ...bearer(stranger.accessToken), 'x-order-token': other.orderToken },
        ...(body ? { payload: body } : {}),
      });
      expect(withOther.statusCode, `${method} ${url} + other token`).toBe(404);
    }
    const seen = await env().app.inject({
      method: 'GET',
      url: `/api/orders/${paid.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(seen.statusCode).toBe(200);
    // The buyer's own acts stay the buyer's: the organizer cannot change a holder.
    const patched = await env().app.inject({
      method: 'PATCH',
      url: `/api/orders/${paid.id}/tickets/${ticketId}`,
      headers: bearer(organizer.accessToken),
      payload: { holderName: 'Org' },
    });
    expect(patched.statusCode).toBe(404);
  });

  it('the right token works on a signed-in stranger’s request too, and a stale bearer beside it is ignored', async () => {
    const stranger = await signUp(env());
    const res = await env().app.inject({
      method: 'GET',
      url: `/api/orders/${paid.id}`,
      headers: { ...bearer(stranger.accessToken), 'x-order-token': paid.orderToken },
    });
    expect(res.statusCode).toBe(200);
    const stale = await env().app.inject({
      method: 'GET',
      url: `/api/orders/${paid.id}/tickets`,
      headers: { ...bearer('expired.or.forged'), 'x-order-token': paid.orderToken },
    });
    expect(stale.statusCode).toBe(200);
    // Without a token, a bad bearer is still 401: the client must refresh.
    const noToken = await env().app.inject({
      method: 'GET',
      url: `/api/orders/${paid.id}`,
      headers: bearer('expired.or.forged'),
    });
    expect(noToken.statusCode).toBe(401);
  });

  it('a guest cancels a pending order with its token', async () => {
    const res = await withToken(env(), other.orderToken, 'POST', `/api/orders/${other.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(json(res).status).toBe('cancelled');
  });
});
