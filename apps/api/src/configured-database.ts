import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '@eventhub/core';
import type { Config } from './config';

/** Opens the database the configuration names (PostgreSQL by URL, else SQLite in DATA_DIR) and migrates it. */
export async function openConfiguredDatabase(
  config: Config,
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
    applied = await migrateToLatest((migrator ?? handle).db);
  } finally {
    await migrator?.close();
  }
  await handle.warmUp();
  return { ...handle, applied };
}
