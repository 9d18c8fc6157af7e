import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrations } from '../../../packages/core/src/db/migrations';
import { makeEvent, makePublishedEvent, signInAdmin, signUp, type SignedIn } from './support/factories';
import type { Engine } from '@eventhub/core';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

interface Listing {
  items: { id: string; name: string }[];
  total: number;
  page: number;
  pageSize: number;
}

describeEachEngine('event search', (env, engine) => {
  // Each test's events carry a word of their own, so tests sharing the suite's database never meet.
  let n = 0;
  const newTag = () => `s${Date.now().toString(36)}x${n++}`;
  const search = async (query: string): Promise<Listing> => {
    const res = await env().app.inject({ method: 'GET', url: `/api/events?${query}` });
    expect(res.statusCode).toBe(200);
    return json<Listing>(res);
  };
  const ids = async (q: string, extra = '') =>
    (await search(`q=${encodeURIComponent(q)}${extra}`)).items.map((e) => e.id);
  const organizer = async (): Promise<SignedIn> => signUp(env(), { role: 'organizer' });

  it('finds events by every word, in any order, across name, city, venue and description', async () => {
    const org = await organizer();
    const tag = newTag();
    const harborJazz = await makePublishedEvent(env(), org, {
      name: `${tag} Harbor Jazz Night`,
      venue: { name: 'Elbphilharmonie', address: 'Platz der Deutschen Einheit 4', city: 'Hamburg' },
    });
    const brunch = await makePublishedEvent(env(), org, {
      name: `${tag} Jazz Brunch`,
      description: 'Pancakes with a trio by the river',
      venue: { city: 'Berlin', country: 'DE' },
    });
    const tour = await makePublishedEvent(env(), org, {
      name: `${tag} Harbor Tour`,
      venue: { city: 'Hamburg', country: 'DE' },
    });

    expect(await ids(`${tag} harbor jazz`)).toEqual([harborJazz.id]);
    expect(await ids(`jazz ${tag} HARBOR`)).toEqual([harborJazz.id]);
    expect(await ids(`${tag} jazz hamburg`)).toEqual([harborJazz.id]);
    expect(await ids(`hamburg ${tag}`)).toEqual(expect.arrayContaining([harborJazz.id, tour.id]));
    expect(await ids(`${tag} elbphilharmonie`)).toEqual([harborJazz.id]);
    expect(await ids(`${tag} deutschen einheit`)).toEqual([harborJazz.id]);
    expect(await ids(`${tag} pancakes river`)).toEqual([brunch.id]);
    expect(await ids(`${tag}, jazz!`)).toHaveLength(2);
    // The last word may be the start of a word, as typed into a search box.
    expect(await ids(`${tag} jazz hamb`)).toEqual([harborJazz.id]);
    // A word that matches nothing: no results, whatever the others match.
    const none = await search(`q=${encodeURIComponent(`${tag} jazz zanzibar`)}`);
    expect(none).toMatchObject({ items: [], total: 0 });
    expect((await search(`q=${encodeURIComponent('!!')}`)).total).toBe(0);
  });

  it('ignores case and accents on both sides', async () => {
    const org = await organizer();
    const tag = newTag();
    const accented = await makePublishedEvent(
      env(),
      org,
      {
        name: `${tag} Café Sessions`,
        venue: { city: 'Zürich', country: 'CH' },
      },
      3,
    );
    const plain = await makePublishedEvent(
      env(),
      org,
      {
        name: `${tag} Cafe Crawl`,
        description: 'Strasse by strasse through the old town',
        venue: { city: 'Zurich', country: 'CH' },
      },
      4,
    );
    expect(await ids(`${tag} cafe zurich`)).toEqual([accented.id, plain.id]);
    expect(await ids(`${tag} CAFÉ ZÜRICH`)).toEqual([accented.id, plain.id]);
    expect(await ids(`${tag.toUpperCase()} sessions ZURICH`)).toEqual([accented.id]);
    expect(await ids(`${tag} Straße`)).toEqual([plain.id]);
  });

  it('ranks name hits above venue hits above description-only hits, then soonest first', async () => {
    const org = await organizer();
    const tag = newTag();
    const inDescription = await makePublishedEvent(
      env(),
      org,
      { name: `${tag} Evening`, description: 'with a saxophone quartet' },
      2,
    );
    const inVenue = await makePublishedEvent(
      env(),
      org,
      { name: `${tag} Session`, venue: { name: 'Saxophone Hall', city: 'Oslo' } },
      5,
    );
    const laterInName = await makePublishedEvent(env(), org, { name: `${tag} Saxophone Summit` }, 40);
    const soonerInName = await makePublishedEvent(env(), org, { name: `${tag} Saxophone Night` }, 20);
    expect(await ids(`saxophone ${tag}`)).toEqual([
      soonerInName.id,
      laterInName.id,
      inVenue.id,
      inDescription.id,
    ]);
  });

  it('combines search with the city and date filters and pages with a correct total', async () => {
    const org = await organizer();
    const tag = newTag();
    const day = 86_400_000;
    const made = [];
    for (let i = 0; i < 6; i++)
      made.push(
        await makePublishedEvent(
          env(),
          org,
          { name: `${tag} Rust Meetup ${i}`, venue: { city: i % 2 ? 'Lisbon' : 'Porto', country: 'PT' } },
          10 + i,
        ),
      );
    const lisbon = made.filter((_, i) => i % 2).map((e) => e.id);
    const now = env().clock.now().getTime();
    const window = `&from=${new Date(now + 10 * day).toISOString()}&to=${new Date(now + 14 * day).toISOString()}`;

    const first = await search(`q=${encodeURIComponent(`rust ${tag}`)}&city=lisbon&pageSize=2`);
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items.map((e) => e.id)).toEqual(lisbon.slice(0, 2));
    const second = await search(`q=${encodeURIComponent(`rust ${tag}`)}&city=Lisbon&pageSize=2&page=2`);
    expect(second).toMatchObject({ total: 3, page: 2 });
    expect(second.items.map((e) => e.id)).toEqual(lisbon.slice(2));
    const dated = await search(`q=${encodeURIComponent(`${tag} meetup`)}${window}&pageSize=3&page=2`);
    expect(dated.total).toBe(5);
    expect(dated.items.map((e) => e.id)).toEqual(made.slice(3, 5).map((e) => e.id));
    // Past the last page: no items, the same total.
    expect(await search(`q=${tag}${window}&pageSize=3&page=3`)).toMatchObject({ items: [], total: 5 });
    // A last page that is exactly full, and a short first page: the totals come out alike.
    const full = await search(`q=${tag}&pageSize=3&page=2`);
    expect(full).toMatchObject({ total: 6 });
    expect(full.items.map((e) => e.id)).toEqual(made.slice(3).map((e) => e.id));
    expect(await search(`q=${tag}&pageSize=10`)).toMatchObject({ total: 6 });
  });

  it('never finds drafts, unpublished or cancelled events', async () => {
    const org = await organizer();
    const tag = newTag();
    const live = await makePublishedEvent(env(), org, { name: `${tag} Poetry Slam` });
    await makeEvent(env(), org, { name: `${tag} Poetry Draft` });
    const unpublished = await makePublishedEvent(env(), org, { name: `${tag} Poetry Unpublished` });
    const cancelled = await makePublishedEvent(env(), org, { name: `${tag} Poetry Cancelled` });
    const post = (url: string) => env().app.inject({ method: 'POST', url, headers: bearer(org.accessToken) });
    expect((await post(`/api/events/${unpublished.id}/unpublish`)).statusCode).toBe(200);
    expect((await post(`/api/events/${cancelled.id}/cancel`)).statusCode).toBe(200);
    expect(await ids(`${tag} poetry`)).toEqual([live.id]);
    expect(await ids(`${tag} draft`)).toEqual([]);
    // Publishing again brings it back: status is read from the event, never copied into the index.
    expect((await post(`/api/events/${unpublished.id}/publish`)).statusCode).toBe(200);
    expect(await ids(`${tag} unpublished`)).toEqual([unpublished.id]);
  });

  it('follows renames, venue moves and deletion at once', async () => {
    const org = await organizer();
    const tag = newTag();
    const event = await makePublishedEvent(env(), org, {
      name: `${tag} Spring Gala`,
      venue: { city: 'Vienna', country: 'AT' },
    });
    expect(await ids(`${tag} gala vienna`)).toEqual([event.id]);
    const patch = (payload: Record<string, unknown>) =>
      env().app.inject({
        method: 'PATCH',
        url: `/api/events/${event.id}`,
        headers: bearer(org.accessToken),
        payload,
      });
    expect((await patch({ name: `${tag} Autumn Ball` })).statusCode).toBe(200);
    expect(await ids(`${tag} gala`)).toEqual([]);
    expect(await ids(`${tag} autumn ball vienna`)).toEqual([event.id]);
    expect((await patch({ venue: { name: 'Prater Dome', city: 'Graz', country: 'AT' } })).statusCode).toBe(
      200,
    );
    expect(await ids(`${tag} vienna`)).toEqual([]);
    expect(await ids(`${tag} prater graz`)).toEqual([event.id]);
    // Other fields leave the index alone.
    expect((await patch({ capacity: 600 })).statusCode).toBe(200);
    expect(await ids(`${tag} autumn`)).toEqual([event.id]);

    const doomed = await makePublishedEvent(env(), org, { name: `${tag} Deleted Soon` });
    expect(await ids(`${tag} deleted`)).toEqual([doomed.id]);
    const del = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${doomed.id}`,
      headers: bearer(org.accessToken),
    });
    expect(del.statusCode).toBe(204);
    expect(await ids(`${tag} deleted`)).toEqual([]);
    if (engine === 'sqlite') {
      // The FTS table's rows go with their event (a trigger); PostgreSQL's vector is a column of it.
      expect(await ftsRows(env(), doomed.id)).toBe(0);
      expect(await ftsRows(env(), event.id)).toBe(1);
    }
  });

  it('admin search matches the same words over drafts and cancelled events, newest first', async () => {
    const org = await organizer();
    const admin = await signInAdmin(env());
    const tag = newTag();
    const live = await makePublishedEvent(env(), org, {
      name: `${tag} Harbour Lights`,
      venue: { city: 'Zürich', country: 'CH' },
    });
    const draft = await makeEvent(env(), org, {
      name: `${tag} Harbour Draft`,
      description: 'Café by the water',
    });
    await makeEvent(env(), org, { name: `${tag} Mountain Draft` });
    const adminIds = async (q: string) => {
      const res = await env().app.inject({
        method: 'GET',
        url: `/api/admin/events?q=${encodeURIComponent(q)}`,
        headers: bearer(admin.accessToken),
      });
      expect(res.statusCode).toBe(200);
      return json<Listing>(res).items.map((e) => e.id);
    };
    expect(await adminIds(`harbour ${tag}`)).toEqual([draft.id, live.id]);
    expect(await adminIds(`${tag} ZURICH`)).toEqual([live.id]);
    expect(await adminIds(`${tag} cafe water`)).toEqual([draft.id]);
    // As typed: the last word as the start of one when whole words find nothing.
    expect(await adminIds(`${tag} harb`)).toEqual([draft.id, live.id]);
    expect(await adminIds(`${tag} harbour mountain`)).toEqual([]);
    expect(await adminIds('!!')).toEqual([]);
  });

  it('the migration indexes events that existed before it', async () => {
    const org = await organizer();
    const tag = newTag();
    const old = await makePublishedEvent(env(), org, {
      name: `${tag} Ølfestival`,
      description: 'Brewers from Århus',
      venue: { city: 'København', country: 'DK' },
    });
    // Take the database back to before 011, then upgrade it as a live one would be.
    await undoEventSearchMigration(env(), engine);
    await migrations['011-event-search']!.up(env().ctx.db);
    expect(await ids(`${tag} olfestival kobenhavn`)).toEqual([old.id]);
    expect(await ids(`${tag} arhus`)).toEqual([old.id]);
  });
});

describeEachEngine(
  'event search behind the public cache',
  (env) => {
    it('serves a repeated search from memory and drops it when an event is renamed', async () => {
      const org = await signUp(env(), { role: 'organizer' });
      const tag = `c${Date.now().toString(36)}`;
      const event = await makePublishedEvent(env(), org, { name: `${tag} Lantern Parade` });
      const find = async (q: string) =>
        json<Listing>(
          await env().app.inject({ method: 'GET', url: `/api/events?q=${encodeURIComponent(q)}` }),
        ).items.map((e) => e.id);
      expect(await find(`${tag} lantern`)).toEqual([event.id]);
      // Behind the API's back: the cached answer stands while it is fresh …
      await env()
        .ctx.db.updateTable('events')
        .set({ search_name: 'renamed' })
        .where('id', '=', event.id)
        .execute();
      expect(await find(`${tag} lantern`)).toEqual([event.id]);
      // … and a rename through the API clears it and the index follows the new name.
      const patch = await env().app.inject({
        method: 'PATCH',
        url: `/api/events/${event.id}`,
        headers: bearer(org.accessToken),
        payload: { name: `${tag} Torch Parade` },
      });
      expect(patch.statusCode).toBe(200);
      expect(await find(`${tag} lantern`)).toEqual([]);
      expect(await find(`${tag} torch parade`)).toEqual([event.id]);
    });
  },
  { env: { PUBLIC_CACHE_TTL_MS: '60000' } },
);

async function ftsRows(env: TestEnv, eventId: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM event_search WHERE event_id = ${eventId}`.execute(env.ctx.db);
  return Number(rows[0]!.n);
}

/** What 011 added, removed again: its index, then its columns (SQLite drops a column only once unused). */
async function undoEventSearchMigration(env: TestEnv, engine: Engine): Promise<void> {
  const statements =
    engine === 'sqlite'
      ? [
          'DROP TRIGGER event_search_insert',
          'DROP TRIGGER event_search_update',
          'DROP TRIGGER event_search_delete',
          'DROP TABLE event_search',
          'DROP INDEX events_search_filter_idx',
        ]
      : ['ALTER TABLE events DROP COLUMN search_vector'];
  for (const column of ['search_name', 'search_place', 'search_description'])
    statements.push(`ALTER TABLE events DROP COLUMN ${column}`);
  for (const statement of statements) await sql.raw(statement).execute(env.ctx.db);
}
