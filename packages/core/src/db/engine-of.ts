import { PostgresAdapter } from 'kysely';
import type { Engine } from './database';

/** Which engine a Kysely instance talks to; only for the rare raw SQL that differs between them. */
export function engineOf(db: { getExecutor(): { adapter: object } }): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
