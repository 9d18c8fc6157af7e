import { holdSeatsForTests } from './support/hold-seats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getAvailability } from '@eventhub/core';
import { mintBuyers, type Buyer } from './support/crowd';
import { buyTickets, makePublishedEvent, signUp, type EventBody } from './support/factories';
import { listenOnLoopback, startApiProcess, type ApiProcess } from './support/live-server';
import { describeEachEngine, type TestEnv } from './support/test-env';

// Hundreds of HTTP buyers on two shared cores: generous, so a busy machine is not a failure.
const RUSH_TIMEOUT_MS = 120_000;

interface Outcome {
  status: number;
  code?: string;
}

/** One buyer over real HTTP: place an order for one seat, pay it if it was accepted. */
async function buyOne(
  baseUrl: string,
  buyer: Buyer,
  eventId: string,
  ticketTypeId: string,
): Promise<Outcome> {
  const headers = { authorization: `Bearer ${buyer.accessToken}`, 'content-type': 'application/json' };
  const placed = await fetch(`${baseUrl}/api/orders`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ eventId, items: [{ ticketTypeId, quantity: 1 }] }),
  });
  const body = (await placed.json()) as { id: string; code?: string };
  if (placed.status !== 201) return { status: placed.status, code: body.code };
  const paid = await fetch(`${baseUrl}/api/orders/${body.id}/pay`, { method: 'POST', headers, body: '{}' });
  return { status: paid.status === 200 ? 201 : paid.status };
}

