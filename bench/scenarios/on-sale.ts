import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Db } from '@eventhub/core';
import { createTestDatabase } from '@eventhub/core/testing';
import { runArrivingBuyers } from '../lib/arriving-buyers';
import {
  BENCH_SECRETS,
  ensureBuilt,
  firstOk,
  freePort,
  runSeeder,
  spawnCompiledServer,
} from '../lib/compiled-server';
import { onSaleChart, reportOnSale, type SaleRun } from '../lib/on-sale-report';
import { runPageVisitors } from '../lib/page-visitors';
import { readOnlySqlite } from '../lib/read-only-sqlite';
import { confirmationTimes, tierSales } from '../lib/sale-records';
import { runScanners } from '../lib/scanners';
import { waitForMailWorkers } from '../lib/server-memory';
import { sampleEverySecond, type ServerSample } from '../lib/server-sampler';
import { ROOT } from '../lib/server-process';
import { Timeline } from '../lib/timeline';
import type { OnSaleEvent } from '../seed/on-sale';

export interface OnSaleOptions {
  engine: 'sqlite' | 'postgres';
  /** Buyers arriving over the sale (10,000 by default). */
  buyers: number;
  durationSeconds: number;
}

// The on-sale: 50 scanners at the door of tonight's show, 2 scans a second each, and 200
// visitors on the event page, reloading it every 5 s on average while they wait.
const SCANNERS = 50;
const SCANS_PER_SECOND = 2;
const VISITORS = 200;
const THINK_SECONDS = 5;
// The door and the page start this long before the sale (connections opened, code warm) and are
// measured from the sale's start, as the check-in scenario measures after its warm-up.
const WARM_UP_SECONDS = 5;
// After the sale, the backlog is followed until it drains or this long has passed.
const DRAIN_CAP_SECONDS = 300;

