import { migrateToLatest, rebuildSalesRollups } from '@eventhub/core';
import { testEngines } from '@eventhub/core/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseMigratedTo, type OldDatabase } from './support/migrated-database';

const at = '2025-01-01T00:00:00.000Z';

/** An event with a paid order of two tickets, as the app made them before 014. */
async function seedOldSale(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO users (id, email, name, password_hash, role, organizer_id, disabled, created_at, updated_at)
    VALUES ('u-org', 'org@example.test', 'Org', 'x', 'organizer', NULL, 0, ${at}, ${at})`.execute(db);
  await sql`INSERT INTO events (id, organizer_id, name, description, status, timezone, currency, sold, held, search_text, search_name, search_place, search_description, created_at, updated_at)
    VALUES ('e1', 'u-org', 'Old Event', '', 'published', 'UTC', 'EUR', 2, 0, 'old event', 'old event', '', '', ${at}, ${at})`.execute(
    db,
  );
  await sql`INSERT INTO ticket_types (id, event_id, name, price, quantity_limit, sold, held, min_per_order, sort_order, created_at, updated_at)
    VALUES ('t1', 'e1', 'GA', 1000, 10, 2, 0, 1, 0, ${at}, ${at})`.execute(db);
  await sql`INSERT INTO orders (id, reference, event_id, buyer_id, buyer_email, buyer_name, status, currency, subtotal, discount, total, refunded_amount, attendees, expires_at, paid_at, payment_provider, created_at, updated_at)
    VALUES ('o1', 'AAAA-BBB2', 'e1', NULL, 'guest@example.test', 'Guest', 'paid', 'EUR', 2000, 0, 2000, 0, '[]', ${at}, ${at}, 'test', ${at}, ${at})`.execute(
    db,
  );
  await sql`INSERT INTO order_items (id, order_id, ticket_type_id, quantity, unit_price, discount, total)
    VALUES ('i1', 'o1', 't1', 2, 1000, 0, 2000)`.execute(db);
  for (const [id, seat] of [
    ['k1', 0],
    ['k2', 1],
  ] as const)
    await sql`INSERT INTO tickets (id, order_id, event_id, ticket_type_id, holder_name, price_paid, code, status, created_at, seat)
      VALUES (${id}, 'o1', 'e1', 't1', 'Guest', 1000, ${`code-${id}`}, 'valid', ${at}, ${seat})`.execute(db);
}

for (const engine of testEngines()) {
  describe(`migration 014 on a database with sales [${engine}]`, () => {
    let database: OldDatabase;
    beforeAll(async () => {
      database = await databaseMigratedTo(engine, '013-audit-targets');
      await seedOldSale(database.handle.db as unknown as Kysely<unknown>);
      await migrateToLatest(database.handle.db);
    });
    afterAll(async () => {
      await database.handle.close();
      await database.drop();
    });

    it('keeps what existing sales meant: no invoicing, prices with tax included, 0 % everywhere', async () => {
      const { db } = database.handle;
      expect(await db.selectFrom('events').select(['invoicing', 'prices_include_tax']).execute()).toEqual([
        { invoicing: 'off', prices_include_tax: 1 },
      ]);
      expect(await db.selectFrom('ticket_types').select('tax_rate').execute()).toEqual([{ tax_rate: 0 }]);
      expect(
        await db.selectFrom('orders').select(['billing', 'tax', 'reverse_charge', 'total']).execute(),
      ).toEqual([{ billing: null, tax: 0, reverse_charge: 0, total: 2000 }]);
      expect(await db.selectFrom('order_items').select(['tax_rate', 'tax', 'total']).execute()).toEqual([
        { tax_rate: 0, tax: 0, total: 2000 },
      ]);
      expect(
        await db.selectFrom('tickets').select(['id', 'tax_rate', 'tax']).orderBy('id').execute(),
      ).toEqual([
        { id: 'k1', tax_rate: 0, tax: 0 },
        { id: 'k2', tax_rate: 0, tax: 0 },
      ]);
      expect(await db.selectFrom('invoices').selectAll().execute()).toEqual([]);
    });

    it('rebuilds the tax rollup of old sales as untaxed net', async () => {
      const { db } = database.handle;
      await rebuildSalesRollups(db);
      const rows = await db
        .selectFrom('taxes_by_day')
        .select(['event_id', 'day', 'tax_rate', 'net', 'tax'])
        .execute();
      expect(rows.map((r) => ({ ...r, net: Number(r.net), tax: Number(r.tax) }))).toEqual([
        { event_id: 'e1', day: '2025-01-01', tax_rate: 0, net: 2000, tax: 0 },
      ]);
    });
  });
}
