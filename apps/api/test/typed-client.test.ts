import { ApiError, createApi } from '@eventhub/client';
import { beforeAll, expect, it } from 'vitest';
import { GOOD_PASSWORD, signInAdmin, signUp, uniqueEmail } from './support/factories';
import { jpegWithGps } from './support/images';
import { describeEachEngine } from './support/test-env';

describeEachEngine('typed client against a live server on loopback', (env) => {
  let baseUrl = '';
  beforeAll(async () => {
    await env().app.listen({ port: 0, host: '127.0.0.1' });
    const address = env().app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });

  it('signs up, reads /me with the access token and surfaces problems as ApiError', async () => {
    const session: { token?: string } = {};
    const api = createApi({ baseUrl, getAccessToken: () => session.token });
    const email = uniqueEmail('client');
    const result = await api.auth.register({ email, password: GOOD_PASSWORD, name: 'Client User' });
    session.token = result.accessToken;
    const me = await api.auth.me();
    expect(me.email).toBe(email);

    const failure = await api.auth.login({ email, password: 'wrong password 123' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 401, code: 'invalid_credentials' });

    const forbidden = await api.admin.users.list().catch((e: unknown) => e);
    expect(forbidden).toMatchObject({ status: 403, code: 'forbidden' });
    await api.auth.logout({ refreshToken: result.refreshToken });
    await expect(api.auth.me()).rejects.toMatchObject({ status: 401 });
  });

  it('drives the admin resources', async () => {
    const admin = await signInAdmin(env());
    const api = createApi({ baseUrl, getAccessToken: () => admin.accessToken });
    const page = await api.admin.users.list({ q: admin.user.email });
    expect(page.items.map((u) => u.id)).toEqual([admin.user.id]);
    const log = await api.admin.auditLog.list({ action: 'auth.login_succeeded', actorId: admin.user.id });
    expect(log.total).toBeGreaterThanOrEqual(1);
  });

  it('runs the seed example `await api.events.create({...})` exactly as API.md writes it', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const api = createApi({ baseUrl, getAccessToken: () => organizer.accessToken });
    const event = await api.events.create({
      name: 'Tech Conference 2025',
      capacity: 500,
      ticketTypes: [
        { name: 'Early Bird', price: 299, limit: 100 },
        { name: 'Regular', price: 399, limit: 300 },
        { name: 'VIP', price: 599, limit: 50 },
      ],
      promotions: ['EARLY25', 'GROUP10'],
    });
    expect(event).toMatchObject({ status: 'draft', capacity: 500 });
    expect(event.ticketTypes).toHaveLength(3);
    expect(event.promotions?.map((p) => p.value)).toEqual([25, 10]);

    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    await api.events.update(event.id, { startsAt, venue: { city: 'Lisbon', country: 'PT' } });
    const image = await jpegWithGps();
    const uploaded = await api.events.uploadImage(
      event.id,
      new Blob([image], { type: 'image/jpeg' }),
      'cover.jpg',
    );
    expect(uploaded.imageUrl).toContain(event.id);
    await api.events.publish(event.id);
    const found = await createApi({ baseUrl }).events.list({ q: 'tech conference', city: 'lisbon' });
    expect(found.items.map((e) => e.id)).toContain(event.id);
    const tier = await api.events.ticketTypes.add(event.id, { name: 'Student', price: 99, limit: 20 });
    await api.events.ticketTypes.remove(event.id, tier.id);
    const mine = await api.events.mine();
    expect(mine.items[0]?.id).toBe(event.id);
  });

  it('buys, pays and refunds through api.orders.*', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const buyer = await signUp(env());
    const org = createApi({ baseUrl, getAccessToken: () => organizer.accessToken });
    const api = createApi({ baseUrl, getAccessToken: () => buyer.accessToken });
    const event = await org.events.create({
      name: 'Client Checkout',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      ticketTypes: [{ name: 'GA', price: 10, limit: 5 }],
    });
    await org.events.publish(event.id);
    const items = [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }];
    const placed = await api.orders.place({ eventId: event.id, items }, 'attempt-1');
    const again = await api.orders.place({ eventId: event.id, items }, 'attempt-1');
    expect(again.id).toBe(placed.id);
    const paid = await api.orders.pay(placed.id);
    expect(paid.tickets).toHaveLength(2);
    expect((await api.orders.mine()).items[0]?.id).toBe(placed.id);
    const refund = await org.orders.refund(placed.id, { ticketIds: [paid.tickets![0]!.id] });
    expect(refund.amount).toBe(10);
    expect((await org.orders.ofEvent(event.id)).items[0]?.status).toBe('partially_refunded');
    await expect(
      api.orders.place({ eventId: event.id, items: [{ ticketTypeId: items[0]!.ticketTypeId, quantity: 9 }] }),
    ).rejects.toMatchObject({
      status: 409,
      code: 'sold_out',
    });
  });
});
