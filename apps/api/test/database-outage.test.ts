import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@eventhub/core';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { openConfiguredDatabase } from '../src/configured-database';
import { mintBuyers, type Buyer } from './support/crowd';
import { makePublishedEvent, order, signUp, type EventBody, type SignedIn } from './support/factories';
import { listenOnLoopback } from './support/live-server';
import {
  isAllowedOutageAnswer,
  send,
  sleep,
  startLoad,
  timeUntil,
  type Answer,
  type LoadRequest,
} from './support/outage-load';
import { SseClient } from './support/sse-client';
import { TcpProxy, type ProxyMode } from './support/tcp-proxy';
import { bearer, describeEachEngine, type TestEnv } from './support/test-env';

// The contract (API.md, Operations): an answer within 5 s, never a hang.
const ANSWER_WITHIN_MS = 5_000;
// /readyz is what a load balancer probes: it must say "not ready" well inside a probe's timeout.
const READYZ_WITHIN_MS = 2_000;

let proxy: TcpProxy | undefined;
const KINDS = ['event page', 'order', 'login'];

/**
 * The app's pool and its LISTEN connection reach PostgreSQL through a TCP proxy this suite
 * controls: it cuts the database (every connection reset, new ones refused) or black-holes it
 * (connections accepted, nothing answered) under load over real HTTP, then brings it back, and
 * the same app, never rebuilt, must answer 503 within 5 s meanwhile and serve again after.
 */
