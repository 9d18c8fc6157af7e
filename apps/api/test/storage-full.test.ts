import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { mintBuyers } from './support/crowd';
import { makePublishedEvent, order, SEED_EVENT, signUp, type EventBody } from './support/factories';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

// SQLite's default: no limit short of the file system's.
const NO_LIMIT = 1_073_741_823;

/** Runs a PRAGMA on the suite's database (on SQLite the app's one connection) and returns its first row. */
async function pragma<T>(env: TestEnv, statement: string): Promise<T> {
  return (await sql<T>`${sql.raw(`PRAGMA ${statement}`)}`.execute(env.database.db)).rows[0]!;
}

/**
 * The disk fills up under the API. `max_page_count` caps the database file, and SQLite then fails
 * a write with SQLITE_FULL exactly as it does on a full file system: the write must be refused
 * with 507 `storage_full` and Retry-After, roll back whole, leave the file intact and every row
 * written before it readable, and writes must work again as soon as there is room.
 */
describeEachEngine(
  'SQLite on a full disk',
  (env) => {
    it('refuses writes with 507 storage_full, keeps what was written, and writes again once there is room', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const [buyer] = await mintBuyers(env(), 1);
      const onSale = await makePublishedEvent(env(), organizer, {
        capacity: 100_000,
        ticketTypes: [{ name: 'General', price: 10, limit: 100_000 }],
      });
      const { page_count: pages } = await pragma<{ page_count: number }>(env(), 'page_count');
      // Room for a few events: each stores its description again as searchable words (and SQLite's
      // full-text index), about three times what it did before search.
      await pragma(env(), `max_page_count = ${pages + 160}`);

      const createEvent = (i: number) =>
        env().app.inject({
          method: 'POST',
          url: '/api/events',
          headers: bearer(organizer.accessToken),
          payload: { ...SEED_EVENT, name: `Filler ${i}`, description: `Event ${i} `.repeat(1_500) },
        });
      const created: EventBody[] = [];
      let refused = await createEvent(0);
      for (let i = 1; refused.statusCode === 201 && i < 500; i++) {
        created.push(json<EventBody>(refused));
        refused = await createEvent(i);
      }
      expect(created.length, 'some events fit before the disk filled').toBeGreaterThan(3);
      expect(refused.statusCode).toBe(507);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json(refused)).toMatchObject({ status: 507, code: 'storage_full' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

      // Other writes too, the grouped hot path (orders) included: refused the same way, not a 500.
      const buy = () =>
        order(env(), { accessToken: buyer!.accessToken } as never, {
          eventId: onSale.id,
          items: [{ ticketTypeId: onSale.ticketTypes[0]!.id, quantity: 1 }],
        });
      let held = 0;
      let orderWhenFull = await buy();
      for (; orderWhenFull.statusCode === 201 && held < 2_000; held++) orderWhenFull = await buy();
      expect(orderWhenFull.statusCode).toBe(507);
      expect(json(orderWhenFull).code).toBe('storage_full');

      // Nothing of the refused writes was kept, everything before them is there and readable.
      const { integrity_check: integrity } = await pragma<{ integrity_check: string }>(
        env(),
        'integrity_check',
      );
      expect(integrity).toBe('ok');
      const mine = await env().app.inject({
        method: 'GET',
        url: '/api/organizer/events?pageSize=100',
        headers: bearer(organizer.accessToken),
      });
      expect(mine.statusCode).toBe(200);
      expect(json<{ total: number }>(mine).total).toBe(created.length + 1);
      for (const event of created) {
        const read = await env().app.inject({
          method: 'GET',
          url: `/api/events/${event.id}`,
          headers: bearer(organizer.accessToken),
        });
        expect(read.statusCode).toBe(200);
        expect(json<EventBody>(read)).toMatchObject({ id: event.id, name: event.name });
      }
      const availability = await env().app.inject({
        method: 'GET',
        url: `/api/events/${onSale.id}/availability`,
      });
      expect(json<{ ticketTypes: { remaining: number }[] }>(availability).ticketTypes[0]!.remaining).toBe(
        onSale.ticketTypes[0]!.limit - held,
      );

      // Room again (an operator freed space): the same writes go through, without a restart.
      await pragma(env(), `max_page_count = ${NO_LIMIT}`);
      const again = await createEvent(created.length);
      expect(again.statusCode).toBe(201);
      expect((await buy()).statusCode).toBe(201);
      expect((await pragma<{ integrity_check: string }>(env(), 'integrity_check')).integrity_check).toBe(
        'ok',
      );
    });
  },
  { engines: ['sqlite'], databaseOutages: true, env: { MAX_PENDING_ORDERS_PER_BUYER: '10000' } },
);

/**
 * PostgreSQL out of disk: the server fails the write with SQLSTATE 53100 (disk_full). A trigger
 * raises exactly that server error on new orders (filling a real disk under the test database
 * would need a tablespace on a mount of its own); what is checked is everything after it: the
 * driver's error, the mapping to 507 with Retry-After, the whole transaction rolled back (no hold
 * left behind), and orders accepted again once there is room.
 */
describeEachEngine(
  'PostgreSQL on a full disk',
  (env) => {
    it('refuses the write with 507 storage_full, keeps nothing of it, and writes again once there is room', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const [buyer] = await mintBuyers(env(), 1);
      const onSale = await makePublishedEvent(env(), organizer);
      const buy = () =>
        order(env(), { accessToken: buyer!.accessToken } as never, {
          eventId: onSale.id,
          items: [{ ticketTypeId: onSale.ticketTypes[0]!.id, quantity: 2 }],
        });
      const remaining = async () =>
        json<{ ticketTypes: { remaining: number }[] }>(
          await env().app.inject({ method: 'GET', url: `/api/events/${onSale.id}/availability` }),
        ).ticketTypes[0]!.remaining;
      const before = await remaining();

      await sql`create function eventhub_test_disk_full() returns trigger language plpgsql as $$
        begin raise exception 'could not extend file: No space left on device' using errcode = 'disk_full'; end $$`.execute(
        env().database.db,
      );
      await sql`create trigger eventhub_test_disk_full before insert on orders
        for each row execute function eventhub_test_disk_full()`.execute(env().database.db);
      try {
        const refused = await buy();
        expect(refused.statusCode).toBe(507);
        expect(json(refused)).toMatchObject({ status: 507, code: 'storage_full' });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(await remaining()).toBe(before);
      } finally {
        await sql`drop trigger eventhub_test_disk_full on orders`.execute(env().database.db);
        await sql`drop function eventhub_test_disk_full()`.execute(env().database.db);
      }
      expect((await buy()).statusCode).toBe(201);
      expect(await remaining()).toBe(before - 2);
    });
  },
  { engines: ['postgres'], databaseOutages: true, env: { PUBLIC_CACHE_TTL_MS: '0' } },
);
