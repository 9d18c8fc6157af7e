import { readFileSync } from 'node:fs';
import { printTable, runLoad } from '../lib/load';
import { startServer } from '../lib/server-process';

export interface HotTierOptions {
  engine: 'sqlite' | 'postgres';
  connections: number;
  durationSeconds: number;
}

/**
 * POST /api/orders for one seat of ONE tier by `connections` concurrent buyers (each request as a
 * different signed-in customer), so every order contends for the same tier and event rows.
 * Targets (issue 4, 2-core machine): ≥ 1,000 orders/s on SQLite, ≥ 300 orders/s on PostgreSQL.
 */
export async function ordersHotTier(options: HotTierOptions): Promise<Record<string, unknown>> {
  const api = await startServer<{ hot: { eventId: string; ticketTypeId: string }; tokensFile: string }>(
    'bench/servers/api-server.ts',
    { BENCH_ENGINE: options.engine, BENCH_BUYERS: String(options.connections) },
  );
  const { hot } = api.info;
  const tokens = JSON.parse(readFileSync(api.info.tokensFile, 'utf8')) as string[];
  let next = 0;
  const result = await runLoad({
    label: `POST /api/orders, one hot tier (${options.engine})`,
    url: `http://127.0.0.1:${api.port}/api/orders`,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    method: 'POST',
    body: JSON.stringify({ eventId: hot.eventId, items: [{ ticketTypeId: hot.ticketTypeId, quantity: 1 }] }),
    headersFor: () => ({
      'content-type': 'application/json',
      authorization: `Bearer ${tokens[next++ % tokens.length]}`,
    }),
  });
  await api.stop();
  printTable(
    `Orders on one hot tier, ${options.connections} concurrent buyers, ${options.durationSeconds} s`,
    [result],
  );
  console.log(`orders/s: ${result.requestsPerSecond} (non-2xx: ${result.non2xx}, errors: ${result.errors})`);
  return { scenario: 'orders-hot-tier', options, result };
}