describeEachEngine(
  'PostgreSQL outage under load',
  (env) => {
    let baseUrl: string;
    let organizer: SignedIn;
    let buyers: Buyer[];
    let customer: SignedIn;
    let busy: EventBody;
    let watched: EventBody;
    let stream: SseClient;
    const figures: string[] = [];

    beforeAll(async () => {
      baseUrl = await listenOnLoopback(env());
      organizer = await signUp(env(), { role: 'organizer' });
      customer = await signUp(env());
      buyers = await mintBuyers(env(), 40);
      busy = await makePublishedEvent(env(), organizer, {
        capacity: 100_000,
        ticketTypes: [{ name: 'General', price: 10, limit: 100_000 }],
      });
      // An event nothing in the load touches: only the change bus can tell its stream about it.
      watched = await makePublishedEvent(env(), organizer);
      stream = await SseClient.connect(`${baseUrl}/api/events/${watched.id}/availability/stream`);
      await stream.waitFor('availability', 1);
    });
    afterAll(async () => {
      stream?.close();
      console.info(`[database outage figures] ${figures.join('; ')}`);
    });

    let nextBuyer = 0;
    const load: LoadRequest[] = [
      { kind: 'event page', path: `/api/events/__busy__` },
      {
        kind: 'order',
        path: '/api/orders',
        init: () => ({
          method: 'POST',
          headers: {
            ...bearer(buyers[nextBuyer++ % buyers.length]!.accessToken),
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            eventId: busy.id,
            items: [{ ticketTypeId: busy.ticketTypes[0]!.id, quantity: 1 }],
          }),
        }),
      },
      { kind: 'event page', path: `/api/events/__busy__` },
      {
        kind: 'login',
        path: '/api/auth/login',
        init: () => ({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: customer.user.email, password: customer.password }),
        }),
      },
    ];
    const requests = () => load.map((r) => ({ ...r, path: r.path.replace('__busy__', busy.id) }));
    const readyz = () => send(baseUrl, { kind: 'readyz', path: '/readyz' });

    /** Runs the load through one outage of `mode`; returns what the clients saw, by phase. */
    async function outage(mode: Exclude<ProxyMode, 'forward'>, outageMs: number) {
      const running = startLoad(baseUrl, requests(), 8);
      await sleep(500);
      const before = running.answers.length;
      const cutAt = performance.now();
      await proxy!.set(mode);
      // A change the app cannot hear of while it happens: made on a direct connection.
      await changeDirectly(env(), watched, mode === 'blackhole');
      const probes: Answer[] = [];
      while (performance.now() - cutAt < outageMs) {
        probes.push(await readyz());
        await sleep(250);
      }
      const restoredAt = performance.now();
      await proxy!.set('forward');
      const recoveryMs = await timeUntil(
        async () => (await readyz()).status === 200 && (await send(baseUrl, requests()[0]!)).status === 200,
        15_000,
        `recovery after ${mode}`,
      );
      const recoveredAt = performance.now();
      // Every kind of request gets through again (logins and orders take longer than page reads).
      await timeUntil(
        async () =>
          KINDS.every((kind) =>
            running.answers.some((a) => a.sentAt >= recoveredAt && a.kind === kind && a.status < 300),
          ),
        10_000,
        `every kind of request served after ${mode}`,
      );
      const answers = await running.stop();
      return {
        all: answers,
        healthy: answers.slice(0, before),
        // Those in flight at the cut too: they are the ones a hung server leaves waiting.
        during: answers.filter((a) => a.sentAt + a.ms >= cutAt && a.sentAt < restoredAt),
        after: answers.filter((a) => a.sentAt >= recoveredAt),
        probes,
        recoveryMs,
      };
    }

    function expectContractKept(mode: string, result: Awaited<ReturnType<typeof outage>>) {
      const { all, healthy, during, after, probes } = result;
      const describe = (a: Answer) => `${a.kind} ${a.status} ${a.code ?? ''} in ${Math.round(a.ms)} ms`;
      expect(healthy.filter((a) => a.status >= 500).map(describe), 'before the outage').toEqual([]);
      expect(all.filter((a) => !isAllowedOutageAnswer(a)).map(describe), 'only 2xx, 4xx or 503').toEqual([]);
      expect(all.filter((a) => a.ms >= ANSWER_WITHIN_MS).map(describe), 'each within 5 s').toEqual([]);
      const unavailable = during.filter((a) => a.status === 503);
      expect(unavailable.length, 'requests were refused during the outage').toBeGreaterThan(0);
      expect(new Set(unavailable.map((a) => a.kind)), 'every kind of request').toEqual(new Set(KINDS));
      expect(unavailable.every((a) => Number(a.retryAfter) > 0)).toBe(true);
      // The first probe may still have caught the database up; every later one says not ready, fast.
      expect(probes.slice(1).map((p) => p.status)).toEqual(probes.slice(1).map(() => 503));
      expect(probes.filter((p) => p.ms >= READYZ_WITHIN_MS).map(describe), '/readyz within 2 s').toEqual([]);
      // Back without a rebuild: once the first request succeeds, the rest do too.
      expect(after.filter((a) => a.status >= 500).map(describe), 'after recovery').toEqual([]);
      for (const kind of KINDS)
        expect(
          after.some((a) => a.kind === kind && a.status < 300),
          `${kind} after recovery`,
        ).toBe(true);
      figures.push(
        `${mode}: ${unavailable.length} × 503, slowest 503 ${Math.round(Math.max(...unavailable.map((a) => a.ms)))} ms, ` +
          `slowest answer ${Math.round(Math.max(...during.map((a) => a.ms)))} ms, ` +
          `slowest /readyz ${Math.round(Math.max(...probes.map((p) => p.ms)))} ms, recovered ${Math.round(result.recoveryMs)} ms after restore`,
      );
    }

    it('answers 503 with Retry-After within 5 s while the database is cut off, and serves again once it is back', async () => {
      const result = await outage('refuse', 4_000);
      expectContractKept('cut', result);
      // The LISTEN connection reconnected by itself and had the streams look again: the change
      // made while it was down reaches a stream opened before the outage.
      await expectStreamShows(stream, watched, 1, 10_000);
    }, 60_000);

    it('answers 503 within 5 s while the database hangs (accepts, never answers), and serves again once it is back', async () => {
      const result = await outage('blackhole', 6_000);
      expectContractKept('black hole', result);
      await expectStreamShows(stream, watched, 2, 15_000);
    }, 60_000);

    it('hears other processes again after the outages: its LISTEN connection is back', async () => {
      await changeDirectly(env(), watched, true);
      await expectStreamShows(stream, watched, 3, 5_000);
    }, 30_000);
  },
  {
    engines: ['postgres'],
    databaseOutages: true,
    env: { ACCESS_TOKEN_TTL_SECONDS: '86400', MAX_PENDING_ORDERS_PER_BUYER: '10000' },
    connectApp: async (database) => {
      const url = new URL(database.location);
      proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      return { ...openDatabase({ databaseUrl: url.toString() }), location: url.toString() };
    },
  },
);

