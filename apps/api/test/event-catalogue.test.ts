import { expect, it } from 'vitest';
import { makeEvent, signUp } from './support/factories';
import { bearer, describeEachEngine, json } from './support/test-env';

interface Promo {
  id: string;
  code: string;
  kind: string;
  value: number;
  uses: number;
  maxUses: number | null;
  ticketTypeIds: string[] | null;
  minQuantity: number;
}

describeEachEngine('ticket types and promotions', (env) => {
  it('adds, edits and removes ticket types with per-order limits, sales windows and sort order', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer);
    const auth = bearer(organizer.accessToken);
    const add = await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/ticket-types`,
      headers: auth,
      payload: {
        name: 'Student',
        price: 99.5,
        limit: 40,
        description: 'Bring your student card',
        minPerOrder: 1,
        maxPerOrder: 2,
        salesStart: '2030-01-01T00:00:00Z',
        salesEnd: '2030-02-01T00:00:00Z',
        sortOrder: -1,
      },
    });
    expect(add.statusCode).toBe(201);
    const student = json<{ id: string }>(add);
    expect(json(add)).toMatchObject({
      name: 'Student',
      price: 99.5,
      limit: 40,
      maxPerOrder: 2,
      remaining: 40,
      soldOut: false,
      sold: 0,
    });

    const edit = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}/ticket-types/${student.id}`,
      headers: auth,
      payload: { price: 89, maxPerOrder: 4 },
    });
    expect(json(edit)).toMatchObject({ price: 89, maxPerOrder: 4, limit: 40 });

    const full = await env().app.inject({ method: 'GET', url: `/api/events/${event.id}`, headers: auth });
    expect(json<{ ticketTypes: { name: string }[] }>(full).ticketTypes.map((t) => t.name)).toEqual([
      'Student',
      'Early Bird',
      'Regular',
      'VIP',
    ]);

    const tooBig = await env().app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/ticket-types`,
      headers: auth,
      payload: { name: 'Huge', price: 1, limit: 501 },
    });
    expect(tooBig.statusCode).toBe(400);
    const badWindow = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}/ticket-types/${student.id}`,
      headers: auth,
      payload: { salesEnd: '2029-01-01T00:00:00Z' },
    });
    expect(badWindow.statusCode).toBe(400);

    const remove = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}/ticket-types/${student.id}`,
      headers: auth,
    });
    expect(remove.statusCode).toBe(204);
    const missing = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}/ticket-types/${student.id}`,
      headers: auth,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('creates percent and fixed codes with restrictions; codes are case-insensitive and unique per event', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer);
    const other = await makeEvent(env(), organizer);
    const auth = bearer(organizer.accessToken);
    const vip = event.ticketTypes.find((t) => t.name === 'VIP')!.id;
    const create = (eventId: string, payload: object) =>
      env().app.inject({ method: 'POST', url: `/api/events/${eventId}/promotions`, headers: auth, payload });

    const fixed = await create(event.id, {
      code: 'VipFive',
      kind: 'fixed',
      value: 5.25,
      maxUses: 3,
      validFrom: '2030-01-01T00:00:00Z',
      validUntil: '2030-06-01T00:00:00Z',
      ticketTypeIds: [vip],
      minQuantity: 2,
    });
    expect(fixed.statusCode).toBe(201);
    expect(json<Promo>(fixed)).toMatchObject({
      code: 'VipFive',
      kind: 'fixed',
      value: 5.25,
      maxUses: 3,
      ticketTypeIds: [vip],
      minQuantity: 2,
      uses: 0,
    });

    const clash = await create(event.id, { code: 'early25', kind: 'percent', value: 30 });
    expect(clash.statusCode).toBe(409);
    expect(json(clash).code).toBe('promo_code_taken');
    // The same code on another event is fine.
    expect((await create(other.id, { code: 'VIPFIVE', kind: 'percent', value: 5 })).statusCode).toBe(201);

    const foreignTier = await create(event.id, {
      code: 'CROSS',
      kind: 'percent',
      value: 5,
      ticketTypeIds: [other.ticketTypes[0]!.id],
    });
    expect(foreignTier.statusCode).toBe(400);
    const cents = await create(event.id, { code: 'CENTS', kind: 'fixed', value: 0.001 });
    expect(cents.statusCode).toBe(400);
    const badCode = await create(event.id, { code: 'no spaces!', kind: 'percent', value: 5 });
    expect(badCode.statusCode).toBe(400);

    const list = await env().app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/promotions`,
      headers: auth,
    });
    expect(json<{ items: Promo[] }>(list).items.map((p) => [p.code, p.uses])).toEqual([
      ['EARLY25', 0],
      ['GROUP10', 0],
      ['VipFive', 0],
    ]);

    const rename = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}/promotions/${json<Promo>(fixed).id}`,
      headers: auth,
      payload: { code: 'GROUP10' },
    });
    expect(rename.statusCode).toBe(409);
  });

  it('keeps used codes: maxUses never below uses, and a used code cannot be deleted', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer);
    const auth = bearer(organizer.accessToken);
    const promo = event.promotions![0]!;
    // Redemptions as the checkout records them.
    await env().ctx.db.updateTable('promotions').set({ uses: 4 }).where('id', '=', promo.id).execute();

    const tooLow = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}/promotions/${promo.id}`,
      headers: auth,
      payload: { maxUses: 3 },
    });
    expect(tooLow.statusCode).toBe(409);
    expect(json(tooLow).code).toBe('max_uses_below_uses');
    const ok = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}/promotions/${promo.id}`,
      headers: auth,
      payload: { maxUses: 4 },
    });
    expect(json<Promo>(ok)).toMatchObject({ maxUses: 4, uses: 4 });
    const del = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}/promotions/${promo.id}`,
      headers: auth,
    });
    expect(del.statusCode).toBe(409);
    expect(json(del).code).toBe('promotion_used');
    const unused = event.promotions![1]!;
    const delUnused = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}/promotions/${unused.id}`,
      headers: auth,
    });
    expect(delUnused.statusCode).toBe(204);
  });
});
