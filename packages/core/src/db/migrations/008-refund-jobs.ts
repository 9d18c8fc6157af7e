import { sql, type Kysely } from 'kysely';

// Provider refunds become a durable job: each refund row carries its own retry state, so a
// refund written in the same transaction as its voided tickets is paid back even if the process
// dies before (or while) asking the provider. `status`: pending → succeeded, or failed once its
// retries ran out (a person then decides); `last_error` set means the provider refused it at least
// once, which is what makes a refund "owed" in the organizer's and admin's lists.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one column per ALTER TABLE.
  await db.schema
    .alterTable('refunds')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('refunds').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('refunds').addColumn('last_error', 'text').execute();
  await db.schema.alterTable('refunds').addColumn('updated_at', 'text').execute();

  await sql`UPDATE refunds SET updated_at = created_at`.execute(db);
  // A pending refund from before this job existed was never asked for (the process stopped
  // between commit and the provider call): due now.
  await sql`UPDATE refunds SET next_attempt_at = created_at WHERE status = 'pending'`.execute(db);
  // A failed one was asked once and refused: it stays failed, and owed.
  await sql`UPDATE refunds SET attempts = 1, last_error = 'refused before retries existed' WHERE status = 'failed'`.execute(
    db,
  );

  // The job's claim query: pending refunds whose next attempt is due.
  await db.schema
    .createIndex('refunds_due_idx')
    .on('refunds')
    .columns(['status', 'next_attempt_at'])
    .execute();
}
