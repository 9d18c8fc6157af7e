import type { Kysely } from 'kysely';

// The admin audit log filters by what an entry is about (issue 17): "every entry of this order",
// newest first. Without this index that filter reads the whole log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_log_target_idx')
    .on('audit_log')
    .columns(['target_type', 'target_id', 'at'])
    .execute();
}
