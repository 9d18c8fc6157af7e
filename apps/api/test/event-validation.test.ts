import { expect, it } from 'vitest';
import { makeEvent, SEED_EVENT, signUp, type SignedIn } from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

async function createWith(env: TestEnv, organizer: SignedIn, payload: Record<string, unknown>) {
  return env.app.inject({
    method: 'POST',
    url: '/api/events',
    headers: bearer(organizer.accessToken),
    payload,
  });
}

function fields(res: { json(): unknown }): string[] {
  return ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
}

describeEachEngine('event validation', (env) => {
  it('answers each invalid field with a 400 that names it, and stores nothing', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const tier = (over: Record<string, unknown>) => ({
      ...SEED_EVENT,
      ticketTypes: [{ name: 'T', price: 10, limit: 10, ...over }],
    });
    const cases: [string, Record<string, unknown>, string][] = [
      ['tier limit above capacity', tier({ limit: 501 }), 'ticketTypes.0.limit'],
      ['negative limit', tier({ limit: -1 }), 'ticketTypes.0.limit'],
      ['non-integer limit', tier({ limit: 2.5 }), 'ticketTypes.0.limit'],
      ['three decimals in USD', tier({ price: 10.005 }), 'ticketTypes.0.price'],
      ['decimals in JPY', { ...tier({ price: 1000.5 }), currency: 'JPY' }, 'ticketTypes.0.price'],
      ['negative price', tier({ price: -1 }), 'ticketTypes.0.price'],
      ['max below min per order', tier({ minPerOrder: 4, maxPerOrder: 2 }), 'ticketTypes.0.maxPerOrder'],
      [
        'endsAt before startsAt',
        { ...SEED_EVENT, startsAt: '2030-05-02T10:00:00Z', endsAt: '2030-05-01T10:00:00Z' },
        'endsAt',
      ],
      ['unknown timezone', { ...SEED_EVENT, timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      ['unknown currency', { ...SEED_EVENT, currency: 'XYZ' }, 'currency'],
      ['lower-case currency', { ...SEED_EVENT, currency: 'usd' }, 'currency'],
      ['unknown country', { ...SEED_EVENT, venue: { city: 'Nowhere', country: 'QQ' } }, 'venue.country'],
      [
        'sales end before start',
        { ...SEED_EVENT, salesStart: '2030-01-02T00:00:00Z', salesEnd: '2030-01-01T00:00:00Z' },
        'salesEnd',
      ],
      ['shorthand without a number', { ...SEED_EVENT, promotions: ['SUMMER'] }, 'promotions.0'],
      ['shorthand above 100', { ...SEED_EVENT, promotions: ['HUGE150'] }, 'promotions.0'],
      [
        'duplicate codes, other case',
        { ...SEED_EVENT, promotions: ['EARLY25', 'early25'] },
        'promotions.1.code',
      ],
      [
        'percent above 100',
        { ...SEED_EVENT, promotions: [{ code: 'MEGA', kind: 'percent', value: 120 }] },
        'promotions.0.value',
      ],
      ['blank name', { ...SEED_EVENT, name: '   ' }, 'name'],
      ['missing name', { capacity: 10 }, 'name'],
    ];
    for (const [label, payload, field] of cases) {
      const res = await createWith(env(), organizer, payload);
      expect(res.statusCode, label).toBe(400);
      expect(fields(res), label).toContain(field);
    }
    const count = await env()
      .ctx.db.selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organizer_id', '=', organizer.user.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('stores money as integer minor units per currency and gives it back in major units', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const usd = await makeEvent(env(), organizer, {
      ticketTypes: [
        { name: 'A', price: 12.5, limit: 5 },
        { name: 'B', price: 0.29, limit: 5 },
      ],
    });
    const jpy = await makeEvent(env(), organizer, {
      currency: 'JPY',
      ticketTypes: [{ name: 'A', price: 5000, limit: 5 }],
    });
    const kwd = await makeEvent(env(), organizer, {
      currency: 'KWD',
      ticketTypes: [{ name: 'A', price: 1.125, limit: 5 }],
    });
    const stored = await env()
      .ctx.db.selectFrom('ticket_types')
      .select(['event_id', 'price'])
      .where('event_id', 'in', [usd.id, jpy.id, kwd.id])
      .orderBy('price')
      .execute();
    expect(stored.map((s) => s.price).sort((a, b) => a - b)).toEqual([29, 1125, 1250, 5000]);
    expect(usd.ticketTypes.map((t) => t.price)).toEqual([12.5, 0.29]);
    expect(kwd.ticketTypes[0]!.price).toBe(1.125);

    const toEur = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${usd.id}`,
      headers: bearer(organizer.accessToken),
      payload: { currency: 'EUR' },
    });
    expect(
      json<{ currency: string; ticketTypes: { price: number }[] }>(toEur).ticketTypes.map((t) => t.price),
    ).toEqual([12.5, 0.29]);
    const toJpy = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${usd.id}`,
      headers: bearer(organizer.accessToken),
      payload: { currency: 'JPY' },
    });
    expect(toJpy.statusCode).toBe(400);
    expect(fields(toJpy)).toContain('currency');
  });

  it('refuses capacity or a tier limit below what is sold or held with 409, and keeps the data', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer);
    const vip = event.ticketTypes.find((t) => t.name === 'VIP')!;
    // Sales as the checkout records them: tier and event counters move together.
    await env()
      .ctx.db.updateTable('ticket_types')
      .set({ sold: 30, held: 10 })
      .where('id', '=', vip.id)
      .execute();
    await env().ctx.db.updateTable('events').set({ sold: 30, held: 10 }).where('id', '=', event.id).execute();

    const auth = bearer(organizer.accessToken);
    const tierDown = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}/ticket-types/${vip.id}`,
      headers: auth,
      payload: { limit: 39 },
    });
    expect(tierDown.statusCode).toBe(409);
    expect(json(tierDown).code).toBe('limit_below_sold');
    const tierOk = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}/ticket-types/${vip.id}`,
      headers: auth,
      payload: { limit: 40 },
    });
    expect(tierOk.statusCode).toBe(200);

    const capacityDown = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: auth,
      payload: { capacity: 39 },
    });
    expect(capacityDown.statusCode).toBe(409);
    expect(json(capacityDown).code).toBe('capacity_below_sold');
    const belowTier = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: auth,
      payload: { capacity: 200 },
    });
    expect(belowTier.statusCode).toBe(400);
    expect(fields(belowTier)).toContain('capacity');

    const removeSold = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}/ticket-types/${vip.id}`,
      headers: auth,
    });
    expect(removeSold.statusCode).toBe(409);
    const deleteSold = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}`,
      headers: auth,
    });
    expect(deleteSold.statusCode).toBe(409);
    expect(json(deleteSold).code).toBe('has_orders');
    const currency = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: auth,
      payload: { currency: 'EUR' },
    });
    expect(json(currency).code).toBe('currency_locked');

    const after = await env().app.inject({ method: 'GET', url: `/api/events/${event.id}`, headers: auth });
    expect(json<{ capacity: number; ticketTypes: { id: string; limit: number }[] }>(after)).toMatchObject({
      capacity: 500,
    });
    expect(
      json<{ ticketTypes: { id: string; limit: number }[] }>(after).ticketTypes.find((t) => t.id === vip.id)!
        .limit,
    ).toBe(40);
  });

  it('takes JSON null as "none", never coerced to 0', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer, {
      capacity: null,
      refundPolicy: { customerRefundsUntilHoursBefore: null },
      ticketTypes: [{ name: 'Open', price: 0, limit: 0, maxPerOrder: null }],
    });
    expect(event).toMatchObject({ capacity: null, refundPolicy: { customerRefundsUntilHoursBefore: null } });
    const promo = await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/promotions`,
      headers: bearer(organizer.accessToken),
      payload: { code: 'NULLS', kind: 'percent', value: 5, ticketTypeIds: null, maxUses: null },
    });
    expect(promo.statusCode).toBe(201);
    expect(json(promo)).toMatchObject({ ticketTypeIds: null, maxUses: null });
    const cleared = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: bearer(organizer.accessToken),
      payload: { capacity: 1000 },
    });
    expect(json(cleared).capacity).toBe(1000);
    const back = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: bearer(organizer.accessToken),
      payload: { capacity: null },
    });
    expect(json(back).capacity).toBeNull();
    // Strings are not numbers in a JSON body.
    const stringly = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: bearer(organizer.accessToken),
      payload: { capacity: '12' },
    });
    expect(stringly.statusCode).toBe(400);
  });
});
