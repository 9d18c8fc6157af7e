import { sql, type Kysely } from 'kysely';

// Covering indexes for the analytics aggregates: each query reads one index range and never the
// table rows, so an event with 100,000 orders is summed from its index alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A ticket's created_at is its sale time: tickets are issued in the transaction that marks the
  // order paid, and from now on carry its paid_at exactly. Older rows were stamped a moment later;
  // align them so ticket counts and order money always fall on the same side of a date filter.
  await sql`UPDATE tickets SET created_at = (SELECT paid_at FROM orders WHERE orders.id = tickets.order_id)
    WHERE EXISTS (SELECT 1 FROM orders WHERE orders.id = tickets.order_id AND orders.paid_at IS NOT NULL)`.execute(
    db,
  );

  // Money and promo uses of an event's sales over a date range.
  await db.schema
    .createIndex('orders_event_sales_idx')
    .on('orders')
    .columns(['event_id', 'paid_at', 'currency', 'subtotal', 'discount', 'refunded_amount', 'promo_code'])
    .execute();
  // The same across every event (platform and organizer figures over a date range).
  await db.schema
    .createIndex('orders_sales_idx')
    .on('orders')
    .columns(['paid_at', 'event_id', 'currency', 'subtotal', 'discount', 'refunded_amount'])
    .execute();
  // Tickets of an event by sale time: tiers, check-ins, sales over time, demographics.
  await db.schema
    .createIndex('tickets_event_sales_idx')
    .on('tickets')
    .columns(['event_id', 'created_at', 'status', 'ticket_type_id', 'price_paid', 'age_range', 'country'])
    .execute();
  // Tickets of every event by sale time (platform and organizer figures over a date range).
  await db.schema
    .createIndex('tickets_sales_idx')
    .on('tickets')
    .columns(['created_at', 'event_id', 'status', 'price_paid'])
    .execute();
  await db.schema.createIndex('users_created_idx').on('users').columns(['created_at', 'role']).execute();
}
