import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AvailabilitySignal } from '../src/live/availability-streams';
import { LISTEN_APPLICATION_NAME } from '../src/live/postgres-change-bus';
import { mintBuyers } from './support/crowd';
import {
  buyTickets,
  makeEvent,
  makePublishedEvent,
  placeOrderOk,
  signUp,
  type EventBody,
  type SignedIn,
} from './support/factories';
import { startApiProcess, type ApiProcess } from './support/live-server';
import { drained, openStreams, streams } from './support/live-recording';
import type { SseMessage } from './support/sse-client';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

const PER_IP = 4;
// Tokens outlive the hold: the expiry test moves the clock past it.
const SUITE_ENV = {
  STREAM_CONNECTIONS_PER_IP: String(PER_IP),
  STREAM_HEARTBEAT_SECONDS: '1',
  ACCESS_TOKEN_TTL_SECONDS: '86400',
};

interface Availability {
  remaining: number;
  ticketTypes: { id: string; name: string; remaining: number; soldOut: boolean }[];
}

const dataOf = (message: SseMessage) => JSON.parse(message.data) as Availability;

/** The availability hub's notices and flushes for one event (and its expiry timer's firings). */
const ofEvent = (eventId: string) => (signal: AvailabilitySignal) => signal.eventId === eventId;

async function availabilityOf(env: TestEnv, eventId: string): Promise<Availability> {
  const res = await env.app.inject({ method: 'GET', url: `/api/events/${eventId}/availability` });
  expect(res.statusCode).toBe(200);
  return json<Availability>(res);
}

