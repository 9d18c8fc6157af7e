// `npm run bench -- <scenario> [--engine sqlite|postgres] [--connections N] [--duration S] [--events N] [--no-cache]`
// Scenarios: startup [--repeat 5] [--api-only], memory [--api-only] [--node-args '…'], events-browse, event-search [--connections 10], orders-hot-tier (use --connections 200), checkin-validate [--scanners 500] [--scan-rate 1], availability-stream [--subscribers 1000] [--rounds 5] [--rush 200], analytics [--orders 100000] [--connections 1], on-sale [--buyers 10000] [--duration 60] (--engine postgres: WEB_CONCURRENCY=2). Loopback only. Results are printed and saved under bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/server-process';
import { analyticsBench } from './scenarios/analytics';
import { availabilityStream } from './scenarios/availability-stream';
import { checkinValidate } from './scenarios/checkin-validate';
import { eventSearch } from './scenarios/event-search';
import { eventsBrowse } from './scenarios/events-browse';
import { memoryBench } from './scenarios/memory';
import { onSaleBench } from './scenarios/on-sale';
import { ordersHotTier } from './scenarios/orders-hot-tier';
import { startupBench } from './scenarios/startup';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'sqlite' },
    // Each scenario has its own default (100 connections; analytics 1: one dashboard request's cost).
    connections: { type: 'string' },
    // 10 s unless a scenario says otherwise (on-sale: 60 s).
    duration: { type: 'string' },
    events: { type: 'string', default: '10000' },
    'no-cache': { type: 'boolean', default: false },
    // checkin-validate: 500.
    scanners: { type: 'string' },
    'scan-rate': { type: 'string', default: '1' },
    subscribers: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    rush: { type: 'string', default: '200' },
    orders: { type: 'string', default: '100000' },
    // on-sale: buyers arriving (10,000).
    buyers: { type: 'string' },
    repeat: { type: 'string', default: '5' },
    // startup and memory: the compiled API-only process, without the full process (web app) beside it.
    'api-only': { type: 'boolean', default: false },
    'node-args': { type: 'string', default: '' },
  },
});
const engine = values.engine === 'postgres' ? 'postgres' : 'sqlite';
// The public micro-cache is part of the product; --no-cache shows what the database path alone does.
if (values['no-cache']) process.env.PUBLIC_CACHE_TTL_MS = '0';
if (engine === 'postgres' && !process.env.TEST_DATABASE_URL) {
  console.error('Set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to bench PostgreSQL.');
  process.exit(2);
}

const duration = Number(values.duration ?? 10);

const scenarios: Record<string, () => Promise<Record<string, unknown>>> = {
  startup: () => startupBench({ engine, repeat: Number(values.repeat), web: !values['api-only'] }),
  memory: () =>
    memoryBench({
      durationSeconds: duration,
      web: !values['api-only'],
      nodeArgs: values['node-args'].split(' ').filter(Boolean),
    }),
  'orders-hot-tier': () =>
    ordersHotTier({
      engine,
      connections: Number(values.connections ?? 100),
      durationSeconds: duration,
    }),
  'checkin-validate': () =>
    checkinValidate({
      engine,
      scanners: Number(values.scanners ?? 500),
      durationSeconds: duration,
      scansPerScannerPerSecond: Number(values['scan-rate']),
    }),
  'availability-stream': () =>
    availabilityStream({
      engine,
      subscribers: Number(values.subscribers),
      rounds: Number(values.rounds),
      rush: Number(values.rush),
    }),
  analytics: () =>
    analyticsBench({
      engine,
      orders: Number(values.orders),
      connections: Number(values.connections ?? 1),
      durationSeconds: duration,
    }),
  'on-sale': () =>
    onSaleBench({
      engine,
      buyers: Number(values.buyers ?? 10_000),
      durationSeconds: Number(values.duration ?? 60),
    }),
  'event-search': () =>
    eventSearch({
      engine,
      events: Number(values.events),
      connections: Number(values.connections ?? 10),
      durationSeconds: duration,
    }),
  'events-browse': () =>
    eventsBrowse({
      engine,
      events: Number(values.events),
      connections: Number(values.connections ?? 100),
      durationSeconds: duration,
    }),
};
const name = positionals[0] ?? 'events-browse';
const scenario = scenarios[name];
if (!scenario) {
  console.error(`Unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}
const report = await scenario();
const dir = path.join(ROOT, 'bench/results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${name}-${engine}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...report }, null, 2));
console.log(`Saved ${path.relative(ROOT, file)}`);
