import { readFileSync } from 'node:fs';
import { printTable, runLoad, type LoadResult } from '../lib/load';
import { startServer } from '../lib/server-process';
import type { SalesSeed } from '../seed/sales';

export interface AnalyticsOptions {
  engine: 'sqlite' | 'postgres';
  orders: number;
  /** Concurrent requests; 1 measures what one dashboard request costs on its own. */
  connections: number;
  durationSeconds: number;
}

/**
 * Analytics requests on a platform with `orders` sold orders (half of them for one event) over
 * 60 days: an event's dashboard (the big one, a typical one, and the big one for the last week),
 * an organizer's, and the platform's. Target (issue 6): p99 under 50 ms per request on SQLite
 * with 100,000 orders.
 */
export async function analyticsBench(options: AnalyticsOptions): Promise<Record<string, unknown>> {
  const started = Date.now();
  const api = await startServer<{ sales: { file: string } }>('bench/servers/api-server.ts', {
    BENCH_ENGINE: options.engine,
    BENCH_SALES_ORDERS: String(options.orders),
  });
  const seed = JSON.parse(readFileSync(api.info.sales.file, 'utf8')) as SalesSeed;
  const seededSeconds = Math.round((Date.now() - started) / 1000);
  const base = `http://127.0.0.1:${api.port}`;
  const week = `from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}`;
  const runs: [string, string, string][] = [
    [
      `event, ${Math.round(seed.orders / 2)} orders`,
      `/api/analytics/events/${seed.bigEventId}`,
      seed.organizerToken,
    ],
    [
      `event, ${Math.round(seed.orders / 2)} orders, last 7 days`,
      `/api/analytics/events/${seed.bigEventId}?${week}`,
      seed.organizerToken,
    ],
    ['event, a typical one', `/api/analytics/events/${seed.smallEventId}`, seed.organizerToken],
    ['organizer, 5 events', '/api/analytics/organizer', seed.organizerToken],
    [`platform, all ${seed.orders} orders`, '/api/admin/analytics', seed.adminToken],
    ['platform, last 7 days', `/api/admin/analytics?${week}`, seed.adminToken],
  ];
  const results: LoadResult[] = [];
  for (const [label, path, token] of runs) {
    const load = (durationSeconds: number) =>
      runLoad({
        label: `${label} (${options.engine})`,
        url: `${base}${path}`,
        connections: options.connections,
        durationSeconds,
        headersFor: () => ({ authorization: `Bearer ${token}` }),
      });
    // Warm-up, not counted: compiled code paths, warm page cache, the seed's garbage collected.
    await load(2);
    results.push(await load(options.durationSeconds));
  }
  await api.stop();
  printTable(
    `Analytics requests, ${seed.orders} orders / ${seed.tickets} tickets (seeded in ${seededSeconds} s), ${options.connections} connection(s), ${options.durationSeconds} s each`,
    results,
  );
  return { scenario: 'analytics', options, orders: seed.orders, tickets: seed.tickets, results };
}