afterAll(async () => proxy?.close());

const CHANGE = 7;

/**
 * Takes `CHANGE` seats off the watched event's tier on the suite's direct connection, as another
 * process would; with `notify`, tells the change bus's channel as that process would.
 */
async function changeDirectly(env: TestEnv, event: EventBody, notify: boolean): Promise<void> {
  const { db } = env.database;
  await db
    .updateTable('ticket_types')
    .set((eb) => ({ quantity_limit: eb('quantity_limit', '-', CHANGE) }))
    .where('id', '=', event.ticketTypes[0]!.id)
    .execute();
  if (notify) await sql`SELECT pg_notify('eventhub_changes', ${`another-process:${event.id}`})`.execute(db);
}

/** The stream's newest availability shows `changes` of `changeDirectly`, within `timeoutMs`. */
async function expectStreamShows(stream: SseClient, event: EventBody, changes: number, timeoutMs: number) {
  const expected = event.ticketTypes[0]!.limit - changes * CHANGE;
  const remaining = () => {
    const last = stream.events('availability').at(-1);
    return last
      ? (JSON.parse(last.data) as { ticketTypes: { remaining: number }[] }).ticketTypes[0]!.remaining
      : null;
  };
  await stream.until(() => remaining() === expected, timeoutMs, `${expected} seats left on the stream`);
}

/**
 * SQLite's own outage: another process (a backup, a migration script, a second server someone
 * started by mistake) holds the write lock. A write waits out the busy timeout and answers 503
 * `database_unavailable` with Retry-After inside 5 s; reads go on (WAL); once the lock is let go,
 * writes work again in the same process.
 */
describeEachEngine(
  'SQLite write lock held by another process',
  (env) => {
    it('answers a write 503 within 5 s while the lock is held, and serves it after', async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const buyer = await signUp(env());
      const event = await makePublishedEvent(env(), organizer);
      const items = [{ ticketTypeId: event.ticketTypes[0]!.id, quantity: 1 }];

      const other = new SQLite(env().database.location);
      other.exec('BEGIN IMMEDIATE');
      try {
        const started = Date.now();
        const refused = await order(env(), buyer, { eventId: event.id, items });
        expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
        expect(refused.statusCode).toBe(503);
        expect(refused.json()).toMatchObject({ code: 'database_unavailable' });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        const read = await env().app.inject({ method: 'GET', url: `/api/events/${event.id}` });
        expect(read.statusCode).toBe(200);
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      const placed = await order(env(), buyer, { eventId: event.id, items });
      expect(placed.statusCode).toBe(201);
    }, 20_000);
  },
  { engines: ['sqlite'], databaseOutages: true },
);

/**
 * PostgreSQL still starting when the API does (compose starts both at once; a managed server
 * fails over): the start-up waits for it instead of exiting into a restart loop.
 */
describeEachEngine(
  'start-up while PostgreSQL is away',
  (env) => {
    it('waits for the database, then migrates and serves', async () => {
      const url = new URL(env().database.location);
      const gate = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
      try {
        await gate.set('refuse');
        url.hostname = '127.0.0.1';
        url.port = String(gate.port);
        const config = loadConfig({
          DATABASE_URL: url.toString(),
          DATA_DIR: mkdtempSync(path.join(tmpdir(), 'eh-')),
        });
        const waits: string[] = [];
        let opened = false;
        const opening = openConfiguredDatabase(config, (message) => waits.push(message)).then((handle) => {
          opened = true;
          return handle;
        });
        await sleep(1_500);
        expect(opened).toBe(false);
        expect(waits.length).toBeGreaterThan(0);
        await gate.set('forward');
        const handle = await opening;
        try {
          const row = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
          expect(row.rows[0]?.one).toBe(1);
        } finally {
          await handle.close();
        }
      } finally {
        await gate.close();
      }
    }, 30_000);
  },
  { engines: ['postgres'] },
);
