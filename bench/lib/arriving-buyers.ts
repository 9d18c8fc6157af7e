import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { assertLoopback, send } from './loopback-http';
import type { Timeline } from './timeline';

export interface ArrivalOptions {
  /** Loopback only: bench traffic never leaves the machine. */
  base: string;
  eventId: string;
  /** The tiers a buyer chooses from, by their share of buyers (shares sum to 1). */
  tiers: { id: string; share: number }[];
  /** One signed-in customer per buyer. */
  tokens: string[];
  buyers: number;
  durationSeconds: number;
  /** performance.now() at which the first arrival may come. */
  startAt: number;
  /** Each checkout by the moment it was started: place + pay, answered 200 to both. */
  checkouts: Timeline;
}

export interface ArrivalOutcome {
  /** Orders placed (201) and paid (200), with when the pay call returned (ms after `startAt`). */
  paid: { orderId: string; tickets: number; tierId: string; paidAfterMs: number }[];
  /** 409 sold_out when placing: the tier had no room left for the order. */
  soldOut: number;
  /** Any other 4xx, by status and problem code. */
  other4xx: Record<string, number>;
  status5xx: number;
  /** No answer at all (connection refused or reset), by error code. */
  errors: Record<string, number>;
  /** The most checkouts under way at once. */
  peakInFlight: number;
}

const headers = (token: string) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
});

function problemCode(body: string): string {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? '';
  } catch {
    return '';
  }
}

function chooseTier(tiers: ArrivalOptions['tiers']): string {
  let r = Math.random();
  for (const tier of tiers) if ((r -= tier.share) < 0) return tier.id;
  return tiers.at(-1)!.id;
}

/**
 * An open model of an on-sale: `buyers` arrive at random over `durationSeconds` (a Poisson
 * process given its count: uniform arrival times), however fast the server answers, so a slow
 * server meets a growing crowd rather than a politely waiting one. Each buyer asks for 1–4
 * tickets of one tier, pays at once (the test provider) and leaves; one that is refused leaves too.
 */
export async function runArrivingBuyers(options: ArrivalOptions): Promise<ArrivalOutcome> {
  assertLoopback(options.base);
  // A connection per buyer under way, kept for the next arrival: loopback sockets are cheap, and
  // a cap would queue buyers inside the load generator instead of at the server.
  const agent = new http.Agent({ keepAlive: true });
  const outcome: ArrivalOutcome = {
    paid: [],
    soldOut: 0,
    other4xx: {},
    status5xx: 0,
    errors: {},
    peakInFlight: 0,
  };
  const arrivals = Array.from(
    { length: options.buyers },
    () => options.startAt + Math.random() * options.durationSeconds * 1000,
  );
  let inFlight = 0;
  const refused = (status: number, body: string) => {
    if (status >= 500) {
      outcome.status5xx++;
      return;
    }
    const code = problemCode(body);
    if (status === 409 && code === 'sold_out') outcome.soldOut++;
    else outcome.other4xx[`${status} ${code}`] = (outcome.other4xx[`${status} ${code}`] ?? 0) + 1;
  };
  const checkout = async (token: string) => {
    const tierId = chooseTier(options.tiers);
    const tickets = 1 + Math.floor(Math.random() * 4);
    const t = performance.now();
    inFlight++;
    outcome.peakInFlight = Math.max(outcome.peakInFlight, inFlight);
    let status = 0;
    try {
      const placed = await send(
        agent,
        new URL('/api/orders', options.base),
        'POST',
        headers(token),
        JSON.stringify({ eventId: options.eventId, items: [{ ticketTypeId: tierId, quantity: tickets }] }),
      );
      status = placed.status;
      if (placed.status !== 201) return refused(placed.status, placed.body);
      const { id } = JSON.parse(placed.body) as { id: string };
      const paid = await send(
        agent,
        new URL(`/api/orders/${id}/pay`, options.base),
        'POST',
        headers(token),
        JSON.stringify({ outcome: 'succeeded' }),
      );
      status = paid.status;
      if (paid.status !== 200) return refused(paid.status, paid.body);
      outcome.paid.push({ orderId: id, tickets, tierId, paidAfterMs: performance.now() - options.startAt });
    } catch (error) {
      status = 0;
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      outcome.errors[code] = (outcome.errors[code] ?? 0) + 1;
    } finally {
      inFlight--;
      options.checkouts.record(t, performance.now() - t, status);
    }
  };
  await Promise.all(
    arrivals.map(
      (at, i) =>
        new Promise<void>((done) =>
          setTimeout(
            () => void checkout(options.tokens[i % options.tokens.length]!).finally(done),
            at - performance.now(),
          ),
        ),
    ),
  );
  agent.destroy();
  return outcome;
}
