import { sql } from 'kysely';
import type { Db } from './database';
import { migrationsAreCurrent } from './migrate';

export type Readiness = 'ok' | 'migrations_pending' | 'database_unreachable';

/**
 * How long /readyz waits for the database: a load balancer's probe must get an answer (not ready)
 * while the database hangs, well before the probe's own timeout.
 */
export const READINESS_TIMEOUT_MS = 1_500;

/** For /readyz: can we query, and is the schema the one this code expects? Never waits longer than `timeoutMs`. */
export async function checkReadiness(db: Db, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve('database_unreachable'), timeoutMs);
  });
  const check = (async (): Promise<Readiness> => {
    await sql`select 1`.execute(db);
    return (await migrationsAreCurrent(db)) ? 'ok' : 'migrations_pending';
  })().catch((): Readiness => 'database_unreachable');
  try {
    // The check left behind still ends, with the pool's own connect and query timeouts.
    return await Promise.race([check, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
