import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  databaseFailureOf,
  migrateToLatest,
  openDatabase,
  type DatabaseHandle,
  type Db,
} from '@eventhub/core';
import type { Config } from './config';

const FIRST_WAIT_MS = 500;
const LONGEST_WAIT_MS = 5_000;

/** Opens the database the configuration names (PostgreSQL by URL, else SQLite in DATA_DIR) and migrates it. */
export async function openConfiguredDatabase(
  config: Config,
  log: (message: string) => void = (message) => console.warn(message),
): Promise<DatabaseHandle & { applied: string[] }> {
  mkdirSync(config.dataDir, { recursive: true });
  const options = {
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'eventhub.sqlite'),
    connectTimeoutMs: config.databaseConnectTimeoutMs,
  };
  // A migration on a large database may run longer than a request's statement may: it gets a
  // connection of its own without the query timeout.
  const migrator = config.databaseUrl ? openDatabase({ ...options, poolSize: 1, queryTimeoutMs: 0 }) : null;
  const handle = openDatabase({ ...options, queryTimeoutMs: config.databaseQueryTimeoutMs });
  let applied: string[];
  try {
    applied = await migrateOnceReachable((migrator ?? handle).db, log);
  } finally {
    await migrator?.close();
  }
  await handle.warmUp();
  return { ...handle, applied };
}

/**
 * A database still starting (compose brings both up at once, a managed server fails over) is
 * waited for, retrying with a growing pause, instead of exiting into a restart loop; any other
 * failure (a broken migration, a wrong password) stops the start-up at once.
 */
async function migrateOnceReachable(db: Db, log: (message: string) => void): Promise<string[]> {
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    try {
      return await migrateToLatest(db);
    } catch (error) {
      if (databaseFailureOf(error) !== 'unavailable') throw error;
      log(`The database is not reachable yet; trying again in ${wait / 1000} s`);
      await sleep(wait);
    }
  }
}
