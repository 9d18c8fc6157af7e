import { createApi } from '@eventhub/client';
import { beforeAll, expect, it } from 'vitest';
import { makePublishedEvent, signUp } from './support/factories';
import { newGuest } from './support/guests';
import { describeEachEngine } from './support/test-env';

describeEachEngine('typed client as a guest, on loopback', (env) => {
  let baseUrl = '';
  beforeAll(async () => {
    await env().app.listen({ port: 0, host: '127.0.0.1' });
    const address = env().app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });

  it('places, pays and passes on a ticket with the order token, and asks for the links', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makePublishedEvent(env(), organizer);
    const guest = newGuest();
    const anonymous = createApi({ baseUrl });
    const placed = await anonymous.orders.place({
      eventId: event.id,
      items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
      buyer: guest,
    });
    expect(placed.buyerId).toBeNull();
    const token = placed.orderToken!;
    // How the web app reaches an order with its token: the header on every request.
    const holder = createApi({
      baseUrl,
      fetch: (input, init) => {
        const request = new Request(input, init);
        request.headers.set('X-Order-Token', token);
        return fetch(request);
      },
    });
    const paid = await holder.orders.pay(placed.id, 'succeeded');
    expect(paid.status).toBe('paid');
    const ticket = await holder.orders.changeHolder(placed.id, paid.tickets![0]!.id, {
      holderName: 'Friend',
    });
    expect(ticket.holderName).toBe('Friend');
    expect(ticket.code).not.toBe(paid.tickets![0]!.code);
    await expect(anonymous.orders.get(placed.id)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    expect(await anonymous.orders.lookup(guest.email)).toEqual(
      await anonymous.orders.lookup('nobody@example.test'),
    );
  });
});
