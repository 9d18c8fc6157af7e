import { sql, type Kysely } from 'kysely';

// A buyer's live holds per event are counted on every order placed (MAX_PENDING_ORDERS_PER_BUYER):
// a partial index of pending orders only, so the count reads a handful of entries and paid or
// closed orders cost it nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('orders_pending_by_buyer_idx')
    .on('orders')
    .columns(['buyer_id', 'event_id', 'expires_at'])
    .where(sql.ref('status'), '=', sql.lit('pending'))
    .execute();
}
