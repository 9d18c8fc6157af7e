// The real API (no web app) on a fresh database of the chosen engine, seeded for a scenario.
// Env: BENCH_ENGINE=sqlite|postgres, TEST_DATABASE_URL (PostgreSQL server to create the database on),
// BENCH_EVENTS=<n> events to seed, BENCH_SEARCH_EVENTS=<n> varied events for the search scenario, BENCH_BUYERS=<n> signed-in buyers for the hot-tier scenario, BENCH_TICKETS=<n> paid tickets and a staff token for the check-in scenario, BENCH_SALES_ORDERS=<n> sold orders for the analytics scenario, PUBLIC_CACHE_TTL_MS (0 measures every request against the database), STREAM_CONNECTIONS_PER_IP and STREAM_CONNECTIONS_MAX (the stream scenario's subscribers all come from 127.0.0.1). Prints {"ready":true,"port":…,"eventIds":[…]} once listening.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock, type Engine } from '@eventhub/core';
import { createTestDatabase } from '@eventhub/core/testing';
import { buildApp, createAppContext, eventDeps, identityDeps, loadConfig } from '@eventhub/api';
import { mintBuyers } from '@eventhub/api/testing';
import { seedDoor } from '../seed/door';
import { seedEvents, seedHotEvent } from '../seed/events';
import { seedSales } from '../seed/sales';
import { seedSearchableEvents } from '../seed/searchable-events';

const engine = (process.env.BENCH_ENGINE ?? 'sqlite') as Engine;

function writeSecretFile(name: string, value: unknown): string {
  const file = path.join(dataDir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}
const dataDir = mkdtempSync(path.join(tmpdir(), 'eventhub-bench-'));
const database = await createTestDatabase(engine, dataDir);
// Only these variables pass through from the bench's environment; the rest is fixed.
const passThrough = ['PUBLIC_CACHE_TTL_MS', 'STREAM_CONNECTIONS_PER_IP', 'STREAM_CONNECTIONS_MAX'];
const config = loadConfig({
  // Live availability's LISTEN connection (PostgreSQL) goes to the bench database.
  ...(engine === 'postgres' ? { DATABASE_URL: database.location } : {}),
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  DEMO_SEED: 'false',
  SERVE_WEB: 'false',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  PUBLIC_CACHE_TTL_MS: '1000',
  // The hot-tier scenario cycles a few hundred buyers through thousands of holds: it measures seat
  // contention, not the per-buyer hold limit (which still runs its check on every order).
  MAX_PENDING_ORDERS_PER_BUYER: '10000',
  ...Object.fromEntries(
    passThrough.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  ),
});
const ctx = createAppContext({
  db: database.db,
  engine,
  clock: systemClock,
  config,
  jwtSecret: config.jwtSecret!,
  appSecret: config.appSecret!,
});

const eventIds = await seedEvents(
  { ...identityDeps(ctx), ...eventDeps(ctx) },
  Number(process.env.BENCH_EVENTS ?? 0),
);
// The search scenario: events that differ in name, venue, city and description.
if (process.env.BENCH_SEARCH_EVENTS)
  await seedSearchableEvents(
    { ...identityDeps(ctx), ...eventDeps(ctx) },
    Number(process.env.BENCH_SEARCH_EVENTS),
  );
// The orders scenario: one published event with one huge tier, and signed-in buyers to hit it.
const hot = process.env.BENCH_BUYERS ? await seedHotEvent({ ...identityDeps(ctx), ...eventDeps(ctx) }) : null;
const buyers = hot ? await mintBuyers({ ctx, clock: ctx.clock }, Number(process.env.BENCH_BUYERS)) : [];
// The check-in scenario: an event with many paid tickets, and a door-staff token to scan them.
const door = process.env.BENCH_TICKETS ? await seedDoor(ctx, Number(process.env.BENCH_TICKETS)) : null;
// The analytics scenario: a platform with this many sold orders, and an organizer's and an admin's token.
const sales = process.env.BENCH_SALES_ORDERS
  ? await seedSales(ctx, Number(process.env.BENCH_SALES_ORDERS))
  : null;
// As the API's start-up does (openConfiguredDatabase): the pool's connections open before traffic.
await database.warmUp();
const app = await buildApp(ctx, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(
  JSON.stringify({
    ready: true,
    port: typeof address === 'object' && address ? address.port : 0,
    eventIds: eventIds.slice(0, 500),
    hot,
    // Hundreds of tokens would make one huge stdout line: they go to a file beside the data.
    tokensFile: writeSecretFile(
      'tokens.json',
      buyers.map((b) => b.accessToken),
    ),
    sales: sales ? { file: writeSecretFile('sales.json', sales) } : null,
    door: door
      ? {
          eventId: door.eventId,
          file: writeSecretFile('door.json', { codes: door.codes, staffToken: door.staffToken }),
        }
      : null,
  }),
);
process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await database.dispose();
    process.exit(0);
  })();
});
