import { expect, it } from 'vitest';
import { makeEvent, SEED_EVENT, signInAdmin, signUp, type EventBody } from './support/factories';
import { bearer, describeEachEngine, json } from './support/test-env';

describeEachEngine('organizer event management', (env) => {
  it('accepts the seed payload of API.md exactly as written, as a draft', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/events',
      headers: bearer(organizer.accessToken),
      payload: SEED_EVENT,
    });
    expect(res.statusCode).toBe(201);
    const event = json<EventBody>(res);
    expect(event).toMatchObject({
      name: 'Tech Conference 2025',
      status: 'draft',
      capacity: 500,
      currency: 'USD',
      timezone: 'UTC',
    });
    expect(event.ticketTypes.map((t) => [t.name, t.price, t.limit])).toEqual([
      ['Early Bird', 299, 100],
      ['Regular', 399, 300],
      ['VIP', 599, 50],
    ]);
    expect(event.ticketTypes.every((t) => typeof t.id === 'string' && t.id.length > 0)).toBe(true);
    expect(event.promotions!.map((p) => [p.code, p.kind, p.value, p.uses])).toEqual([
      ['EARLY25', 'percent', 25, 0],
      ['GROUP10', 'percent', 10, 0],
    ]);

    const read = await env().app.inject({
      method: 'GET',
      url: `/api/events/${event.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(json<EventBody>(read)).toEqual(event);
  });

  it('hides drafts and every change from other organizers with 404, and from customers with 403', async () => {
    const a = await signUp(env(), { role: 'organizer' });
    const b = await signUp(env(), { role: 'organizer' });
    const customer = await signUp(env());
    const event = await makeEvent(env(), a);
    const tier = event.ticketTypes[0]!.id;
    const promo = event.promotions![0]!.id;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/events/${event.id}`],
      ['PATCH', `/api/events/${event.id}`, { name: 'Hijacked' }],
      ['POST', `/api/events/${event.id}/publish`],
      ['POST', `/api/events/${event.id}/cancel`],
      ['DELETE', `/api/events/${event.id}`],
      ['POST', `/api/events/${event.id}/ticket-types`, { name: 'X', price: 1, limit: 1 }],
      ['PATCH', `/api/events/${event.id}/ticket-types/${tier}`, { price: 1 }],
      ['DELETE', `/api/events/${event.id}/ticket-types/${tier}`],
      ['GET', `/api/events/${event.id}/promotions`],
      ['PATCH', `/api/events/${event.id}/promotions/${promo}`, { value: 90 }],
      ['DELETE', `/api/events/${event.id}/promotions/${promo}`],
    ];
    for (const [method, url, payload] of attempts) {
      const res = await env().app.inject({
        method: method as 'GET',
        url,
        headers: bearer(b.accessToken),
        payload: payload as object,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const anonymous = await env().app.inject({ method: 'GET', url: `/api/events/${event.id}` });
    expect(anonymous.statusCode).toBe(404);
    const byCustomer = await env().app.inject({
      method: 'POST',
      url: '/api/events',
      headers: bearer(customer.accessToken),
      payload: SEED_EVENT,
    });
    expect(byCustomer.statusCode).toBe(403);
    const unauthenticated = await env().app.inject({
      method: 'POST',
      url: '/api/events',
      payload: SEED_EVENT,
    });
    expect(unauthenticated.statusCode).toBe(401);

    // Nothing changed.
    const still = await env().app.inject({
      method: 'GET',
      url: `/api/events/${event.id}`,
      headers: bearer(a.accessToken),
    });
    expect(json<EventBody>(still)).toMatchObject({ name: SEED_EVENT.name, status: 'draft' });
    expect(json<EventBody>(still).ticketTypes).toHaveLength(3);
  });

  it('updates partially, and publishes only with a start date and a ticket type', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer);
    const early = await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/publish`,
      headers: bearer(organizer.accessToken),
    });
    expect(early.statusCode).toBe(409);
    expect(json(early).code).toBe('not_publishable');

    const startsAt = new Date(env().clock.now().getTime() + 7 * 86_400_000).toISOString();
    const patch = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: bearer(organizer.accessToken),
      payload: {
        startsAt,
        timezone: 'Europe/Berlin',
        venue: { name: 'Messe', city: 'Berlin', country: 'DE' },
        refundPolicy: { customerRefundsUntilHoursBefore: 48 },
      },
    });
    expect(patch.statusCode).toBe(200);
    expect(json(patch)).toMatchObject({
      name: SEED_EVENT.name,
      startsAt,
      timezone: 'Europe/Berlin',
      venue: { name: 'Messe', city: 'Berlin', country: 'DE' },
      refundPolicy: { customerRefundsUntilHoursBefore: 48 },
      capacity: 500,
    });
    const published = await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/publish`,
      headers: bearer(organizer.accessToken),
    });
    expect(published.statusCode).toBe(200);
    expect(json(published)).toMatchObject({ status: 'published' });
    expect(json(published).publishedAt).toBeTruthy();
    const publicView = await env().app.inject({ method: 'GET', url: `/api/events/${event.id}` });
    expect(publicView.statusCode).toBe(200);
    expect(json(publicView)).not.toHaveProperty('promotions');
    expect(json(publicView)).not.toHaveProperty('sold');

    const noTiers = await makeEvent(env(), organizer, { ticketTypes: [], startsAt });
    const refused = await env().app.inject({
      method: 'POST',
      url: `/api/events/${noTiers.id}/publish`,
      headers: bearer(organizer.accessToken),
    });
    expect(json(refused).code).toBe('not_publishable');
  });

  it('cancels for good and deletes only events without orders', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer);
    const cancel = await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/cancel`,
      headers: bearer(organizer.accessToken),
    });
    expect(json(cancel)).toMatchObject({ status: 'cancelled' });
    const republish = await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/publish`,
      headers: bearer(organizer.accessToken),
    });
    expect(republish.statusCode).toBe(409);
    expect(json(republish).code).toBe('event_cancelled');
    const edit = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: bearer(organizer.accessToken),
      payload: { name: 'x' },
    });
    expect(edit.statusCode).toBe(409);

    const other = await makeEvent(env(), organizer);
    const del = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${other.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(del.statusCode).toBe(204);
    const gone = await env().app.inject({
      method: 'GET',
      url: `/api/events/${other.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(gone.statusCode).toBe(404);
  });

  it('lets an admin see, edit and unpublish any event, and lists events per owner', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const admin = await signInAdmin(env());
    const startsAt = new Date(env().clock.now().getTime() + 86_400_000).toISOString();
    const event = await makeEvent(env(), organizer, { startsAt });
    await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/publish`,
      headers: bearer(organizer.accessToken),
    });

    const all = await env().app.inject({
      method: 'GET',
      url: `/api/admin/events?organizerId=${organizer.user.id}`,
      headers: bearer(admin.accessToken),
    });
    expect(
      json<{ items: { id: string; organizerEmail: string; status: string; sold: number }[] }>(all).items,
    ).toEqual([
      expect.objectContaining({
        id: event.id,
        organizerEmail: organizer.user.email,
        status: 'published',
        sold: 0,
      }),
    ]);
    const unpublish = await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/unpublish`,
      headers: bearer(admin.accessToken),
    });
    expect(json(unpublish)).toMatchObject({ status: 'draft' });
    expect((await env().app.inject({ method: 'GET', url: `/api/events/${event.id}` })).statusCode).toBe(404);

    const mine = await env().app.inject({
      method: 'GET',
      url: '/api/organizer/events',
      headers: bearer(organizer.accessToken),
    });
    expect(json<{ items: { id: string; capacity: number }[] }>(mine).items).toEqual([
      expect.objectContaining({ id: event.id, capacity: 500 }),
    ]);
    const notAdmin = await env().app.inject({
      method: 'GET',
      url: '/api/admin/events',
      headers: bearer(organizer.accessToken),
    });
    expect(notAdmin.statusCode).toBe(403);
  });

  it('writes audit entries for create, update, publish, cancel, delete and promotion changes', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const startsAt = new Date(env().clock.now().getTime() + 86_400_000).toISOString();
    const event = await makeEvent(env(), organizer, { startsAt });
    const auth = bearer(organizer.accessToken);
    await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: auth,
      payload: { description: 'Talks' },
    });
    await env().app.inject({ method: 'POST', url: `/api/events/${event.id}/publish`, headers: auth });
    const promo = json<{ id: string }>(
      await env().app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/promotions`,
        headers: auth,
        payload: { code: 'FRIENDS', kind: 'fixed', value: 20 },
      }),
    );
    await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}/promotions/${promo.id}`,
      headers: auth,
      payload: { maxUses: 10 },
    });
    await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}/promotions/${promo.id}`,
      headers: auth,
    });
    await env().app.inject({ method: 'POST', url: `/api/events/${event.id}/cancel`, headers: auth });
    const doomed = await makeEvent(env(), organizer);
    await env().app.inject({ method: 'DELETE', url: `/api/events/${doomed.id}`, headers: auth });

    const entries = await env()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('actor_id', '=', organizer.user.id)
      .orderBy('at')
      .execute();
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'event.created',
        'event.updated',
        'event.published',
        'promotion.created',
        'promotion.updated',
        'promotion.deleted',
        'event.cancelled',
        'event.deleted',
      ]),
    );
    expect(entries.find((e) => e.action === 'event.deleted')?.target_id).toBe(doomed.id);
  });
});
