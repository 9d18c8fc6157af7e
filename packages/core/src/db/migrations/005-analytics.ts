import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { engineOf } from '../engine-of';

// Analytics read running totals per event and UTC day (per quarter hour for sales over time),
// kept in the same transactions that sell and refund; only the partial days at the ends of a
// date range are summed from the orders and tickets themselves, through the narrow indexes below.
export async function up(db: Kysely<unknown>): Promise<void> {
  // In SQLite a rollup row lives in its primary key's b-tree (WITHOUT ROWID), so reading an
  // event's rows is one range read with no lookups; PostgreSQL has no such option, nor needs it.
  const clustered = <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
    engineOf(db) === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;

  // A ticket's created_at is its sale time: tickets are issued in the transaction that marks the
  // order paid, and from now on carry its paid_at exactly. Older rows were stamped a moment later;
  // align them so ticket counts and order money always fall on the same side of a date filter.
  await sql`UPDATE tickets SET created_at = (SELECT paid_at FROM orders WHERE orders.id = tickets.order_id)
    WHERE EXISTS (SELECT 1 FROM orders WHERE orders.id = tickets.order_id AND orders.paid_at IS NOT NULL)`.execute(
    db,
  );

  // Sold orders' money per event, UTC day and promo code ('' for none). Platform-wide figures
  // read a whole table: a few rows per event and day, cheaper than an index and its lookups.
  await clustered(
    db.schema
      .createTable('sales_by_day')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('promo_code', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('orders', 'integer', (c) => c.notNull())
      .addColumn('subtotal', 'integer', (c) => c.notNull())
      .addColumn('discount', 'integer', (c) => c.notNull())
      .addColumn('refunded', 'integer', (c) => c.notNull())
      .addColumn('first_sale', 'text', (c) => c.notNull())
      .addColumn('last_sale', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sales_by_day_pk', ['event_id', 'day', 'promo_code']),
  ).execute();
  // Tickets kept and refunded, and what the kept ones paid, per event, UTC day of sale and tier.
  await clustered(
    db.schema
      .createTable('tickets_by_day')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('ticket_type_id', 'text', (c) => c.notNull())
      .addColumn('sold', 'integer', (c) => c.notNull())
      .addColumn('refunded', 'integer', (c) => c.notNull())
      .addColumn('revenue', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('tickets_by_day_pk', ['event_id', 'day', 'ticket_type_id']),
  ).execute();
  // Kept tickets per event and UTC quarter hour of sale: every timezone's offset is whole
  // quarter hours, so these fold exactly into any zone's local days and hours.
  await clustered(
    db.schema
      .createTable('tickets_by_quarter')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('tickets', 'integer', (c) => c.notNull())
      .addColumn('revenue', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('tickets_by_quarter_pk', ['event_id', 'quarter']),
  ).execute();
  // Kept tickets' attendees per event, UTC day of sale, age range and country ('' for not given).
  await clustered(
    db.schema
      .createTable('attendees_by_day')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('age_range', 'text', (c) => c.notNull())
      .addColumn('country', 'text', (c) => c.notNull())
      .addColumn('attendees', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('attendees_by_day_pk', ['event_id', 'day', 'age_range', 'country']),
  ).execute();

  // The partial days at the ends of a range, per event and across events. Partial indexes: a
  // pending order (the hot insert of a sale rush) is in neither until it is paid.
  await db.schema
    .createIndex('orders_event_paid_idx')
    .on('orders')
    .columns(['event_id', 'paid_at'])
    .where(sql.ref('paid_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('orders_paid_idx')
    .on('orders')
    .column('paid_at')
    .where(sql.ref('paid_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('tickets_event_sold_idx')
    .on('tickets')
    .columns(['event_id', 'created_at'])
    .execute();
  await db.schema.createIndex('tickets_sold_idx').on('tickets').columns(['created_at']).execute();
  // Check-ins are counted from the door's own (event_id, status) index of migration 003, not from
  // a running total every scan would contend for. It is not widened for analytics either: a wider
  // entry that each admission rewrites measured 20 % fewer door validations per second.
  await db.schema.createIndex('users_created_idx').on('users').columns(['created_at', 'role']).execute();

  await fillRollups(db);
}

/**
 * The running totals of the orders and tickets sold before this migration. Its own SQL, frozen
 * with it: `rebuildSalesRollups` (analytics) may change with later schemas, this must not.
 */
async function fillRollups(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO sales_by_day (event_id, day, promo_code, currency, orders, subtotal, discount, refunded, first_sale, last_sale)
    SELECT event_id, substr(paid_at, 1, 10), coalesce(promo_code, ''), currency, count(*), sum(subtotal), sum(discount),
      sum(refunded_amount), min(paid_at), max(paid_at)
    FROM orders WHERE paid_at IS NOT NULL
    GROUP BY event_id, substr(paid_at, 1, 10), coalesce(promo_code, ''), currency`.execute(db);
  await sql`INSERT INTO tickets_by_day (event_id, day, ticket_type_id, sold, refunded, revenue)
    SELECT event_id, substr(created_at, 1, 10), ticket_type_id,
      sum(case when status <> 'void' then 1 else 0 end), sum(case when status = 'void' then 1 else 0 end),
      sum(case when status <> 'void' then price_paid else 0 end)
    FROM tickets GROUP BY event_id, substr(created_at, 1, 10), ticket_type_id`.execute(db);
  const quarter = sql`substr(created_at, 1, 14) || case
      when cast(substr(created_at, 15, 2) as integer) < 15 then '00'
      when cast(substr(created_at, 15, 2) as integer) < 30 then '15'
      when cast(substr(created_at, 15, 2) as integer) < 45 then '30' else '45' end`;
  await sql`INSERT INTO tickets_by_quarter (event_id, quarter, tickets, revenue)
    SELECT event_id, ${quarter}, count(*), sum(price_paid)
    FROM tickets WHERE status <> 'void' GROUP BY event_id, ${quarter}`.execute(db);
  await sql`INSERT INTO attendees_by_day (event_id, day, age_range, country, attendees)
    SELECT event_id, substr(created_at, 1, 10), coalesce(age_range, ''), coalesce(country, ''), count(*)
    FROM tickets WHERE status <> 'void'
    GROUP BY event_id, substr(created_at, 1, 10), coalesce(age_range, ''), coalesce(country, '')`.execute(db);
}
