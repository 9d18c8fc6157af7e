import type { Kysely } from 'kysely';

// Attendee questions (issue 17): an event's own questions at checkout, and the buyers' answers.
// Answers are kept per order and seat (the attendee's place in the order, which is also the
// ticket's `seat`), so an attendee's answers are known before payment issues the ticket and stay
// with the ticket through holder changes. Also the event's holder-change deadline, beside the
// refund policy: hours before the start; null turns holder changes off. Existing events keep what
// they had: changes until the start (0).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('holder_change_until_hours_before', 'integer', (c) => c.defaultTo(0))
    .execute();
  // The ticket's place in its order (0-based, in item order); null for tickets issued before.
  await db.schema.alterTable('tickets').addColumn('seat', 'integer').execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON array of strings (choice and multi), else null.
    .addColumn('options', 'text')
    // JSON array of tier ids the question is limited to; null: every tier.
    .addColumn('ticket_type_ids', 'text')
    .addColumn('help_text', 'text')
    .addColumn('show_at_checkin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    // Set when a question with answers is deleted: buyers no longer see it, its answers stay.
    .addColumn('hidden_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('questions_event_idx')
    .on('questions')
    .columns(['event_id', 'position'])
    .execute();

  await db.schema
    .createTable('question_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    // The attendee's seat for attendee questions; null for order questions.
    .addColumn('seat', 'integer')
    // JSON: a string, number, boolean or array of strings, by the question's kind.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('question_answers_order_idx')
    .on('question_answers')
    .columns(['order_id'])
    .execute();
  // Analytics count an event's answers.
  await db.schema
    .createIndex('question_answers_event_idx')
    .on('question_answers')
    .columns(['event_id'])
    .execute();
  await db.schema
    .createIndex('question_answers_question_idx')
    .on('question_answers')
    .columns(['question_id'])
    .execute();
}
