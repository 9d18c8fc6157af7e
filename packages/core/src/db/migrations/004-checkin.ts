import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One Ed25519 key pair per organizer at a time; retired keys stay so old codes still verify.
  await db.schema
    .createTable('signing_keys')
    // The key id carried inside every ticket code (4 random bytes, base64url).
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organizer_id', 'text', (c) => c.notNull().references('users.id'))
    // Raw 32-byte public key, base64url.
    .addColumn('public_key', 'text', (c) => c.notNull())
    // PKCS#8 private key sealed with AES-256-GCM under a key derived from APP_SECRET.
    .addColumn('private_key_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  // At most one active key per organizer, so two first payments cannot both create one.
  await db.schema
    .createIndex('signing_keys_active_idx')
    .on('signing_keys')
    .column('organizer_id')
    .unique()
    .where(sql.ref('retired_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('signing_keys_organizer_idx')
    .on('signing_keys')
    .column('organizer_id')
    .execute();

  // Who admitted the ticket, from which device, and the scanner's nonce that makes a retry idempotent.
  await db.schema.alterTable('tickets').addColumn('checked_in_by', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('checkin_device', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('checkin_nonce', 'text').execute();

  // Codes replaced by a reissue: still correctly signed, so scanners must be told they are void.
  await db.schema
    .createTable('revoked_ticket_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('revoked_ticket_codes_event_idx')
    .on('revoked_ticket_codes')
    .column('event_id')
    .execute();
}
