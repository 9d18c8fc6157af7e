import { PostgresAdapter, type Kysely } from 'kysely';
import type { Engine } from './database';

/** Which engine a Kysely instance talks to; only for the rare raw SQL that differs between them. */
export function engineOf(db: Kysely<unknown>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