describeEachEngine(
  'live availability stream',
  (env, engine) => {
    const sse = streams(env);
    let organizer: SignedIn;
    let buyer: SignedIn;
    beforeAll(async () => {
      organizer = await signUp(env(), { role: 'organizer' });
      buyer = await signUp(env());
    });
    const stream = (event: EventBody, headers: Record<string, string> = {}) =>
      sse.connect(`/api/events/${event.id}/availability/stream`, headers);

    it('sends the availability on connect, then the new one within a second of a purchase', async () => {
      const event = await makePublishedEvent(env(), organizer);
      const client = await stream(event);
      expect(client.status).toBe(200);
      expect(client.headers['content-type']).toMatch(/^text\/event-stream/);
      const first = await client.waitFor('availability', 1);
      expect(client.retry).toBeGreaterThan(0);
      expect(first.id).toMatch(/^[\w-]{8,}$/);
      // Exactly the body of GET …/availability.
      expect(first.data).toBe(
        (await env().app.inject({ method: 'GET', url: `/api/events/${event.id}/availability` })).body,
      );

      await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 2 }],
      });
      const purchasedAt = performance.now();
      const next = await client.waitFor('availability', 2);
      expect(next.at - purchasedAt).toBeLessThan(1000);
      expect(next.id).not.toBe(first.id);
      expect(dataOf(next)).toEqual(await availabilityOf(env(), event.id));
      expect(dataOf(next).ticketTypes[0]!.remaining).toBe(dataOf(first).ticketTypes[0]!.remaining - 2);
    });

    it('pushes refunds, ticket-type limits, event capacity and new ticket types', async () => {
      const event = await makePublishedEvent(env(), organizer);
      const tier = event.ticketTypes[1]!;
      const paid = await buyTickets(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: tier.id, quantity: 3 }],
      });
      const client = await stream(event);
      let seen = 1;
      const pushed = async (change: () => Promise<{ statusCode: number }>, status: number) => {
        const res = await change();
        expect(res.statusCode).toBe(status);
        const at = performance.now();
        const message = await client.waitFor('availability', ++seen);
        expect(message.at - at).toBeLessThan(1000);
        expect(dataOf(message)).toEqual(await availabilityOf(env(), event.id));
        return dataOf(message);
      };
      expect(dataOf(await client.waitFor('availability', 1)).ticketTypes[1]!.remaining).toBe(tier.limit - 3);

      const refunded = await pushed(
        () =>
          env().app.inject({
            method: 'POST',
            url: `/api/orders/${paid.id}/refunds`,
            headers: bearer(organizer.accessToken),
            payload: {},
          }),
        201,
      );
      expect(refunded.ticketTypes[1]!.remaining).toBe(tier.limit);

      const limited = await pushed(
        () =>
          env().app.inject({
            method: 'PATCH',
            url: `/api/events/${event.id}/ticket-types/${tier.id}`,
            headers: bearer(organizer.accessToken),
            payload: { limit: 10 },
          }),
        200,
      );
      expect(limited.ticketTypes[1]!.remaining).toBe(10);

      const capped = await pushed(
        () =>
          env().app.inject({
            method: 'PATCH',
            url: `/api/events/${event.id}`,
            headers: bearer(organizer.accessToken),
            payload: { capacity: 120 }, // tiers now allow 100 + 10 + 50
          }),
        200,
      );
      expect(capped.remaining).toBe(120);

      const added = await pushed(
        () =>
          env().app.inject({
            method: 'POST',
            url: `/api/events/${event.id}/ticket-types`,
            headers: bearer(organizer.accessToken),
            payload: { name: 'Late', price: 10, limit: 3 },
          }),
        201,
      );
      expect(added.ticketTypes.map((t) => t.name)).toContain('Late');

      // A write that changes nothing visible sends nothing: the flush that answers it reads the
      // same state, which the client has, and writes to no one.
      const recording = sse.record(env().app.live.availability.signals, ofEvent(event.id));
      const quiet = await env().app.inject({
        method: 'PATCH',
        url: `/api/events/${event.id}`,
        headers: bearer(organizer.accessToken),
        payload: { description: 'Same seats, new words' },
      });
      expect(quiet.statusCode).toBe(200);
      const flushes = await recording.settled();
      expect(flushes.map((f) => ({ sent: f.sent, unchanged: f.unchanged }))).toEqual(
        flushes.map(() => ({ sent: 0, unchanged: 1 })),
      );
      await drained(env(), client);
      expect(client.events('availability')).toHaveLength(seen);
    });

    it('coalesces a burst of orders into a few messages, the last one correct', async () => {
      const event = await makePublishedEvent(env(), organizer);
      const client = await stream(event);
      await client.waitFor('availability', 1);
      const orders = 60;
      const buyers = await mintBuyers(env(), orders);
      const recording = sse.record(env().app.live.availability.signals, ofEvent(event.id));
      await Promise.all(
        buyers.map((b) =>
          env().app.inject({
            method: 'POST',
            url: '/api/orders',
            headers: bearer(b.accessToken),
            payload: { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[1]!.id, quantity: 1 }] },
          }),
        ),
      );
      const expected = await availabilityOf(env(), event.id);
      expect(expected.ticketTypes[1]!.remaining).toBe(event.ticketTypes[1]!.limit - orders);
      await client.until(
        () => {
          const last = client.events('availability').at(-1)!;
          return JSON.stringify(dataOf(last)) === JSON.stringify(expected);
        },
        2000,
        'the final availability',
      );
      // Settle: nothing more comes once the burst is over. The server has answered every notice
      // with nothing pending, and the client has all it was sent.
      const flushes = await recording.settled();
      await drained(env(), client);
      const pushes = client.events('availability').length - 1;
      expect(pushes).toBeGreaterThanOrEqual(1);
      expect(pushes).toBeLessThanOrEqual(orders / 10);
      expect(dataOf(client.events('availability').at(-1)!)).toEqual(expected);
      // Each push is a new state, and the burst's notices were answered by fewer reads.
      const ids = client.events('availability').map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      const notices = recording.seen.filter((s) => s.kind === 'notice').length;
      expect(notices).toBeGreaterThanOrEqual(orders);
      expect(flushes.reduce((sum, f) => sum + f.notices, 0)).toBe(notices);
      expect(flushes.length).toBeLessThan(notices);
    });

    it('resumes with Last-Event-ID: the state the client has is not sent again, a stale one is replaced', async () => {
      const event = await makePublishedEvent(env(), organizer);
      const first = await stream(event);
      const current = await first.waitFor('availability', 1);
      first.close();

      const resumed = await stream(event, { 'last-event-id': current.id! });
      expect(resumed.status).toBe(200);
      // The server decides what to send on connect before the headers go out; a marker after them
      // shows it sent nothing.
      await drained(env(), resumed);
      expect(resumed.events('availability')).toEqual([]);
      // … but it is live: the next change arrives.
      await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }],
      });
      const change = await resumed.waitFor('availability', 1);
      expect(change.id).not.toBe(current.id);

      // A client that missed that change, reconnecting with the id it had, gets the current state at once.
      const stale = await stream(event, { 'last-event-id': current.id! });
      const caughtUp = await stale.waitFor('availability', 1, 500);
      expect(caughtUp.id).toBe(change.id);
      expect(dataOf(caughtUp)).toEqual(await availabilityOf(env(), event.id));
    });

    it(`refuses more than ${PER_IP} open streams per client IP with 429 rate_limited`, async () => {
      const event = await makePublishedEvent(env(), organizer);
      const clients = [];
      for (let i = 0; i < PER_IP; i++) clients.push(await stream(event));
      expect(clients.map((c) => c.status)).toEqual(Array(PER_IP).fill(200));
      const refused = await stream(event);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(refused.headers['retry-after']).toBeDefined();
      // A dashboard stream counts against the same budget.
      const dashboard = await sse.connect('/api/analytics/live', bearer(organizer.accessToken));
      expect(dashboard.status).toBe(429);

      // Closing one frees its slot.
      clients[0]!.close();
      await openStreams(env(), PER_IP - 1);
      expect((await stream(event)).status).toBe(200);
    });

    it('hides drafts as GET /api/events/:id does: 404 to anyone but the organizer and admins', async () => {
      const draft = await makeEvent(env(), organizer);
      const anonymous = await stream(draft);
      expect(anonymous.status).toBe(404);
      expect(anonymous.json()).toMatchObject({ code: 'not_found' });
      const other = await signUp(env(), { role: 'organizer' });
      expect((await stream(draft, bearer(other.accessToken))).status).toBe(404);
      expect((await sse.connect('/api/events/no-such-event/availability/stream')).status).toBe(404);

      const owner = await stream(draft, bearer(organizer.accessToken));
      expect(owner.status).toBe(200);
      expect(dataOf(await owner.waitFor('availability', 1)).remaining).toBe(450);
      owner.close();

      // Unpublishing a live event ends the public's streams; its organizer's stays.
      const event = await makePublishedEvent(env(), organizer);
      const publicStream = await stream(event);
      const ownerStream = await stream(event, bearer(organizer.accessToken));
      await publicStream.waitFor('availability', 1);
      await ownerStream.waitFor('availability', 1);
      const unpublished = await env().app.inject({
        method: 'POST',
        url: `/api/events/${event.id}/unpublish`,
        headers: bearer(organizer.accessToken),
      });
      expect(unpublished.statusCode).toBe(200);
      await publicStream.closedByServer(1500);
      expect(ownerStream.ended).toBe(false);
    });

    it('sends a heartbeat comment every STREAM_HEARTBEAT_SECONDS', async () => {
      const event = await makePublishedEvent(env(), organizer);
      const client = await stream(event);
      await client.until(() => client.comments.length >= 2, 3500, 'two heartbeats');
      expect(client.events('availability')).toHaveLength(1);
    });

    if (engine === 'postgres') {
      let second: ApiProcess | null = null;
      const secondProcess = async () => (second ??= await startApiProcess(env()));
      afterAll(async () => second?.stop());
      /** An order placed through the other process: only LISTEN/NOTIFY can tell this one. */
      const remoteOrder = async (event: EventBody, tier: number, quantity: number) => {
        const [remote] = await mintBuyers(env(), 1);
        return fetch(`${(await secondProcess()).baseUrl}/api/orders`, {
          method: 'POST',
          headers: { ...bearer(remote!.accessToken), 'content-type': 'application/json' },
          body: JSON.stringify({
            eventId: event.id,
            items: [{ ticketTypeId: event.ticketTypes[tier]!.id, quantity }],
          }),
        });
      };

      it('delivers a purchase made through another API process within a second (LISTEN/NOTIFY)', async () => {
        await secondProcess();
        const event = await makePublishedEvent(env(), organizer);
        const client = await stream(event);
        await client.waitFor('availability', 1);
        const res = await remoteOrder(event, 2, 4);
        expect(res.status).toBe(201);
        const placedAt = performance.now();
        const pushed = await client.waitFor('availability', 2);
        expect(pushed.at - placedAt).toBeLessThan(1000);
        expect(dataOf(pushed).ticketTypes[2]!.remaining).toBe(event.ticketTypes[2]!.limit - 4);
      }, 90_000);

      it('reconnects its LISTEN connection when it drops, and catches up', async () => {
        await secondProcess();
        const listening = sql<{ pid: number; query: string }>`
          SELECT pid, query FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = ${LISTEN_APPLICATION_NAME}
            AND query LIKE 'LISTEN %'`;
        const listeners = async () => (await listening.execute(env().ctx.db)).rows;
        // This suite's app and the second process.
        const expected = 2;
        const before = await listeners();
        expect(before).toHaveLength(expected);
        await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = ${LISTEN_APPLICATION_NAME}`.execute(
          env().ctx.db,
        );
        // Each reconnects after a backoff of 125–250 ms, doubling after any failed attempt: on a
        // loaded CI machine a first attempt can fail, so allow several.
        // The killed backends stay listed for a moment: wait until only new ones are.
        const deadline = Date.now() + 20_000;
        const isOld = (l: { pid: number }) => before.some((b) => b.pid === l.pid);
        let now = await listeners();
        while ((now.length < expected || now.some(isOld)) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50));
          now = await listeners();
        }
        expect(now).toHaveLength(expected);
        // New connections, not the killed ones still on the way out.
        expect(now.filter((l) => before.some((b) => b.pid === l.pid))).toEqual([]);

        const event = await makePublishedEvent(env(), organizer);
        const client = await stream(event);
        await client.waitFor('availability', 1);
        const res = await remoteOrder(event, 0, 1);
        expect(res.status).toBe(201);
        await client.waitFor('availability', 2, 1000);
      }, 90_000);
    }
  },
  { env: SUITE_ENV },
);

describeEachEngine(
  'live availability stream: holds running out, the process-wide cap',
  (env) => {
    const sse = streams(env);

    it('refuses streams beyond STREAM_CONNECTIONS_MAX in all, whoever asks', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const event = await makePublishedEvent(env(), organizer);
      const path = `/api/events/${event.id}/availability/stream`;
      expect((await sse.connect(path)).status).toBe(200);
      expect((await sse.connect('/api/analytics/live', bearer(organizer.accessToken))).status).toBe(200);
      const refused = await sse.connect(path);
      expect(refused.status).toBe(429);
      expect(refused.json()).toMatchObject({ code: 'rate_limited' });
    });

    it('pushes when the earliest hold expires, by its own timer (no write, no sweep)', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer);
      const client = await sse.connect(`/api/events/${event.id}/availability/stream`);
      const before = dataOf(await client.waitFor('availability', 1));
      const held = await placeOrderOk(env(), buyer, {
        eventId: event.id,
        items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 5 }],
      });
      expect(dataOf(await client.waitFor('availability', 2)).ticketTypes[0]!.remaining).toBe(
        before.ticketTypes[0]!.remaining - 5,
      );

      // Move the clock to 600 ms before the hold ends; the timer follows the clock it was armed on.
      const lead = 600;
      const recording = sse.record(env().app.live.availability.signals, ofEvent(event.id));
      env().clock.set(new Date(new Date(held.expiresAt).getTime() - lead));
      env().app.live.availability.rearmExpiryTimers();
      const movedAt = performance.now();
      // This clock stands still: the timer fires `lead` later, finds the hold not run out, takes it
      // for no change (no notice, so no flush) and waits again.
      const early = await recording.next(
        (s): s is Extract<AvailabilitySignal, { kind: 'expiry' }> => s.kind === 'expiry',
      );
      const firedAt = performance.now();
      expect(early.due).toBe(false);
      expect(firedAt - movedAt).toBeGreaterThanOrEqual(lead - 50);
      await drained(env(), client);
      expect(recording.seen).toEqual([early]);
      expect(client.events('availability')).toHaveLength(2);
      // Time passes for the manual clock too, as it would for a real one.
      env().clock.advance(lead);
      const released = await client.waitFor('availability', 3, 2000);
      const waited = released.at - firedAt;
      expect(waited).toBeGreaterThanOrEqual(lead - 50);
      expect(waited).toBeLessThan(lead + 1000);
      expect(dataOf(released)).toEqual(before);
      // Nothing wrote anything: the order is still pending until the sweep tidies it.
      const row = await env()
        .ctx.db.selectFrom('orders')
        .select('status')
        .where('id', '=', held.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
    });
  },
  { env: { ...SUITE_ENV, STREAM_CONNECTIONS_MAX: '2' } },
);
