import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { LoadResult } from './load';
import { assertLoopback, send } from './loopback-http';

export interface BuyerOptions {
  label: string;
  /** Loopback only: bench traffic never leaves the machine. */
  base: string;
  eventId: string;
  ticketTypeId: string;
  tokens: string[];
  /** Buyers checking out at once, each placing an order and paying it, then the next. */
  connections: number;
  durationSeconds: number;
  /** Open model: checkouts per second in all, each buyer pausing at random between its own. */
  checkoutsPerSecond: number;
}

const headers = (token: string) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
});

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

/**
 * Checkouts: POST /api/orders for one seat, then POST /api/orders/:id/pay, by `connections`
 * buyers, each pausing an exponential time between checkouts so that together they start
 * `checkoutsPerSecond`. One "request" of the result is one whole checkout (both calls).
 */
export async function runBuyers(options: BuyerOptions): Promise<LoadResult> {
  assertLoopback(options.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const orderBody = JSON.stringify({
    eventId: options.eventId,
    items: [{ ticketTypeId: options.ticketTypeId, quantity: 1 }],
  });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let next = 0;
  const until = performance.now() + options.durationSeconds * 1000;
  const meanPauseMs = (1000 * options.connections) / options.checkoutsPerSecond;
  const pause = () => new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * meanPauseMs));
  const buyer = async () => {
    await new Promise((r) => setTimeout(r, Math.random() * meanPauseMs));
    for (; performance.now() < until; await pause()) {
      const token = options.tokens[next++ % options.tokens.length]!;
      const t = performance.now();
      try {
        const placed = await send(
          agent,
          new URL('/api/orders', options.base),
          'POST',
          headers(token),
          orderBody,
        );
        if (placed.status !== 201) {
          non2xx++;
          continue;
        }
        const { id } = JSON.parse(placed.body) as { id: string };
        const paid = await send(
          agent,
          new URL(`/api/orders/${id}/pay`, options.base),
          'POST',
          headers(token),
          JSON.stringify({ outcome: 'succeeded' }),
        );
        if (paid.status !== 200) non2xx++;
        else latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, buyer));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    label: options.label,
    requestsPerSecond: Math.round(latencies.length / options.durationSeconds),
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    requests: latencies.length,
    errors,
    non2xx,
  };
}
