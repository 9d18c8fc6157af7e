import { sql, type Kysely } from 'kysely';
import { engineOf } from '../engine-of';

// Invoices and taxes (issue 18). Tax rates are integer basis points of a percent (19.00 % = 1900),
// so rates with two decimals need no floating point. Taxes are decided when the order is placed
// (the buyer's billing details can make it a reverse charge) and kept per line and per ticket, so
// a refund's credit note takes exactly the tickets' own share. Existing data keeps its meaning:
// no invoicing, prices with tax included, 0 % everywhere.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizer_profiles')
    .addColumn('organizer_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('legal_name', 'text', (c) => c.notNull())
    .addColumn('address_line1', 'text', (c) => c.notNull())
    .addColumn('address_line2', 'text')
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('vat_id', 'text')
    .addColumn('invoice_prefix', 'text', (c) => c.notNull())
    .addColumn('invoice_footer', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('events')
    .addColumn('invoicing', 'text', (c) => c.notNull().defaultTo('off'))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('prices_include_tax', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('ticket_types')
    .addColumn('tax_rate', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // The buyer's billing details (JSON) as given at checkout; null without.
  await db.schema.alterTable('orders').addColumn('billing', 'text').execute();
  await db.schema
    .alterTable('orders')
    .addColumn('tax', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('orders')
    .addColumn('reverse_charge', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const table of ['order_items', 'tickets']) {
    await db.schema
      .alterTable(table)
      .addColumn('tax_rate', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('tax', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }

  // The last number issued per organizer and year. Taking the next one is a conditional
  // increment in the paying transaction: a payment that rolls back gives its number back, and
  // concurrent payments of one organizer take turns on this row, so numbers have no gaps.
  await db.schema
    .createTable('invoice_counters')
    .addColumn('organizer_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('invoice_counters_pk', ['organizer_id', 'year'])
    .execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organizer_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // A credit note: the refund it documents and the invoice it corrects.
    .addColumn('refund_id', 'text')
    .addColumn('corrects_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('net', 'integer', (c) => c.notNull())
    .addColumn('tax', 'integer', (c) => c.notNull())
    .addColumn('gross', 'integer', (c) => c.notNull())
    // The whole document as issued (InvoiceDocument, JSON): what its PDF shows, forever.
    .addColumn('document', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invoices_number_idx')
    .on('invoices')
    .columns(['organizer_id', 'year', 'sequence'])
    .unique()
    .execute();
  await db.schema
    .createIndex('invoices_order_idx')
    .on('invoices')
    .columns(['order_id', 'issued_at'])
    .execute();
  await db.schema
    .createIndex('invoices_organizer_idx')
    .on('invoices')
    .columns(['organizer_id', 'issued_at'])
    .execute();

  // Net and tax per rate and UTC day of sale, kept by the transactions that sell and refund like
  // the other rollups (refunds are taken out on the day of the sale).
  await db.schema
    .createTable('taxes_by_day')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('tax_rate', 'integer', (c) => c.notNull())
    .addColumn('net', 'integer', (c) => c.notNull())
    .addColumn('tax', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('taxes_by_day_pk', ['event_id', 'day', 'tax_rate'])
    .execute();

  // An issued invoice is never changed or removed, enforced by the database like the audit log.
  if (engineOf(db) === 'postgres') {
    await sql`CREATE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'an issued invoice cannot be changed'; END $$`.execute(db);
    await sql`CREATE TRIGGER invoices_no_change BEFORE UPDATE OR DELETE ON invoices
      FOR EACH ROW EXECUTE FUNCTION invoices_immutable()`.execute(db);
  } else {
    await sql`CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices
      BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed'); END`.execute(db);
    await sql`CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
      BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed'); END`.execute(db);
  }
}