interface Seed {
  onSale: OnSaleEvent;
  tokens: string[];
  door: { eventId: string; codes: string[]; staffToken: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `npm run bench -- on-sale`: an on-sale against the compiled server (API only). `buyers` arrive
 * at random over the sale and each orders and pays 1–4 tickets of one of three tiers (some sell
 * out), while scanners validate tickets of another event at the door and visitors load the
 * event's page. Every second: the e-mail backlog (pending outbox rows) and the processes' RSS;
 * after the sale, until the backlog drains. From the database afterwards: each paid order's
 * payment-to-confirmation delay and tickets per tier against capacity. Issue 15's targets.
 */
export async function onSaleBench(options: OnSaleOptions): Promise<Record<string, unknown>> {
  ensureBuilt(false);
  const clustered = options.engine === 'postgres';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eventhub-on-sale-'));
  const pg = clustered ? await createTestDatabase('postgres') : null;
  try {
    return await measure(options, dataDir, pg);
  } finally {
    await pg?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(
  options: OnSaleOptions,
  dataDir: string,
  pg: { location: string; db: Db } | null,
): Promise<Record<string, unknown>> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...BENCH_SECRETS,
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: base,
    SERVE_WEB: 'false',
    // Seeding 10,000 buyers and a drain of minutes must not outlive their access tokens.
    ACCESS_TOKEN_TTL_SECONDS: '7200',
    ...(pg ? { DATABASE_URL: pg.location, WEB_CONCURRENCY: '2' } : {}),
  };
  // The door scans on while the backlog drains: a fresh ticket for every scan until the cap.
  const doorSeconds = WARM_UP_SECONDS + options.durationSeconds + DRAIN_CAP_SECONDS;
  const doorTickets = Math.ceil(SCANNERS * SCANS_PER_SECOND * doorSeconds * 1.1);
  const seeding = performance.now();
  const seed = runSeeder<Seed>('bench/servers/seed-data-dir.ts', {
    ...env,
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    BENCH_ON_SALE: String(options.buyers),
    BENCH_TICKETS: String(doorTickets),
  });
  console.log(
    `Seeded ${options.buyers} buyers, the on-sale event and ${doorTickets} door tickets in ${Math.round((performance.now() - seeding) / 1000)} s`,
  );
  // Read beside the server: the pool of the bench's own PostgreSQL database, or the SQLite file.
  const sqlite = pg ? null : readOnlySqlite(path.join(dataDir, 'eventhub.sqlite'));
  const db = pg?.db ?? sqlite!.db;
  const clustered = pg !== null;
  const server = spawnCompiledServer(env);
  try {
    await firstOk(`${base}/readyz`, server.startedAt);
    await waitForMailWorkers(server.pid, clustered, clustered ? 2 : 1);

    const zero = performance.now() + WARM_UP_SECONDS * 1000;
    const checkouts = new Timeline(zero);
    const door = new Timeline(zero);
    const pages = new Timeline(zero);
    const samples: ServerSample[] = [];
    const drained = new AbortController();
    const sampler = sampleEverySecond(samples, {
      zero,
      db,
      pid: server.pid,
      clustered,
      signal: drained.signal,
    });

    const codes = seed.door.codes;
    let nextCode = 0;
    const scanning = runScanners({
      label: 'door',
      url: `${base}/api/tickets/validate`,
      scanners: SCANNERS,
      scansPerSecond: SCANS_PER_SECOND,
      durationSeconds: options.durationSeconds,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${seed.door.staffToken}` },
      bodyFor: () =>
        JSON.stringify({
          code: codes[nextCode++ % codes.length],
          eventId: seed.door.eventId,
          nonce: randomUUID(),
          deviceId: 'bench',
        }),
      onScan: (t, ms, status) => door.record(t, ms, status),
      keepOnUntil: drained.signal,
    });
    const visiting = runPageVisitors({
      base,
      // What the event page's server render asks the API for (apps/web/features/events/event-details.tsx).
      paths: [`/api/events/${seed.onSale.eventId}`, `/api/events/${seed.onSale.eventId}/questions`],
      visitors: VISITORS,
      thinkSeconds: THINK_SECONDS,
      signal: drained.signal,
      views: pages,
    });
    const outcome = await runArrivingBuyers({
      base,
      eventId: seed.onSale.eventId,
      tiers: seed.onSale.tiers,
      tokens: seed.tokens,
      buyers: options.buyers,
      durationSeconds: options.durationSeconds,
      startAt: zero,
      checkouts,
    });
    const saleEnded = (performance.now() - zero) / 1000;
    console.log(
      `Last checkout answered at ${saleEnded.toFixed(1)} s; following the e-mail backlog (at most ${DRAIN_CAP_SECONDS} s more)…`,
    );
    while (performance.now() - zero < (saleEnded + DRAIN_CAP_SECONDS) * 1000) {
      await sleep(1000);
      const last = samples.at(-1);
      if (last && last.second > saleEnded && last.pending === 0) break;
    }
    drained.abort();
    await Promise.all([sampler, scanning, visiting]);

    const run: SaleRun = {
      engine: options.engine,
      buyers: options.buyers,
      durationSeconds: options.durationSeconds,
      saleEnded,
      drainCapSeconds: DRAIN_CAP_SECONDS,
      door: { scanners: SCANNERS, scansPerSecond: SCANS_PER_SECOND, timeline: door },
      pages: { visitors: VISITORS, thinkSeconds: THINK_SECONDS, timeline: pages },
      checkouts,
      outcome,
      samples,
      zeroEpochMs: performance.timeOrigin + zero,
      mails: await confirmationTimes(db, seed.onSale.eventId),
      tiers: await tierSales(db, seed.onSale.eventId),
    };
    const report = reportOnSale(run);
    const dir = path.join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const chart = path.join(
      dir,
      `on-sale-${options.engine}-${new Date().toISOString().replace(/[:.]/g, '-')}.svg`,
    );
    writeFileSync(chart, onSaleChart(run));
    console.log(`Chart: ${path.relative(ROOT, chart)}`);
    return { scenario: 'on-sale', options, chart: path.relative(ROOT, chart), ...report };
  } finally {
    await server.stop();
    await sqlite?.close();
  }
}
