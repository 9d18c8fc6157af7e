import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organizer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    // When the event leaves public listings: ends_at, else starts_at.
    .addColumn('listed_until', 'text')
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    // Inventory counters, kept by conditional updates: paid seats and seats held by pending orders.
    .addColumn('sold', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('venue_name', 'text')
    .addColumn('venue_address', 'text')
    .addColumn('venue_city', 'text')
    // Lower-cased city, for the indexed city filter.
    .addColumn('city_key', 'text')
    .addColumn('venue_country', 'text')
    .addColumn('sales_start', 'text')
    .addColumn('sales_end', 'text')
    .addColumn('refund_until_hours_before', 'integer')
    .addColumn('image_key', 'text')
    // Lower-cased name, description and city, for case-insensitive search on both engines.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  // Public listing: walk published events in start order (no sort step), filtering on the horizon in the index.
  await db.schema
    .createIndex('events_listing_idx')
    .on('events')
    .columns(['status', 'starts_at', 'id', 'listed_until'])
    .execute();
  await db.schema
    .createIndex('events_city_idx')
    .on('events')
    .columns(['city_key', 'status', 'starts_at', 'id', 'listed_until'])
    .execute();
  await db.schema
    .createIndex('events_organizer_idx')
    .on('events')
    .columns(['organizer_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('ticket_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('price', 'integer', (c) => c.notNull())
    .addColumn('quantity_limit', 'integer', (c) => c.notNull())
    .addColumn('sold', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sales_start', 'text')
    .addColumn('sales_end', 'text')
    .addColumn('min_per_order', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('max_per_order', 'integer')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_types_event_idx')
    .on('ticket_types')
    .columns(['event_id', 'sort_order'])
    .execute();

  await db.schema
    .createTable('promotions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    // Upper-cased code: the uniqueness and lookup key, so codes are case-insensitive.
    .addColumn('code_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Percent: whole percent 1–100. Fixed: minor units of the event currency.
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    // JSON array of ticket type ids, or null for every tier.
    .addColumn('ticket_type_ids', 'text')
    .addColumn('min_quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('promotions_code_idx')
    .on('promotions')
    .columns(['event_id', 'code_key'])
    .unique()
    .execute();
}
