import { sql } from 'kysely';
import type { Db } from './database';
import { migrationsAreCurrent } from './migrate';

export type Readiness = 'ok' | 'migrations_pending' | 'database_unreachable';

/** For /readyz: can we query, and is the schema the one this code expects? */
export async function checkReadiness(db: Db): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db);
    return (await migrationsAreCurrent(db)) ? 'ok' : 'migrations_pending';
  } catch {
    return 'database_unreachable';
  }
}
