import { migrateToLatest } from '@eventhub/core';
import { testEngines } from '@eventhub/core/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseMigratedTo, type OldDatabase } from './support/migrated-database';

const at = '2025-01-01T00:00:00.000Z';

/** An event with a paid order and its ticket, as the app made them before 012. */
async function seedOldSale(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO users (id, email, name, password_hash, role, organizer_id, disabled, created_at, updated_at)
    VALUES ('u-org', 'org@example.test', 'Org', 'x', 'organizer', NULL, 0, ${at}, ${at})`.execute(db);
  await sql`INSERT INTO events (id, organizer_id, name, description, status, timezone, currency, sold, held, search_text, search_name, search_place, search_description, refund_until_hours_before, created_at, updated_at)
    VALUES ('e1', 'u-org', 'Old Event', '', 'published', 'UTC', 'USD', 1, 0, 'old event', 'old event', '', '', 24, ${at}, ${at})`.execute(
    db,
  );
  await sql`INSERT INTO ticket_types (id, event_id, name, price, quantity_limit, sold, held, min_per_order, sort_order, created_at, updated_at)
    VALUES ('t1', 'e1', 'GA', 1000, 10, 1, 0, 1, 0, ${at}, ${at})`.execute(db);
  await sql`INSERT INTO orders (id, reference, event_id, buyer_id, buyer_email, buyer_name, status, currency, subtotal, discount, total, refunded_amount, attendees, expires_at, paid_at, payment_provider, created_at, updated_at)
    VALUES ('o1', 'AAAA-BBB2', 'e1', NULL, 'guest@example.test', 'Guest', 'paid', 'USD', 1000, 0, 1000, 0, '[]', ${at}, ${at}, 'test', ${at}, ${at})`.execute(
    db,
  );
  await sql`INSERT INTO tickets (id, order_id, event_id, ticket_type_id, holder_name, price_paid, code, status, created_at)
    VALUES ('k1', 'o1', 'e1', 't1', 'Guest', 1000, 'code-1', 'valid', ${at})`.execute(db);
}

for (const engine of testEngines()) {
  describe(`migration 012 on a database with sales [${engine}]`, () => {
    let database: OldDatabase;
    beforeAll(async () => {
      database = await databaseMigratedTo(engine, '011-event-search');
      await seedOldSale(database.handle.db as unknown as Kysely<unknown>);
      await migrateToLatest(database.handle.db);
    });
    afterAll(async () => {
      await database.handle.close();
      await database.drop();
    });

    it('lets holders of existing events change names until the start, as before, and keeps the tickets', async () => {
      const { db } = database.handle;
      expect(
        await db
          .selectFrom('events')
          .select(['holder_change_until_hours_before', 'refund_until_hours_before'])
          .execute(),
      ).toEqual([{ holder_change_until_hours_before: 0, refund_until_hours_before: 24 }]);
      expect(await db.selectFrom('tickets').select(['id', 'seat', 'code']).execute()).toEqual([
        { id: 'k1', seat: null, code: 'code-1' },
      ]);
    });

    it('takes questions and answers for existing events and orders, and refuses answers to nothing', async () => {
      const { db } = database.handle;
      await db
        .insertInto('questions')
        .values({
          id: 'q1',
          event_id: 'e1',
          label: 'Company',
          kind: 'text',
          scope: 'order',
          required: 0,
          options: null,
          ticket_type_ids: null,
          help_text: null,
          show_at_checkin: 0,
          position: 0,
          hidden_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const answer = {
        id: 'a1',
        question_id: 'q1',
        event_id: 'e1',
        order_id: 'o1',
        seat: null,
        value: '"Acme"',
        created_at: at,
      };
      await db.insertInto('question_answers').values(answer).execute();
      await expect(
        db
          .insertInto('question_answers')
          .values({ ...answer, id: 'a2', order_id: 'no-such-order' })
          .execute(),
      ).rejects.toThrow();
      await expect(
        db
          .insertInto('question_answers')
          .values({ ...answer, id: 'a3', question_id: 'no-such-question' })
          .execute(),
      ).rejects.toThrow();
    });
  });
}
