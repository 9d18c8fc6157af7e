import { ManualClock, migrateToLatest, openDatabase } from '@eventhub/core';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createAppContext } from './context';

/**
 * The OpenAPI document exactly as the server would publish it, built from the route schemas
 * against a throwaway in-memory database and fixed settings, so it is the same on every machine.
 */
export async function renderOpenApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({
    DEMO_SEED: 'false',
    SERVE_WEB: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
  });
  const database = openDatabase({ sqliteFile: ':memory:' });
  await migrateToLatest(database.db);
  const app = await buildApp(
    createAppContext({
      db: database.db,
      engine: database.engine,
      clock: new ManualClock(),
      config,
      jwtSecret: new Uint8Array(32),
      appSecret: 'openapi-document-only-secret-not-used-for-anything',
    }),
    { logger: false },
  );
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await database.close();
  return document;
}
