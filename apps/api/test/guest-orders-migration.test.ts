import { migrateToLatest } from '@eventhub/core';
import { testEngines } from '@eventhub/core/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseMigratedTo, type OldDatabase } from './support/migrated-database';

const at = '2025-01-01T00:00:00.000Z';

/** Orders as the app made them before 009: an account's, with items, tickets and a refund. */
async function seedOldOrders(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO users (id, email, name, password_hash, role, organizer_id, disabled, created_at, updated_at)
    VALUES ('u-org', 'org@example.test', 'Org', 'x', 'organizer', NULL, 0, ${at}, ${at}),
           ('u-buyer', 'Buyer@Example.test', 'Old Buyer', 'x', 'customer', NULL, 0, ${at}, ${at})`.execute(
    db,
  );
  await sql`INSERT INTO events (id, organizer_id, name, description, status, timezone, currency, sold, held, search_text, created_at, updated_at)
    VALUES ('e1', 'u-org', 'Old Event', '', 'published', 'UTC', 'USD', 2, 0, 'old event', ${at}, ${at})`.execute(
    db,
  );
  await sql`INSERT INTO ticket_types (id, event_id, name, price, quantity_limit, sold, held, min_per_order, sort_order, created_at, updated_at)
    VALUES ('t1', 'e1', 'GA', 1000, 10, 2, 0, 1, 0, ${at}, ${at})`.execute(db);
  for (const id of ['o1', 'o2'])
    await sql`INSERT INTO orders (id, reference, event_id, buyer_id, status, currency, subtotal, discount, total, refunded_amount, attendees, expires_at, paid_at, payment_provider, created_at, updated_at)
      VALUES (${id}, ${`AAAA-${id === 'o1' ? 'BBB2' : 'BBB3'}`}, 'e1', 'u-buyer', 'paid', 'USD', 1000, 0, 1000, 0, '[]', ${at}, ${at}, 'test', ${at}, ${at})`.execute(
      db,
    );
  await sql`INSERT INTO order_items (id, order_id, ticket_type_id, quantity, unit_price, discount, total)
    VALUES ('i1', 'o1', 't1', 1, 1000, 0, 1000), ('i2', 'o2', 't1', 1, 1000, 0, 1000)`.execute(db);
  await sql`INSERT INTO tickets (id, order_id, event_id, ticket_type_id, holder_name, price_paid, code, status, created_at)
    VALUES ('k1', 'o1', 'e1', 't1', 'Old Buyer', 1000, 'code-1', 'valid', ${at}),
           ('k2', 'o2', 'e1', 't1', 'Old Buyer', 1000, 'code-2', 'valid', ${at})`.execute(db);
  await sql`INSERT INTO refunds (id, order_id, amount, currency, ticket_ids, status, created_at, attempts, updated_at)
    VALUES ('r1', 'o2', 0, 'USD', '[]', 'succeeded', ${at}, 0, ${at})`.execute(db);
}

for (const engine of testEngines()) {
  describe(`migration 009 on a database with orders [${engine}]`, () => {
    let database: OldDatabase;
    beforeAll(async () => {
      database = await databaseMigratedTo(engine, '008-refund-jobs');
      await seedOldOrders(database.handle.db as unknown as Kysely<unknown>);
      await migrateToLatest(database.handle.db);
    });
    afterAll(async () => {
      await database.handle.close();
      await database.drop();
    });

    it('keeps every order and what points at it, and fills the buyer of each from its account', async () => {
      const { db } = database.handle;
      const orders = await db.selectFrom('orders').selectAll().orderBy('id').execute();
      expect(
        orders.map((o) => [o.id, o.reference, o.buyer_id, o.buyer_email, o.buyer_name, o.order_token_hash]),
      ).toEqual([
        ['o1', 'AAAA-BBB2', 'u-buyer', 'buyer@example.test', 'Old Buyer', null],
        ['o2', 'AAAA-BBB3', 'u-buyer', 'buyer@example.test', 'Old Buyer', null],
      ]);
      expect(await db.selectFrom('tickets').select('order_id').orderBy('id').execute()).toEqual([
        { order_id: 'o1' },
        { order_id: 'o2' },
      ]);
      expect((await db.selectFrom('refunds').select('order_id').execute()).map((r) => r.order_id)).toEqual([
        'o2',
      ]);
    });

    it('allows a guest order (no account) but still requires its e-mail, and keeps the foreign keys', async () => {
      const { db } = database.handle;
      const guest = {
        id: 'o3',
        reference: 'AAAA-BBB4',
        event_id: 'e1',
        buyer_id: null,
        buyer_email: 'guest@example.test',
        buyer_name: 'Guest',
        order_token_hash: 'ab'.repeat(32),
        placed_ip: '127.0.0.1',
        status: 'pending' as const,
        currency: 'USD',
        subtotal: 0,
        discount: 0,
        total: 0,
        refunded_amount: 0,
        promotion_id: null,
        promo_code: null,
        attendees: '[]',
        expires_at: at,
        paid_at: null,
        closed_at: null,
        payment_provider: 'test' as const,
        payment_ref: null,
        created_at: at,
        updated_at: at,
      };
      await db.insertInto('orders').values(guest).execute();
      await expect(
        db
          .insertInto('orders')
          .values({ ...guest, id: 'o4', reference: 'AAAA-BBB5', buyer_email: null as never })
          .execute(),
      ).rejects.toThrow();
      // Order rows still may not vanish under their tickets, nor point at unknown accounts.
      await expect(db.deleteFrom('orders').where('id', '=', 'o1').execute()).rejects.toThrow();
      await expect(
        db
          .insertInto('orders')
          .values({ ...guest, id: 'o5', reference: 'AAAA-BBB6', buyer_id: 'nobody' })
          .execute(),
      ).rejects.toThrow();
      // The reference stays unique, and linking to a verified account is one statement.
      await expect(
        db
          .insertInto('orders')
          .values({ ...guest, id: 'o6' })
          .execute(),
      ).rejects.toThrow();
      await sql`UPDATE orders SET buyer_id = ${'u-buyer'} WHERE buyer_id IS NULL AND buyer_email = ${'guest@example.test'}`.execute(
        db,
      );
      const linked = await db
        .selectFrom('orders')
        .select('buyer_id')
        .where('id', '=', 'o3')
        .executeTakeFirstOrThrow();
      expect(linked.buyer_id).toBe('u-buyer');
    });
  });
}
