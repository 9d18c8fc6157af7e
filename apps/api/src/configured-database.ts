import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '@eventhub/core';
import type { Config } from './config';

/** Opens the database the configuration names (PostgreSQL by URL, else SQLite in DATA_DIR) and migrates it. */
export async function openConfiguredDatabase(
  config: Config,
): Promise<DatabaseHandle & { applied: string[] }> {
  mkdirSync(config.dataDir, { recursive: true });
  const handle = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'eventhub.sqlite'),
  });
  const applied = await migrateToLatest(handle.db);
  await handle.warmUp();
  return { ...handle, applied };
}
