// The real API (no web app) on a fresh database of the chosen engine, seeded for a scenario.
// Env: BENCH_ENGINE=sqlite|postgres, TEST_DATABASE_URL (PostgreSQL server to create the database on),
// BENCH_EVENTS=<n> events to seed, PUBLIC_CACHE_TTL_MS (0 measures every request against the database). Prints {"ready":true,"port":…,"eventIds":[…]} once listening.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock, type Engine } from '@eventhub/core';
import { createTestDatabase } from '@eventhub/core/testing';
import { buildApp, createAppContext, loadConfig } from '@eventhub/api';
import { seedEvents } from '../seed/events';

const engine = (process.env.BENCH_ENGINE ?? 'sqlite') as Engine;
const dataDir = mkdtempSync(path.join(tmpdir(), 'eventhub-bench-'));
const config = loadConfig({
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  DEMO_SEED: 'false',
  SERVE_WEB: 'false',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  PUBLIC_CACHE_TTL_MS: process.env.PUBLIC_CACHE_TTL_MS ?? '1000',
});
const database = await createTestDatabase(engine, dataDir);
const ctx = createAppContext({
  db: database.db,
  engine,
  clock: systemClock,
  config,
  jwtSecret: config.jwtSecret!,
});

const eventIds = await seedEvents(ctx, Number(process.env.BENCH_EVENTS ?? 0));
const app = await buildApp(ctx, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(
  JSON.stringify({
    ready: true,
    port: typeof address === 'object' && address ? address.port : 0,
    eventIds: eventIds.slice(0, 500),
  }),
);
process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await database.dispose();
    process.exit(0);
  })();
});
