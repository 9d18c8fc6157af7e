import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '@eventhub/core';
import { createTestDatabase, testEngines, type TestDatabase } from '@eventhub/core/testing';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { authSettings } from '../src/context';
import {
  errorLogLines,
  freePort,
  runApiMain,
  stopProcess,
  waitUntilReady,
  type RunningProcess,
} from './support/api-processes';
import { mintBuyers, type Buyer } from './support/crowd';
import { FakeStripe } from './support/fake-stripe';
import { call, tally, until, type Reply } from './support/process-http';
import { testRedisUrl } from './support/redis';
import { SseClient } from './support/sse-client';
import { TEST_JWT_SECRET } from './support/test-env';

const APP_SECRET = 'test-app-secret-that-is-long-enough-0123456789';
const ISSUER = 'http://eventhub.multi-process.test';
const PASSWORD = 'correct horse battery staple';
const WEBHOOK_SECRET = 'whsec_test_secret_for_multi_process';
const signer = new Stripe('sk_test_unused');

if (testEngines().includes('postgres')) {
  describe('three API processes on one PostgreSQL, limits shared through Redis', () => {
    let database: TestDatabase;
    let dataDir: string;
    // Every process pays through (fake) Stripe, whose refusals make refunds owed.
    let stripe: FakeStripe;
    const processes: RunningProcess[] = [];
    const urls: string[] = [];
    let organizerToken = '';

    beforeAll(async () => {
      [database, stripe] = await Promise.all([createTestDatabase('postgres'), new FakeStripe().start()]);
      dataDir = mkdtempSync(path.join(tmpdir(), 'eventhub-multi-'));
      const prefix = `eventhub-test-${randomUUID()}:`;
      const ports = await Promise.all([freePort(), freePort(), freePort()]);
      for (const port of ports) {
        const proc = runApiMain({
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: database.location,
          // One DATA_DIR: local mode's mail goes to its outbox folder, where deliveries are counted.
          DATA_DIR: dataDir,
          SERVE_WEB: 'false',
          DEMO_SEED: 'false',
          LOG_LEVEL: 'warn',
          JWT_SECRET: TEST_JWT_SECRET,
          APP_SECRET,
          JWT_ISSUER: ISSUER,
          PUBLIC_CACHE_TTL_MS: '0',
          // 600 requests at once on two loaded cores wait for a pooled connection and the hot
          // tier's row lock longer than the outage limits (2 s, 2.5 s) allow; this suite is about
          // who gets the seats, not about outages.
          DATABASE_CONNECT_TIMEOUT_MS: '60000',
          DATABASE_QUERY_TIMEOUT_MS: '60000',
          TRUST_PROXY: 'true',
          STREAM_CONNECTIONS_PER_IP: '2',
          REDIS_URL: testRedisUrl(),
          REDIS_KEY_PREFIX: prefix,
          STRIPE_SECRET_KEY: 'sk_test_eventhub_fake',
          STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
          STRIPE_API_BASE: stripe.url,
        });
        processes.push(proc);
        urls.push(`http://127.0.0.1:${port}`);
      }
      await Promise.all(processes.map((p, i) => waitUntilReady(p, urls[i]!)));

      const signUp = await call(`${urls[0]}/api/auth/register`, {
        body: {
          email: `organizer-${randomUUID()}@example.test`,
          password: PASSWORD,
          name: 'Organizer',
          role: 'organizer',
        },
      });
      expect(signUp.status).toBe(201);
      organizerToken = String(signUp.body.accessToken);
    }, 120_000);

    afterAll(async () => {
      const codes = await Promise.all(processes.map((p) => stopProcess(p)));
      const errors = processes.flatMap((p) => errorLogLines(p.output()));
      await Promise.all([database?.dispose(), stripe?.stop()]);
      expect(errors, 'no error logged by any process').toEqual([]);
      expect(codes, 'every process drains and exits cleanly on SIGTERM').toEqual([0, 0, 0]);
      expect(stripe.unexpected, 'nothing asked of Stripe that it does not offer').toEqual([]);
    }, 60_000);

    /** Posts `event` to a process's webhook route the way Stripe does: JSON body, signed header. */
    function stripeDelivers(url: string, event: object): Promise<Reply> {
      const payload = JSON.stringify(event);
      const signature = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
      return fetch(`${url}/api/payments/stripe/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body: payload,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Reply['body'] }));
    }

    /** The buyer starts paying on one process (a PaymentIntent); returns the intent's id. */
    async function startPaying(
      url: string,
      buyer: Buyer,
      orderId: string,
    ): Promise<Reply & { intent?: string }> {
      const started = await call(`${url}/api/orders/${orderId}/pay`, { token: buyer.accessToken, body: {} });
      if (started.status !== 200) return started;
      expect(started.body.payment).toMatchObject({ provider: 'stripe', clientSecret: expect.any(String) });
      const { payment_ref } = await database.db
        .selectFrom('orders')
        .select('payment_ref')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      return { ...started, intent: payment_ref! };
    }

    /** Stripe tells a process the intent succeeded: the order is paid there. */
    function paymentSucceeded(url: string, orderId: string, intent: string): Promise<Reply> {
      return stripeDelivers(url, {
        id: `evt_paid_${orderId}`,
        object: 'event',
        type: 'payment_intent.succeeded',
        data: {
          object: {
            id: intent,
            object: 'payment_intent',
            created: Math.floor(Date.now() / 1000),
            metadata: { orderId },
          },
        },
      });
    }

    async function publishedEvent(seats: number): Promise<{ id: string; tier: string }> {
      const created = await call(`${urls[0]}/api/events`, {
        token: organizerToken,
        body: {
          name: `Rush ${randomUUID().slice(0, 6)}`,
          capacity: seats,
          startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          ticketTypes: [{ name: 'General', price: 25, limit: seats }],
          promotions: [],
        },
      });
      expect(created.status).toBe(201);
      const id = String(created.body.id);
      expect(
        (await call(`${urls[1]}/api/events/${id}/publish`, { method: 'POST', token: organizerToken })).status,
      ).toBe(200);
      const tiers = created.body.ticketTypes as { id: string }[];
      return { id, tier: tiers[0]!.id };
    }

    function minted(count: number): Promise<Buyer[]> {
      const config = loadConfig({ JWT_ISSUER: ISSUER, JWT_SECRET: TEST_JWT_SECRET });
      return mintBuyers(
        { ctx: { db: database.db, auth: authSettings(config, TEST_JWT_SECRET) }, clock: systemClock },
        count,
      );
    }

    it('600 buyers split across the processes for 50 seats: exactly 50 sold, each mailed once', async () => {
      const event = await publishedEvent(50);
      const buyers = await minted(600);
      const outcomes = await Promise.all(
        buyers.map(async (buyer, i) => {
          const url = urls[i % urls.length]!;
          const placed = await call(`${url}/api/orders`, {
            token: buyer.accessToken,
            body: { eventId: event.id, items: [{ ticketTypeId: event.tier, quantity: 1 }] },
          });
          if (placed.status !== 201) return placed;
          // Paid on the next processes: any process starts and settles any order's payment.
          const orderId = String(placed.body.id);
          const started = await startPaying(urls[(i + 1) % urls.length]!, buyer, orderId);
          if (!started.intent) return started;
          return paymentSucceeded(urls[(i + 2) % urls.length]!, orderId, started.intent);
        }),
      );
      expect(tally(outcomes)).toEqual({ '200': 50, '409 sold_out': 550 });

      const tickets = await database.db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_id', '=', event.id)
        .executeTakeFirstOrThrow();
      expect(Number(tickets.n)).toBe(50);
      const paid = await database.db
        .selectFrom('orders')
        .select('buyer_id')
        .where('event_id', '=', event.id)
        .where('status', '=', 'paid')
        .execute();
      expect(paid).toHaveLength(50);
      for (const url of urls) {
        const seen = await call(`${url}/api/events/${event.id}`);
        expect((seen.body.ticketTypes as { remaining: number }[])[0]!.remaining).toBe(0);
      }

      // Every process's background work races for the 50 confirmations: each goes out once.
      const mailed = new Set(paid.map((o) => `crowd-${o.buyer_id}@example.test`));
      await until('the confirmations to be sent', async () => {
        const left = await database.db
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .execute();
        return left.length === 0 ? true : undefined;
      });
      const outboxDir = path.join(dataDir, 'outbox');
      const sentTo = readdirSync(outboxDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => (JSON.parse(readFileSync(path.join(outboxDir, f), 'utf8')) as { to: string }).to)
        .filter((to) => mailed.has(to));
      expect(sentTo).toHaveLength(50);
      expect(new Set(sentTo).size).toBe(50);
      const rows = await database.db.selectFrom('outbox').select(['status', 'attempts']).execute();
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    }, 90_000);

    it('expires each run-out hold once while every process sweeps', async () => {
      const event = await publishedEvent(30);
      const holders = await minted(15);
      // Two one-seat holds each (the per-buyer limit), spread over the processes: sold out.
      const held = await Promise.all(
        [...holders, ...holders].map((buyer, i) =>
          call(`${urls[i % urls.length]}/api/orders`, {
            token: buyer.accessToken,
            body: { eventId: event.id, items: [{ ticketTypeId: event.tier, quantity: 1 }] },
          }),
        ),
      );
      expect(held.map((h) => h.status)).toEqual(Array(30).fill(201));
      const holdIds = held.map((h) => String(h.body.id));
      // Their holds run out (the clock of a real process cannot be moved; the deadline can).
      await database.db
        .updateTable('orders')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', 'in', holdIds)
        .execute();

      // Each newcomer finds the counters full and sweeps the event on its process, all at once.
      const newcomers = await minted(60);
      const outcomes = await Promise.all(
        newcomers.map((buyer, i) =>
          call(`${urls[i % urls.length]}/api/orders`, {
            token: buyer.accessToken,
            body: { eventId: event.id, items: [{ ticketTypeId: event.tier, quantity: 1 }] },
          }),
        ),
      );
      // Newcomers take the freed seats; a newcomer whose sweep came after the others had already
      // freed and retaken them is told sold_out, as it should be.
      const placed = outcomes.filter((o) => o.status === 201).length;
      expect(placed).toBeGreaterThan(0);
      expect(tally(outcomes)).toEqual({ '201': placed, '409 sold_out': 60 - placed });

      const expiredAudits = await database.db
        .selectFrom('audit_log')
        .select('target_id')
        .where('action', '=', 'order.expired')
        .where('target_id', 'in', holdIds)
        .execute();
      expect(expiredAudits.map((a) => a.target_id).sort()).toEqual([...holdIds].sort());
      const statuses = await database.db
        .selectFrom('orders')
        .select('status')
        .where('id', 'in', holdIds)
        .execute();
      expect(statuses.every((s) => s.status === 'expired')).toBe(true);
      const counters = await database.db
        .selectFrom('events')
        .select(['held', 'sold'])
        .where('id', '=', event.id)
        .executeTakeFirstOrThrow();
      expect(counters).toEqual({ held: placed, sold: 0 });
    }, 60_000);

    // Issue 14: refund retries are background work every process runs; each refund is still paid once.
    it('pays each refund exactly once when Stripe refused its first attempt and every process retries it', async () => {
      const owed = 30;
      const event = await publishedEvent(owed + urls.length);
      const buyers = await minted(owed + urls.length);
      // One ticket each, paid through Stripe on the processes in turn.
      const orders = await Promise.all(
        buyers.map(async (buyer, i) => {
          const placed = await call(`${urls[i % urls.length]}/api/orders`, {
            token: buyer.accessToken,
            body: { eventId: event.id, items: [{ ticketTypeId: event.tier, quantity: 1 }] },
          });
          expect(placed.status).toBe(201);
          const orderId = String(placed.body.id);
          const { intent } = await startPaying(urls[(i + 1) % urls.length]!, buyer, orderId);
          return { orderId, intent: intent! };
        }),
      );
      // The last few stay unpaid for now: their payments, arriving later, wake each process.
      const refunded = orders.slice(0, owed);
      const refundedIds = refunded.map((o) => o.orderId);
      const wakers = orders.slice(owed);
      const paid = await Promise.all(
        refunded.map((o, i) => paymentSucceeded(urls[i % urls.length]!, o.orderId, o.intent)),
      );
      expect(tally(paid)).toEqual({ '200': owed });

      // The organizer refunds them all on the processes in turn; Stripe refuses each first attempt.
      stripe.refuseRefunds(owed);
      const made = await Promise.all(
        refunded.map((o, i) =>
          call(`${urls[i % urls.length]}/api/orders/${o.orderId}/refunds`, {
            token: organizerToken,
            body: { reason: 'Venue moved' },
          }),
        ),
      );
      expect(tally(made)).toEqual({ '201': owed });
      expect(made.map((m) => m.body.status)).toEqual(Array(owed).fill('pending'));
      const refundIds = made.map((m) => String(m.body.id));
      const refundCalls = (refundId: string) =>
        stripe.calls.filter((c) => c.path === '/v1/refunds' && c.idempotencyKey === `refund-${refundId}`);
      expect(refundIds.map((id) => refundCalls(id).map((c) => c.status))).toEqual(Array(owed).fill([402]));

      // Their retry falls due (a minute later; a real process's clock cannot be moved, the due time
      // can) and a payment lands on every process at once: each wakes and runs its pass.
      await database.db
        .updateTable('refunds')
        .set({ next_attempt_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', 'in', refundIds)
        .execute();
      const woken = await Promise.all(wakers.map((o, i) => paymentSucceeded(urls[i]!, o.orderId, o.intent)));
      expect(tally(woken)).toEqual({ '200': urls.length });
      await until(
        'the owed refunds to be paid',
        async () => {
          const left = await database.db
            .selectFrom('refunds')
            .select('id')
            .where('id', 'in', refundIds)
            .where('status', '!=', 'succeeded')
            .execute();
          return left.length === 0 ? true : undefined;
        },
        10_000,
      );

      // One refused and one paid call per refund, under its own key: nobody's money went back twice.
      expect(refundIds.map((id) => refundCalls(id).map((c) => c.status))).toEqual(
        Array(owed).fill([402, 200]),
      );
      expect(stripe.calls.filter((c) => c.path === '/v1/refunds')).toHaveLength(2 * owed);
      const rows = await database.db
        .selectFrom('refunds')
        .select(['id', 'status', 'attempts', 'provider_ref'])
        .where('id', 'in', refundIds)
        .execute();
      expect(rows).toHaveLength(owed);
      for (const row of rows)
        expect(row).toMatchObject({
          status: 'succeeded',
          attempts: 2,
          provider_ref: expect.stringMatching(/^re_fake_/),
        });
      const orderRows = await database.db
        .selectFrom('orders')
        .select(['status', 'refunded_amount'])
        .where('id', 'in', refundedIds)
        .execute();
      expect(orderRows).toEqual(Array(owed).fill({ status: 'refunded', refunded_amount: 2500 }));
      const audit = await database.db
        .selectFrom('audit_log')
        .select(['action', 'target_id', 'details'])
        .where('target_id', 'in', refundIds)
        .where('action', 'like', 'refund.%')
        .execute();
      const entries = (action: string) =>
        audit
          .filter((a) => a.action === action)
          .map((a) => [a.target_id, (JSON.parse(a.details) as { attempt: number }).attempt])
          .sort();
      expect(entries('refund.succeeded')).toEqual(refundIds.map((id) => [id, 2]).sort());
      expect(entries('refund.attempt_failed')).toEqual(refundIds.map((id) => [id, 1]).sort());
      expect(audit.filter((a) => !['refund.succeeded', 'refund.attempt_failed'].includes(a.action))).toEqual(
        [],
      );
    }, 60_000);

    it('the 21st login attempt from one IP is 429 on whichever process it reaches', async () => {
      const ip = '198.51.100.21';
      for (let i = 0; i < 20; i++) {
        const attempt = await call(`${urls[i % urls.length]}/api/auth/login`, {
          ip,
          body: { email: `nobody-${i}@example.test`, password: 'not the password' },
        });
        expect(attempt.status).toBe(401);
      }
      for (const url of urls) {
        const refused = await call(`${url}/api/auth/login`, {
          ip,
          body: { email: 'nobody-else@example.test', password: 'not the password' },
        });
        expect(refused.status).toBe(429);
        expect(refused.body.code).toBe('rate_limited');
      }
    }, 60_000);

    it("an account's failures on one process slow its next attempt on another", async () => {
      const email = `owner-${randomUUID()}@example.test`;
      expect(
        (await call(`${urls[2]}/api/auth/register`, { body: { email, password: PASSWORD, name: 'Owner' } }))
          .status,
      ).toBe(201);
      // Five free failures and one more, each from its own address and process.
      for (let i = 0; i < 6; i++) {
        const guess = await call(`${urls[i % urls.length]}/api/auth/login`, {
          ip: `192.0.2.${i + 10}`,
          body: { email, password: 'a wrong guess' },
        });
        expect(guess.status).toBe(401);
      }
      const waiting = await call(`${urls[0]}/api/auth/login`, {
        ip: '192.0.2.99',
        body: { email, password: PASSWORD },
      });
      expect(waiting.status).toBe(429);
      await new Promise((r) => setTimeout(r, 1_100));
      const signedIn = await call(`${urls[1]}/api/auth/login`, {
        ip: '192.0.2.99',
        body: { email, password: PASSWORD },
      });
      expect(signedIn.status).toBe(200);
      // The success cleared the account everywhere: a wrong guess is a plain 401 again.
      const after = await call(`${urls[2]}/api/auth/login`, {
        ip: '192.0.2.98',
        body: { email, password: 'a wrong guess' },
      });
      expect(after.status).toBe(401);
    }, 60_000);

    it('caps live streams per client IP across the processes, and a closed one frees its slot', async () => {
      const event = await publishedEvent(10);
      const ip = '203.0.113.77';
      // Each stream on its own connection, which closing hangs up, as a browser's EventSource does.
      // (An aborted fetch keeps its socket until its pool's idle timeout, and every process's
      // shutdown waited those 4 s for it.)
      const open = (url: string) =>
        SseClient.connect(`${url}/api/events/${event.id}/availability/stream`, { 'x-forwarded-for': ip });
      const first = await open(urls[0]!);
      const second = await open(urls[1]!);
      expect([first.status, second.status]).toEqual([200, 200]);
      const third = await open(urls[2]!);
      expect(third.status).toBe(429);
      expect(third.json<{ code: string }>().code).toBe('rate_limited');

      first.close();
      const again = await until('the closed stream to free its slot', async () => {
        const attempt = await open(urls[2]!);
        return attempt.status === 200 ? attempt : undefined;
      });
      second.close();
      again.close();
    }, 60_000);
  });
}

if (testEngines().includes('sqlite')) {
  describe('several processes on SQLite', () => {
    it('refuses WEB_CONCURRENCY=2 with a message naming it', async () => {
      const proc = runApiMain({
        WEB_CONCURRENCY: '2',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'eventhub-sqlite-')),
        SERVE_WEB: 'false',
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
      });
      expect(await proc.exited).toBe(1);
      expect(proc.output()).toContain('WEB_CONCURRENCY');
      expect(proc.output()).toContain('DATABASE_URL');
    }, 60_000);
  });
}
