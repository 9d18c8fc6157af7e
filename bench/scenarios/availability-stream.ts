import http from 'node:http';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startServer } from '../lib/server-process';

export interface AvailabilityStreamOptions {
  engine: 'sqlite' | 'postgres';
  /** Concurrent SSE subscribers on one event. */
  subscribers: number;
  /** Single purchases, each followed by a pause. */
  rounds: number;
  /** Orders placed all at once in the last round (a sell-out rush). */
  rush: number;
}

interface Subscriber {
  request: http.ClientRequest;
  /** `remaining` of each availability message received, with when it arrived. */
  received: { remaining: number; at: number }[];
}

const ROUND_GAP_MS = 2000;
const DELIVERY_TIMEOUT_MS = 5000;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
const ms = (n: number) => Math.round(n * 10) / 10;
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

/** Resident memory of a process in MiB (Linux /proc), or null elsewhere. */
function rssMiB(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round((Number(kb) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** One subscriber: a plain HTTP request, SSE frames parsed just enough to read `remaining`. */
function subscribe(url: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const subscriber: Subscriber = { request: null as never, received: [] };
    subscriber.request = http.get(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.startsWith('event: availability')) continue;
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data) {
            const { remaining } = JSON.parse(data.slice(6)) as { remaining: number };
            subscriber.received.push({ remaining, at: performance.now() });
          }
        }
      });
      resolve(subscriber);
    });
    subscriber.request.on('error', reject);
  });
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

/**
 * GET /api/events/:id/availability/stream held open by `subscribers` clients on one event, then
 * purchases: `rounds` single orders two seconds apart, and a rush of `rush` concurrent orders.
 * Reported per round: latency from the order's 201 to each subscriber's message showing it
 * (p50/p99/max, how many subscribers got it), messages per subscriber in the rush (coalescing), and
 * the API process's resident memory before and after connecting the subscribers.
 * Target (issue 6): every subscriber within one second.
 */
export async function availabilityStream(
  options: AvailabilityStreamOptions,
): Promise<Record<string, unknown>> {
  const orders = options.rounds + options.rush;
  const api = await startServer<{ hot: { eventId: string; ticketTypeId: string }; tokensFile: string }>(
    'bench/servers/api-server.ts',
    {
      BENCH_ENGINE: options.engine,
      BENCH_BUYERS: String(orders),
      STREAM_CONNECTIONS_PER_IP: String(options.subscribers + 100),
      STREAM_CONNECTIONS_MAX: String(options.subscribers + 100),
    },
  );
  const base = `http://127.0.0.1:${api.port}`;
  const { eventId, ticketTypeId } = api.info.hot;
  const tokens = JSON.parse(readFileSync(api.info.tokensFile, 'utf8')) as string[];
  let nextToken = 0;
  const buy = async () => {
    const res = await fetch(`${base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[nextToken++]}` },
      body: JSON.stringify({ eventId, items: [{ ticketTypeId, quantity: 1 }] }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`order answered ${res.status}`);
    return performance.now();
  };

  const rssBefore = rssMiB(api.pid);
  const connectStart = performance.now();
  const subscribers: Subscriber[] = [];
  // In batches, as a crowd arrives: not one SYN flood the loopback backlog would drop.
  for (let i = 0; i < options.subscribers; i += 100) {
    const batch = Math.min(100, options.subscribers - i);
    subscribers.push(
      ...(await Promise.all(
        Array.from({ length: batch }, () => subscribe(`${base}/api/events/${eventId}/availability/stream`)),
      )),
    );
  }
  await until(() => subscribers.every((s) => s.received.length > 0), 30_000);
  const connectMs = performance.now() - connectStart;
  const initial = subscribers[0]!.received[0]!.remaining;
  await sleep(500);
  const rssConnected = rssMiB(api.pid);

  const rounds: Record<string, unknown>[] = [];
  const measure = async (label: string, remaining: number, from: number, marks: number[]) => {
    await until(
      () => subscribers.every((s) => s.received.some((m) => m.remaining <= remaining)),
      DELIVERY_TIMEOUT_MS,
    );
    const latencies = subscribers
      .map((s) => s.received.find((m) => m.remaining <= remaining && m.at >= from))
      .filter((m) => m !== undefined)
      .map((m) => Math.max(0, m.at - Math.max(...marks)))
      .sort((a, b) => a - b);
    const row = {
      round: label,
      delivered: `${latencies.length}/${subscribers.length}`,
      'p50 ms': ms(percentile(latencies, 50)),
      'p99 ms': ms(percentile(latencies, 99)),
      'max ms': ms(latencies.at(-1) ?? 0),
    };
    rounds.push(row);
    return row;
  };

  let sold = 0;
  for (let round = 1; round <= options.rounds; round++) {
    const started = performance.now();
    const createdAt = await buy();
    sold++;
    await measure(`purchase ${round}`, initial - sold, started, [createdAt]);
    await sleep(ROUND_GAP_MS);
  }
  const messagesBefore = subscribers.map((s) => s.received.length);
  const rushStart = performance.now();
  const marks = await Promise.all(Array.from({ length: options.rush }, () => buy()));
  const rushMs = Math.max(...marks) - rushStart;
  sold += options.rush;
  const rushRow = await measure(
    `rush of ${options.rush} (from the last 201)`,
    initial - sold,
    rushStart,
    marks,
  );
  await sleep(1000);
  const perSubscriber = subscribers
    .map((s, i) => s.received.length - messagesBefore[i]!)
    .sort((a, b) => a - b);
  const rssEnd = rssMiB(api.pid);

  for (const s of subscribers) s.request.destroy();
  await api.stop();

  console.log(
    `\nLive availability: ${options.subscribers} SSE subscribers on one event (${options.engine}), connected in ${ms(connectMs)} ms`,
  );
  console.table(rounds);
  console.log(
    `Rush: ${options.rush} orders in ${ms(rushMs)} ms; messages per subscriber during it: median ${percentile(perSubscriber, 50)}, max ${perSubscriber.at(-1)}`,
  );
  const perConnectionKiB =
    rssBefore !== null && rssConnected !== null
      ? Math.round(((rssConnected - rssBefore) * 1024) / options.subscribers)
      : null;
  console.log(
    `API process RSS: ${rssBefore} MiB before, ${rssConnected} MiB with ${options.subscribers} subscribers (~${perConnectionKiB} KiB each), ${rssEnd} MiB after the purchases`,
  );
  return {
    scenario: 'availability-stream',
    options,
    connectMs: ms(connectMs),
    rounds,
    rush: { orders: options.rush, ms: ms(rushMs), messagesPerSubscriber: perSubscriber.at(-1), ...rushRow },
    rssMiB: { before: rssBefore, connected: rssConnected, end: rssEnd, perConnectionKiB },
  };
}
