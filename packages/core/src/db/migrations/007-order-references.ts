import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Every order gets a short human reference (`K7QX-4R9M`), shown on pages, e-mails and tickets.
// Frozen in time like every migration: it makes its own references for existing orders instead of
// calling the domain's generator, whose format may change later.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function reference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('reference', 'text').execute();
  const { rows } = await sql<{ id: string }>`SELECT id FROM orders`.execute(db);
  const taken = new Set<string>();
  for (const { id } of rows) {
    let value = reference();
    while (taken.has(value)) value = reference();
    taken.add(value);
    await sql`UPDATE orders SET reference = ${value} WHERE id = ${id}`.execute(db);
  }
  await db.schema.createIndex('orders_reference_idx').unique().on('orders').column('reference').execute();
}
