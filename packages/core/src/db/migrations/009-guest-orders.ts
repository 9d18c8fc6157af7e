import { sql, type Kysely } from 'kysely';
import { engineOf } from '../engine-of';

// Guest checkout (issue 16): an order may have no account (`buyer_id` NULL), so every order now
// carries its buyer's e-mail (lower-cased) and name itself, and the SHA-256 of its access token.
// Linking a guest's orders to an account that verified the address is then one statement:
//   UPDATE orders SET buyer_id = :userId WHERE buyer_id IS NULL AND buyer_email = :email
// `placed_ip` lets guest holds be capped per client address (MAX_PENDING_ORDERS_PER_IP).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Kysely runs each migration in a transaction on PostgreSQL only; on SQLite this one makes its
  // own, so a failure half-way leaves nothing behind (the table rebuild below above all).
  if (engineOf(db) === 'sqlite') await db.transaction().execute((tx) => migrate(tx, 'sqlite'));
  else await migrate(db, 'postgres');
}

async function migrate(db: Kysely<unknown>, engine: 'sqlite' | 'postgres'): Promise<void> {
  // One column per statement: SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable('orders').addColumn('buyer_email', 'text').execute();
  await db.schema.alterTable('orders').addColumn('buyer_name', 'text').execute();
  await db.schema.alterTable('orders').addColumn('order_token_hash', 'text').execute();
  await db.schema.alterTable('orders').addColumn('placed_ip', 'text').execute();
  // Every order so far was an account's: its buyer is that account, as it reads today.
  await sql`UPDATE orders SET
      buyer_email = (SELECT lower(users.email) FROM users WHERE users.id = orders.buyer_id),
      buyer_name = (SELECT users.name FROM users WHERE users.id = orders.buyer_id)`.execute(db);

  if (engine === 'sqlite') await rebuildSqliteOrders(db);
  else
    await sql`ALTER TABLE orders
        ALTER COLUMN buyer_id DROP NOT NULL,
        ALTER COLUMN buyer_email SET NOT NULL,
        ALTER COLUMN buyer_name SET NOT NULL`.execute(db);

  // A guest's orders by address: the lookup mail, the hold limit, linking to a verified account.
  await db.schema
    .createIndex('orders_buyer_email_idx')
    .on('orders')
    .columns(['buyer_email', 'event_id'])
    .execute();
  // Live guest holds per client address and event (the loose per-IP cap), pending orders only.
  await db.schema
    .createIndex('orders_pending_by_ip_idx')
    .on('orders')
    .columns(['placed_ip', 'event_id', 'expires_at'])
    .where(sql.ref('status'), '=', sql.lit('pending'))
    .execute();
}

/**
 * SQLite cannot drop a NOT NULL constraint with ALTER TABLE: the table is rebuilt (the documented
 * "make other kinds of table schema changes" procedure), from its own CREATE statement with only
 * the constraints changed, so every column and foreign key stays as the earlier migrations made it.
 *
 * The documented procedure turns foreign keys off first, which is impossible here: this runs in a
 * transaction, where `PRAGMA foreign_keys` is a no-op (and the database stays checked throughout).
 * Instead the checks are deferred to the commit (`defer_foreign_keys`, reset by SQLite at commit): dropping `orders` counts one
 * violation per order_items/tickets/refunds row that pointed at it, and inserting the same orders
 * into the new table counts each of them off again. Had a single order gone missing, the commit
 * would fail with FOREIGN KEY constraint failed and nothing would change.
 */
async function rebuildSqliteOrders(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
      SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'orders'`.execute(db);
  const table = rows.find((r) => r.type === 'table')?.sql;
  if (!table) throw new Error('009-guest-orders: no orders table');
  if (rows.some((r) => r.type === 'trigger' || r.type === 'view'))
    throw new Error('009-guest-orders: orders has triggers or views this rebuild does not carry over');
  const indexes = rows.filter((r) => r.type === 'index' && r.sql).map((r) => r.sql!);
  const rewritten = table
    .replace(/("buyer_id" text) not null/i, '$1')
    .replace(/("buyer_email" text)/i, '$1 not null')
    .replace(/("buyer_name" text)/i, '$1 not null');
  if (rewritten.includes('"buyer_id" text not null') || !rewritten.includes('"buyer_email" text not null'))
    throw new Error(`009-guest-orders: unexpected orders definition: ${table}`);

  await sql`PRAGMA defer_foreign_keys = ON`.execute(db);
  await sql`CREATE TEMP TABLE orders_009_copy AS SELECT * FROM orders`.execute(db);
  await sql`DROP TABLE orders`.execute(db);
  await sql.raw(rewritten).execute(db);
  await sql`INSERT INTO orders SELECT * FROM orders_009_copy`.execute(db);
  await sql`DROP TABLE orders_009_copy`.execute(db);
  for (const index of indexes) await sql.raw(index).execute(db);
}
