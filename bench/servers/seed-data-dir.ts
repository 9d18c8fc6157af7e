// Seeds the database a compiled server (apps/api/dist/main.js) will then open, and exits, so the
// measured process holds no seeding or TypeScript-loader code. Reads the server's own environment
// (DATA_DIR or DATABASE_URL, JWT_SECRET, APP_SECRET, PUBLIC_URL), so its tokens verify there.
// BENCH_EVENTS=<n> published events to browse, BENCH_BUYERS=<n> signed-in buyers and a hot event,
// BENCH_TICKETS=<n> paid tickets and a door-staff token, BENCH_ON_SALE=<n> the on-sale's event
// (three tiers sized for n buyers) and n signed-in buyers. Prints one JSON line: what it seeded,
// with the tokens and codes in files beside the data.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { systemClock } from '@eventhub/core';
import { createAppContext, eventDeps, identityDeps, loadConfig, openConfiguredDatabase } from '@eventhub/api';
import { mintBuyers } from '@eventhub/api/testing';
import { seedDoor } from '../seed/door';
import { seedEvents, seedHotEvent } from '../seed/events';
import { seedOnSaleEvent } from '../seed/on-sale';

const config = loadConfig(process.env);
const database = await openConfiguredDatabase(config);
const ctx = createAppContext({
  db: database.db,
  engine: database.engine,
  clock: systemClock,
  config,
  jwtSecret: config.jwtSecret!,
  appSecret: config.appSecret!,
});
const deps = { ...identityDeps(ctx), ...eventDeps(ctx) };
const eventIds = await seedEvents(deps, Number(process.env.BENCH_EVENTS ?? 0));
const hot = process.env.BENCH_BUYERS ? await seedHotEvent(deps) : null;
const onSaleBuyers = Number(process.env.BENCH_ON_SALE ?? 0);
const onSale = onSaleBuyers > 0 ? await seedOnSaleEvent(deps, onSaleBuyers) : null;
const buyerCount = Number(process.env.BENCH_BUYERS ?? 0) + onSaleBuyers;
const buyers = buyerCount > 0 ? await mintBuyers({ ctx, clock: ctx.clock }, buyerCount) : [];
const door = process.env.BENCH_TICKETS ? await seedDoor(ctx, Number(process.env.BENCH_TICKETS)) : null;
const file = path.join(config.dataDir, 'bench-seed.json');
writeFileSync(
  file,
  JSON.stringify({ eventIds, hot, onSale, tokens: buyers.map((b) => b.accessToken), door }),
);
await database.close();
console.log(JSON.stringify({ seeded: true, file }));