/** Reads counters and public availability in one consistent snapshot. */
async function snapshot(env: TestEnv, eventId: string, ticketTypeId: string) {
  const read = async (db: TestEnv['ctx']['db']) => {
    const event = await db
      .selectFrom('events')
      .select(['sold', 'held', 'capacity'])
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
    const tier = await db
      .selectFrom('ticket_types')
      .select(['sold', 'held', 'quantity_limit'])
      .where('id', '=', ticketTypeId)
      .executeTakeFirstOrThrow();
    const seatsInOrders = await db
      .selectFrom('orders')
      .innerJoin('order_items', 'order_items.order_id', 'orders.id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('order_items.quantity'), eb.lit(0)).as('n'))
      .where('orders.event_id', '=', eventId)
      .where('orders.status', 'in', ['pending', 'paid'])
      .executeTakeFirstOrThrow();
    const available = await getAvailability({ db, clock: env.clock }, null, eventId);
    return { event, tier, seatsInOrders: Number(seatsInOrders.n), available: available.remaining };
  };
  return env.engine === 'postgres'
    ? env.ctx.db.transaction().setIsolationLevel('repeatable read').execute(read)
    : env.ctx.db.transaction().execute(read);
}

/** Runs `buyers` at once while sampling the invariant; returns outcomes and every sample taken. */
async function rush(env: TestEnv, urls: string[], buyers: Buyer[], event: EventBody) {
  const tier = event.ticketTypes[0]!.id;
  const samples: Awaited<ReturnType<typeof snapshot>>[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      samples.push(await snapshot(env, event.id, tier));
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const outcomes = await Promise.all(buyers.map((b, i) => buyOne(urls[i % urls.length]!, b, event.id, tier)));
  running = false;
  await sampler;
  samples.push(await snapshot(env, event.id, tier));
  return { outcomes, samples };
}

function expectConsistent(samples: Awaited<ReturnType<typeof snapshot>>[], capacity: number) {
  expect(samples.length).toBeGreaterThan(1);
  for (const s of samples) {
    expect(s.event.sold + s.event.held + s.available).toBe(capacity);
    expect(s.tier.sold + s.tier.held).toBeLessThanOrEqual(s.tier.quantity_limit);
    expect(s.seatsInOrders).toBe(s.event.sold + s.event.held);
    expect(s.available).toBeGreaterThanOrEqual(0);
  }
}

describeEachEngine(
  'no overselling',
  (env, engine) => {
    let baseUrl = '';
    const extra: ApiProcess[] = [];
    beforeAll(async () => {
      baseUrl = await listenOnLoopback(env());
    });
    afterAll(async () => {
      await Promise.all(extra.map((p) => p.stop()));
    });

    async function eventWithSeatsLeft(capacity: number, left: number): Promise<EventBody> {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer, {
        capacity,
        ticketTypes: [{ name: 'General', price: 25, limit: capacity }],
        promotions: [],
      });
      if (capacity > left) {
        const early = await signUp(env());
        await buyTickets(env(), early, {
          eventId: event.id,
          items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: capacity - left }],
        });
      }
      return event;
    }

    it('proves the race is real: an unguarded read-then-write reservation oversells', async () => {
      const event = await eventWithSeatsLeft(60, 10);
      const tier = event.ticketTypes[0]!.id;
      const naive = await Promise.all(
        Array.from({ length: 40 }, () => holdSeatsForTests.unguarded(env().ctx.db, tier, 1)),
      );
      const row = await env()
        .ctx.db.selectFrom('ticket_types')
        .select(['sold', 'held'])
        .where('id', '=', tier)
        .executeTakeFirstOrThrow();
      // More "successes" than seats, and lost updates in the counter: both are overselling.
      expect(naive.filter(Boolean).length).toBeGreaterThan(10);
      expect(row.held).toBeLessThan(naive.filter(Boolean).length);

      const fresh = await eventWithSeatsLeft(60, 10);
      const freshTier = fresh.ticketTypes[0]!.id;
      const guarded = await Promise.all(
        Array.from({ length: 40 }, () => holdSeatsForTests.guarded(env().ctx.db, fresh.id, freshTier, 1)),
      );
      expect(guarded.filter(Boolean)).toHaveLength(10);
      const after = await env()
        .ctx.db.selectFrom('ticket_types')
        .select(['sold', 'held'])
        .where('id', '=', freshTier)
        .executeTakeFirstOrThrow();
      expect(after.sold + after.held).toBe(60);
    });

    it(
      '500 concurrent buyers over HTTP for the last 50 seats: exactly 50 sold, 450 clean sold_out',
      async () => {
        const event = await eventWithSeatsLeft(500, 50);
        const buyers = await mintBuyers(env(), 500);
        const { outcomes, samples } = await rush(env(), [baseUrl], buyers, event);
        expect(outcomes.filter((o) => o.status === 201)).toHaveLength(50);
        expect(outcomes.filter((o) => o.status === 409 && o.code === 'sold_out')).toHaveLength(450);
        expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
        expectConsistent(samples, 500);
        const tickets = await env()
          .ctx.db.selectFrom('tickets')
          .select('id')
          .where('event_id', '=', event.id)
          .execute();
        expect(tickets).toHaveLength(500);
      },
      RUSH_TIMEOUT_MS,
    );

    it(
      'with 200 seats left, 100 concurrent buyers of one seat all succeed (no false conflicts)',
      async () => {
        const event = await eventWithSeatsLeft(300, 200);
        const buyers = await mintBuyers(env(), 100);
        const { outcomes, samples } = await rush(env(), [baseUrl], buyers, event);
        expect(outcomes.map((o) => o.status)).toEqual(Array(100).fill(201));
        expectConsistent(samples, 300);
      },
      RUSH_TIMEOUT_MS,
    );

    it(
      'orders of two tiers racing for tier limits and the event capacity: no oversell, no deadlock',
      async () => {
        const organizer = await signUp(env(), { role: 'organizer' });
        const event = await makePublishedEvent(env(), organizer, {
          capacity: 30,
          ticketTypes: [
            { name: 'Early', price: 25, limit: 20 },
            { name: 'Late', price: 30, limit: 20 },
          ],
          promotions: [],
        });
        const [early, late] = event.ticketTypes.map((t) => t.id);
        // Both orders of listing, so a lock taken in request order would meet its mirror image.
        const baskets = [[early!, late!], [late!, early!], [late!]];
        const buyers = await mintBuyers(env(), 60);
        const outcomes = await Promise.all(
          buyers.map(async (buyer, i) => {
            const tiers = baskets[i % baskets.length]!;
            const response = await fetch(`${baseUrl}/api/orders`, {
              method: 'POST',
              headers: { authorization: `Bearer ${buyer.accessToken}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                eventId: event.id,
                items: tiers.map((ticketTypeId) => ({ ticketTypeId, quantity: 1 })),
              }),
            });
            const body = (await response.json()) as { code?: string };
            return { status: response.status, code: body.code, tiers };
          }),
        );
        expect(
          outcomes.filter((o) => o.status !== 201 && !(o.status === 409 && o.code === 'sold_out')),
        ).toEqual([]);
        const placed = outcomes.filter((o) => o.status === 201);
        const held = (id: string) => placed.filter((o) => o.tiers.includes(id)).length;
        const rows = await env()
          .ctx.db.selectFrom('ticket_types')
          .select(['id', 'held'])
          .where('event_id', '=', event.id)
          .execute();
        const counters = Object.fromEntries(rows.map((r) => [r.id, r.held]));
        expect(counters).toEqual({ [early!]: held(early!), [late!]: held(late!) });
        const eventRow = await env()
          .ctx.db.selectFrom('events')
          .select('held')
          .where('id', '=', event.id)
          .executeTakeFirstOrThrow();
        expect(eventRow.held).toBe(held(early!) + held(late!));
        expect(eventRow.held).toBeLessThanOrEqual(30);
        expect(held(early!)).toBeLessThanOrEqual(20);
        expect(held(late!)).toBeLessThanOrEqual(20);
        // Every refusal was for want of room: the event is full, or a tier its buyer wanted is.
        const full = (id: string) => held(id) === 20;
        for (const refused of outcomes.filter((o) => o.status === 409))
          expect(eventRow.held + refused.tiers.length > 30 || refused.tiers.some(full)).toBe(true);
      },
      RUSH_TIMEOUT_MS,
    );

    // Several API processes share one database only with PostgreSQL; SQLite is the single-node engine.
    if (engine !== 'postgres') return;
    it(
      'holds the guarantee with the buyers split across two API processes on one database',
      async () => {
        extra.push(await startApiProcess(env()), await startApiProcess(env()));
        const event = await eventWithSeatsLeft(500, 50);
        const buyers = await mintBuyers(env(), 500);
        const { outcomes, samples } = await rush(
          env(),
          extra.map((p) => p.baseUrl),
          buyers,
          event,
        );
        expect(outcomes.filter((o) => o.status === 201)).toHaveLength(50);
        expect(outcomes.filter((o) => o.status === 409 && o.code === 'sold_out')).toHaveLength(450);
        expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
        expectConsistent(samples, 500);
      },
      RUSH_TIMEOUT_MS,
    );
  },
  { env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } },
);
