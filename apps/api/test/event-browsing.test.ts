import { expect, it } from 'vitest';
import { makeEvent, makePublishedEvent, signUp } from './support/factories';
import { bearer, describeEachEngine, json } from './support/test-env';

interface Listing {
  items: { id: string; name: string; priceFrom: number | null; soldOut: boolean; remaining: number }[];
  total: number;
  page: number;
  pageSize: number;
}

describeEachEngine('public browsing', (env) => {
  it('lists only published events that have not ended, soonest first, with search and filters', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const tag = `t${Date.now().toString(36)}`;
    const day = 86_400_000;
    const now = env().clock.now().getTime();
    const berlin = await makePublishedEvent(
      env(),
      organizer,
      {
        name: `${tag} Rust Meetup`,
        venue: { city: 'Berlin', country: 'DE' },
        description: 'Ownership and borrowing',
      },
      10,
    );
    const paris = await makePublishedEvent(
      env(),
      organizer,
      { name: `${tag} Jazz Night`, venue: { city: 'Paris', country: 'FR' } },
      3,
    );
    const later = await makePublishedEvent(
      env(),
      organizer,
      { name: `${tag} Data Summit`, description: `A berlin-style ${tag} unconference` },
      60,
    );
    await makeEvent(env(), organizer, { name: `${tag} Draft Party` });
    const cancelled = await makePublishedEvent(env(), organizer, { name: `${tag} Called Off` }, 5);
    await env().app.inject({
      method: 'POST',
      url: `/api/events/${cancelled.id}/cancel`,
      headers: bearer(organizer.accessToken),
    });
    // Started yesterday, ends tomorrow: still listed. Ended yesterday: not listed. (Published while
    // ahead, then moved back: a start already past cannot be published.)
    const moveTo = async (event: { id: string }, startsAt: number, endsAt: number) => {
      const moved = await env().app.inject({
        method: 'PATCH',
        url: `/api/events/${event.id}`,
        headers: bearer(organizer.accessToken),
        payload: { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() },
      });
      expect(moved.statusCode).toBe(200);
      return event;
    };
    const ongoing = await moveTo(
      await makePublishedEvent(env(), organizer, { name: `${tag} Festival` }),
      now - day,
      now + day,
    );
    await moveTo(
      await makePublishedEvent(env(), organizer, { name: `${tag} Yesterday` }),
      now - 2 * day,
      now - day,
    );

    const list = async (query: string) =>
      json<Listing>(await env().app.inject({ method: 'GET', url: `/api/events?${query}` }));
    const all = await list(`q=${tag}`);
    expect(all.items.map((e) => e.id)).toEqual([ongoing.id, paris.id, berlin.id, later.id]);
    expect(all.items[0]).toMatchObject({ priceFrom: 299, soldOut: false, remaining: 450 });

    expect((await list(`q=${tag.toUpperCase()}%20rust`)).items.map((e) => e.id)).toEqual([berlin.id]);
    expect((await list(`q=${tag}&city=berlin`)).items.map((e) => e.id)).toEqual([berlin.id]);
    // "berlin" matches a city and a description.
    expect((await list(`q=berlin`)).items.map((e) => e.id)).toEqual(
      expect.arrayContaining([berlin.id, later.id]),
    );
    const from = new Date(now + 2 * day).toISOString();
    const to = new Date(now + 20 * day).toISOString();
    expect((await list(`q=${tag}&from=${from}&to=${to}`)).items.map((e) => e.id)).toEqual([
      paris.id,
      berlin.id,
    ]);

    const page2 = await list(`q=${tag}&page=2&pageSize=3`);
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items.map((e) => e.id)).toEqual([later.id]);
    const badSize = await env().app.inject({ method: 'GET', url: '/api/events?pageSize=101' });
    expect(badSize.statusCode).toBe(400);
    const wildcard = await list(`q=${encodeURIComponent('%')}`);
    expect(wildcard.total).toBe(0);
  });

  it('matches %, _ and \\ in a search literally, on both engines', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const tag = `lit${Date.now().toString(36)}`;
    const percent = await makePublishedEvent(env(), organizer, { name: `${tag} 50% off night` });
    const underscore = await makePublishedEvent(env(), organizer, { name: `${tag} snake_case meetup` });
    await makePublishedEvent(env(), organizer, { name: `${tag} 50 pct offer, snakeXcase` });
    const ids = async (q: string) =>
      json<Listing>(
        await env().app.inject({ method: 'GET', url: `/api/events?q=${encodeURIComponent(`${tag} ${q}`)}` }),
      ).items.map((e) => e.id);
    expect(await ids('50% off')).toEqual([percent.id]);
    expect(await ids('snake_case')).toEqual([underscore.id]);
  });

  it('stores text as given: a script tag in a name is data, not markup', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const name = '<script>alert(1)</script>';
    const event = await makePublishedEvent(env(), organizer, {
      name,
      description: '<img src=x onerror=alert(1)>',
    });
    const res = await env().app.inject({ method: 'GET', url: `/api/events/${event.id}` });
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(json(res)).toMatchObject({ name, description: '<img src=x onerror=alert(1)>' });
  });

  it('reports availability per tier and event-wide from the shared capacity', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makePublishedEvent(env(), organizer, {
      capacity: 120,
      ticketTypes: [
        { name: 'A', price: 10, limit: 100 },
        { name: 'B', price: 20, limit: 50 },
      ],
    });
    const [a, b] = event.ticketTypes;
    await env().ctx.db.updateTable('ticket_types').set({ sold: 50 }).where('id', '=', b!.id).execute();
    await env()
      .ctx.db.updateTable('ticket_types')
      .set({ sold: 30, held: 10 })
      .where('id', '=', a!.id)
      .execute();
    await env().ctx.db.updateTable('events').set({ sold: 80, held: 10 }).where('id', '=', event.id).execute();
    const res = await env().app.inject({ method: 'GET', url: `/api/events/${event.id}/availability` });
    expect(json(res)).toEqual({
      remaining: 30,
      ticketTypes: [
        { id: a!.id, name: 'A', remaining: 30, soldOut: false },
        { id: b!.id, name: 'B', remaining: 0, soldOut: true },
      ],
    });
  });
});
