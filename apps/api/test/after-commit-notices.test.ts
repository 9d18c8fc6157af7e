import { availabilitySnapshot } from '@eventhub/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDoor, ticketsFor, validate } from './support/door';
import {
  buyTickets,
  GOOD_PASSWORD,
  makeEvent,
  makePublishedEvent,
  pay,
  placeOrderOk,
  signInAdmin,
  signUp,
  uniqueEmail,
  type EventBody,
  type SignedIn,
} from './support/factories';
import { FakeStripe } from './support/fake-stripe';
import { jpegWithGps, multipart } from './support/images';
import { refund } from './support/order-probes';
import { postStripeWebhook } from './support/stripe-webhook';
import { bearer, describeEachEngine, json, type TestEnv } from './support/test-env';

/*
 * Issue 13: a write that changes what others watch (an event's availability, status or figures)
 * must say so after it commits (`deps.afterCommit.eventChanged`), or live streams and dashboards
 * go stale. This suite walks every write route the app serves — the list comes from the app, not
 * from this file — makes one successful call of each, and compares every event before and after:
 * each event that changed must have been published on the live bus during the call, and new
 * outbox mail must have woken the background worker.
 */

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WEBHOOK_SECRET = 'whsec_after_commit_notices';
const fake = await new FakeStripe().start();
afterAll(() => fake.stop());

/** Everyone a scenario may act as; made once per engine. */
interface World {
  env: TestEnv;
  /** Reads every event's figures for the snapshots (and edits users). */
  admin: SignedIn;
  organizer: SignedIn;
  /** Door staff of `organizer`. */
  staff: SignedIn;
  buyer: SignedIn;
  /**
   * A published event with sales, a hold and a check-in, where the scenarios that claim to change
   * no event act: one event for all of them keeps the snapshots small.
   */
  watched: EventBody;
}

interface Prepared {
  /** The one call under test. */
  call: () => Promise<LightMyRequestResponse>;
  /** The event the call must change; required when the scenario says it changes one. */
  event?: string;
}

interface Scenario {
  title: string;
  /** `event`: the call changes exactly the event `prepare` names. Otherwise why it changes none. */
  changes: 'event' | { none: string };
  /** The call queues mail (the outbox grows). */
  mail?: boolean;
  /** Served only when Stripe is configured: runs in the Stripe suite. */
  stripe?: boolean;
  /** Sets up what the call needs; the snapshots are taken around `call` only. */
  prepare: (w: World) => Promise<Prepared>;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the scenarios.

/** One request as `token`'s holder (anonymous without one). */
function send(
  w: World,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: { token?: string; payload?: object } = {},
) {
  return w.env.app.inject({
    method,
    url,
    ...(options.token ? { headers: bearer(options.token) } : {}),
    ...(options.payload ? { payload: options.payload } : {}),
  });
}

function asOrganizer(w: World, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return send(w, method, url, { token: w.organizer.accessToken, ...(payload ? { payload } : {}) });
}

function smallEvent(w: World, overrides: Record<string, unknown> = {}): Promise<EventBody> {
  return makePublishedEvent(w.env, w.organizer, {
    name: 'Notice check',
    capacity: 20,
    ticketTypes: [{ name: 'GA', price: 25, limit: 20 }],
    promotions: [],
    ...overrides,
  });
}

function seats(event: EventBody, quantity = 1) {
  return { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity }] };
}

async function promotionOf(w: World, event: EventBody): Promise<string> {
  const res = await asOrganizer(w, 'POST', `/api/events/${event.id}/promotions`, {
    code: `SAVE${Math.floor(Math.random() * 1e6)}`,
    kind: 'percent',
    value: 10,
  });
  if (res.statusCode !== 201) throw new Error(`promotion failed: ${res.statusCode} ${res.body}`);
  return json<{ id: string }>(res).id;
}

/** A pending order whose payment was started with (fake) Stripe; returns it with its intent id. */
async function stripePendingOrder(w: World) {
  const event = await smallEvent(w);
  const order = await placeOrderOk(w.env, w.buyer, seats(event, 2));
  const started = await pay(w.env, w.buyer, order.id);
  if (started.statusCode !== 200) throw new Error(`pay failed: ${started.statusCode} ${started.body}`);
  const { payment_ref } = await w.env.ctx.db
    .selectFrom('orders')
    .select('payment_ref')
    .where('id', '=', order.id)
    .executeTakeFirstOrThrow();
  return { event, order, intent: payment_ref! };
}

function intentEvent(type: string, intentId: string, orderId: string) {
  return {
    id: `evt_${type}_${orderId}`,
    object: 'event',
    type,
    data: { object: { id: intentId, object: 'payment_intent', metadata: { orderId } } },
  };
}

// ---------------------------------------------------------------------------------------------
// One or more successful calls of every write route, keyed by "METHOD /path/pattern".

const SCENARIOS: Record<string, Scenario[]> = {
  // Identity: accounts and sessions, which no event's availability or figures depend on.
  'POST /api/auth/register': [
    {
      title: 'sign up',
      changes: { none: 'a new account holds no seats and has bought nothing' },
      prepare: async (w) => ({
        call: () =>
          send(w, 'POST', '/api/auth/register', {
            payload: { email: uniqueEmail(), password: GOOD_PASSWORD, name: 'New' },
          }),
      }),
    },
  ],
  'POST /api/auth/login': [
    {
      title: 'log in',
      changes: { none: 'a session is no seat' },
      prepare: async (w) => {
        const user = await signUp(w.env);
        return {
          call: () =>
            send(w, 'POST', '/api/auth/login', {
              payload: { email: user.user.email, password: user.password },
            }),
        };
      },
    },
  ],
  'POST /api/auth/refresh': [
    {
      title: 'rotate a refresh token',
      changes: { none: 'a session is no seat' },
      prepare: async (w) => {
        const user = await signUp(w.env);
        return {
          call: () => send(w, 'POST', '/api/auth/refresh', { payload: { refreshToken: user.refreshToken } }),
        };
      },
    },
  ],
  'POST /api/auth/logout': [
    {
      title: 'log out a buyer who holds seats',
      changes: { none: 'ending a session leaves the holds and tickets of its user as they are' },
      prepare: async (w) => {
        const user = await signUp(w.env);
        await placeOrderOk(w.env, user, seats(w.watched));
        return {
          call: () =>
            send(w, 'POST', '/api/auth/logout', {
              token: user.accessToken,
              payload: { refreshToken: user.refreshToken },
            }),
        };
      },
    },
  ],
  'PATCH /api/auth/me': [
    {
      title: 'rename an attendee',
      changes: { none: 'figures count the attendee fields given with each ticket, not the profile' },
      prepare: async (w) => {
        const user = await signUp(w.env);
        await buyTickets(w.env, user, seats(w.watched));
        return {
          call: () =>
            send(w, 'PATCH', '/api/auth/me', { token: user.accessToken, payload: { name: 'Renamed Buyer' } }),
        };
      },
    },
  ],
  'PATCH /api/admin/users/:id': [
    {
      title: 'disable a buyer who holds seats',
      changes: { none: "disabling revokes sessions only: the user's holds and tickets stay" },
      prepare: async (w) => {
        const user = await signUp(w.env);
        await placeOrderOk(w.env, user, seats(w.watched));
        return {
          call: () =>
            send(w, 'PATCH', `/api/admin/users/${user.user.id}`, {
              token: w.admin.accessToken,
              payload: { disabled: true },
            }),
        };
      },
    },
  ],
  'POST /api/organizer/staff': [
    {
      title: 'add door staff',
      changes: { none: 'staff scan tickets; creating them admits nobody' },
      prepare: async (w) => ({
        call: () =>
          asOrganizer(w, 'POST', '/api/organizer/staff', {
            email: uniqueEmail('door'),
            name: 'Another Door',
            password: 'a long door staff password',
          }),
      }),
    },
  ],
  'POST /api/organizer/signing-keys/rotate': [
    {
      title: 'rotate the ticket-signing key of an organizer with sales',
      changes: {
        none: 'codes signed before stay valid (retired keys still verify); nothing is sold or voided',
      },
      prepare: async (w) => ({ call: () => asOrganizer(w, 'POST', '/api/organizer/signing-keys/rotate') }),
    },
  ],

  // Events and their catalogue.
  'POST /api/events': [
    {
      title: 'create an event',
      changes: {
        none: 'a new event is a draft, seen only by its organizer, who gets it in the answer (checked below)',
      },
      prepare: async (w) => ({
        call: () =>
          asOrganizer(w, 'POST', '/api/events', {
            name: 'Brand new',
            capacity: 10,
            ticketTypes: [{ name: 'GA', price: 10, limit: 10 }],
          }),
      }),
    },
  ],
  'PATCH /api/events/:id': [
    {
      title: 'lower the capacity of a published event',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w, {
          ticketTypes: [
            { name: 'GA', price: 25, limit: 15 },
            { name: 'VIP', price: 60, limit: 5 },
          ],
        });
        return {
          event: event.id,
          call: () => asOrganizer(w, 'PATCH', `/api/events/${event.id}`, { capacity: 16 }),
        };
      },
    },
  ],
  'DELETE /api/events/:id': [
    {
      title: 'delete a published event nobody ordered from',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        return { event: event.id, call: () => asOrganizer(w, 'DELETE', `/api/events/${event.id}`) };
      },
    },
  ],
  'POST /api/events/:id/publish': [
    {
      title: 'publish a draft',
      changes: 'event',
      prepare: async (w) => {
        const event = await makeEvent(w.env, w.organizer, {
          startsAt: new Date(w.env.clock.now().getTime() + 10 * 86_400_000).toISOString(),
        });
        return { event: event.id, call: () => asOrganizer(w, 'POST', `/api/events/${event.id}/publish`) };
      },
    },
  ],
  'POST /api/events/:id/unpublish': [
    {
      title: 'take a published event off sale',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        return { event: event.id, call: () => asOrganizer(w, 'POST', `/api/events/${event.id}/unpublish`) };
      },
    },
  ],
  'POST /api/events/:id/cancel': [
    {
      title: 'cancel an event with a paid order and a hold',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        await buyTickets(w.env, w.buyer, seats(event, 2));
        await placeOrderOk(w.env, w.buyer, seats(event));
        return { event: event.id, call: () => asOrganizer(w, 'POST', `/api/events/${event.id}/cancel`) };
      },
    },
  ],
  'POST /api/events/:id/ticket-types': [
    {
      title: 'add a tier to a published event',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w, { capacity: null });
        return {
          event: event.id,
          call: () =>
            asOrganizer(w, 'POST', `/api/events/${event.id}/ticket-types`, {
              name: 'VIP',
              price: 90,
              limit: 5,
            }),
        };
      },
    },
  ],
  'PATCH /api/events/:id/ticket-types/:ticketTypeId': [
    {
      title: "lower a tier's limit",
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const tier = event.ticketTypes[0]!.id;
        return {
          event: event.id,
          call: () => asOrganizer(w, 'PATCH', `/api/events/${event.id}/ticket-types/${tier}`, { limit: 7 }),
        };
      },
    },
  ],
  'DELETE /api/events/:id/ticket-types/:ticketTypeId': [
    {
      title: 'remove an unsold tier',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w, {
          ticketTypes: [
            { name: 'GA', price: 25, limit: 10 },
            { name: 'Late', price: 35, limit: 10 },
          ],
        });
        const tier = event.ticketTypes[1]!.id;
        return {
          event: event.id,
          call: () => asOrganizer(w, 'DELETE', `/api/events/${event.id}/ticket-types/${tier}`),
        };
      },
    },
  ],
  'POST /api/events/:id/promotions': [
    {
      title: 'add a promo code',
      changes: { none: 'a code changes prices for later orders, not seats or sales so far' },
      prepare: async (w) => ({
        call: () =>
          asOrganizer(w, 'POST', `/api/events/${w.watched.id}/promotions`, {
            code: 'LATE5',
            kind: 'percent',
            value: 5,
          }),
      }),
    },
  ],
  'PATCH /api/events/:id/promotions/:promotionId': [
    {
      title: 'edit a promo code',
      changes: { none: 'a code changes prices for later orders, not seats or sales so far' },
      prepare: async (w) => {
        const promo = await promotionOf(w, w.watched);
        return {
          call: () =>
            asOrganizer(w, 'PATCH', `/api/events/${w.watched.id}/promotions/${promo}`, {
              value: 20,
              maxUses: 3,
            }),
        };
      },
    },
  ],
  'DELETE /api/events/:id/promotions/:promotionId': [
    {
      title: 'remove an unused promo code',
      changes: { none: 'only a code nobody used can go: no sale counted it' },
      prepare: async (w) => {
        const promo = await promotionOf(w, w.watched);
        return { call: () => asOrganizer(w, 'DELETE', `/api/events/${w.watched.id}/promotions/${promo}`) };
      },
    },
  ],
  'PUT /api/events/:id/image': [
    {
      title: "replace a published event's image",
      changes: { none: 'a picture is no seat, status or sale' },
      prepare: async (w) => {
        const body = multipart('poster.jpg', 'image/jpeg', await jpegWithGps());
        return {
          call: () =>
            w.env.app.inject({
              method: 'PUT',
              url: `/api/events/${w.watched.id}/image`,
              headers: { ...bearer(w.organizer.accessToken), ...body.headers },
              payload: body.payload,
            }),
        };
      },
    },
  ],

  // Orders and payments.
  'POST /api/orders': [
    {
      title: 'hold seats',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        return {
          event: event.id,
          call: () =>
            send(w, 'POST', '/api/orders', { token: w.buyer.accessToken, payload: seats(event, 2) }),
        };
      },
    },
    {
      title: 'take free seats (paid at once, tickets mailed)',
      changes: 'event',
      mail: true,
      prepare: async (w) => {
        const event = await smallEvent(w, { ticketTypes: [{ name: 'Free', price: 0, limit: 20 }] });
        return {
          event: event.id,
          call: () => send(w, 'POST', '/api/orders', { token: w.buyer.accessToken, payload: seats(event) }),
        };
      },
    },
  ],
  'POST /api/orders/:id/pay': [
    {
      title: 'pay (test provider: succeeded; tickets mailed)',
      changes: 'event',
      mail: true,
      prepare: async (w) => {
        const event = await smallEvent(w);
        const order = await placeOrderOk(w.env, w.buyer, seats(event, 2));
        return { event: event.id, call: () => pay(w.env, w.buyer, order.id) };
      },
    },
    {
      title: 'pay (test provider: failed, the hold is released)',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const order = await placeOrderOk(w.env, w.buyer, seats(event, 2));
        return { event: event.id, call: () => pay(w.env, w.buyer, order.id, 'failed') };
      },
    },
  ],
  'POST /api/orders/:id/cancel': [
    {
      title: 'cancel a pending order',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const order = await placeOrderOk(w.env, w.buyer, seats(event, 2));
        return {
          event: event.id,
          call: () => send(w, 'POST', `/api/orders/${order.id}/cancel`, { token: w.buyer.accessToken }),
        };
      },
    },
  ],
  'POST /api/orders/:id/refunds': [
    {
      title: 'refund one ticket of a paid order',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const order = await buyTickets(w.env, w.buyer, seats(event, 2));
        return {
          event: event.id,
          call: () =>
            refund(w.env, w.organizer.accessToken, order.id, { ticketIds: [order.tickets![0]!.id] }),
        };
      },
    },
  ],
  'POST /api/payments/stripe/webhook': [
    {
      title: 'Stripe reports a payment succeeded (tickets mailed)',
      changes: 'event',
      mail: true,
      stripe: true,
      prepare: async (w) => {
        const { event, order, intent } = await stripePendingOrder(w);
        const delivery = intentEvent('payment_intent.succeeded', intent, order.id);
        return {
          event: event.id,
          call: () => postStripeWebhook(w.env, delivery, { secret: WEBHOOK_SECRET }),
        };
      },
    },
    {
      title: 'Stripe reports a payment failed (the hold is released)',
      changes: 'event',
      stripe: true,
      prepare: async (w) => {
        const { event, order, intent } = await stripePendingOrder(w);
        const delivery = intentEvent('payment_intent.payment_failed', intent, order.id);
        return {
          event: event.id,
          call: () => postStripeWebhook(w.env, delivery, { secret: WEBHOOK_SECRET }),
        };
      },
    },
  ],

  // The door.
  'POST /api/tickets/validate': [
    {
      title: 'admit a ticket at the door',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const { tickets } = await ticketsFor(w.env, w.buyer, event);
        return {
          event: event.id,
          call: () => validate(w.env, w.staff, { code: tickets[0]!.code, eventId: event.id }),
        };
      },
    },
  ],
  'POST /api/events/:id/checkins/sync': [
    {
      title: 'upload offline scans',
      changes: 'event',
      prepare: async (w) => {
        const event = await smallEvent(w);
        const { tickets } = await ticketsFor(w.env, w.buyer, event, 2);
        const scannedAt = w.env.clock.now().toISOString();
        return {
          event: event.id,
          call: () =>
            send(w, 'POST', `/api/events/${event.id}/checkins/sync`, {
              token: w.staff.accessToken,
              payload: { deviceId: 'door-2', scans: tickets.map((t) => ({ code: t.code, scannedAt })) },
            }),
        };
      },
    },
  ],
  'POST /api/tickets/:id/reissue': [
    {
      title: 'reissue a leaked ticket code',
      changes: { none: 'the same seat gets a new code: nothing is sold, refunded or admitted' },
      prepare: async (w) => {
        const { tickets } = await ticketsFor(w.env, w.buyer, w.watched);
        return {
          call: () =>
            send(w, 'POST', `/api/tickets/${tickets[0]!.id}/reissue`, { token: w.buyer.accessToken }),
        };
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// What the app serves.

/**
 * Every "METHOD /path" the app serves, read from Fastify's own route tree (`printRoutes`), which
 * also lists routes hidden from the OpenAPI document. Each line is a path segment under its
 * parent (four characters of indentation per level) with the methods served there.
 */
function servedRoutes(env: TestEnv): Set<string> {
  const tree = env.app.printRoutes({ commonPrefix: false });
  const routes = new Set<string>();
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth > 0 ? prefixes[depth - 1]! : '') + match[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.add(`${method} ${path}`);
  }
  return routes;
}

function writeRoutes(env: TestEnv): string[] {
  return [...servedRoutes(env)].filter((route) => WRITE_METHODS.has(route.split(' ')[0]!)).sort();
}

/** The write operations of the OpenAPI document, as "METHOD /path/:param". */
function documentedWriteRoutes(env: TestEnv): string[] {
  const paths = (env.app.swagger() as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .map((method) => method.toUpperCase())
      .filter((method) => WRITE_METHODS.has(method))
      .map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

// ---------------------------------------------------------------------------------------------
// What others watch of an event.

interface EventState {
  status: string;
  /** The public availability, as the live stream sends it, and when its earliest hold runs out. */
  availability: unknown;
  /** The organizer dashboard's row: sales, revenue with refunds, seats, check-ins. */
  figures: unknown;
}

/**
 * Every event in the database, since a write may change an event other than the one it names:
 * availability from `availabilitySnapshot` (what the live stream reads), figures from one
 * dashboard read of the organizer, who owns every event this suite makes.
 */
async function snapshotAll(w: World): Promise<Map<string, EventState>> {
  const events = await w.env.ctx.db.selectFrom('events').select(['id', 'organizer_id']).execute();
  const foreign = events.filter((e) => e.organizer_id !== w.organizer.user.id);
  if (foreign.length > 0)
    throw new Error(`events of another organizer would go unwatched: ${foreign.map((e) => e.id).join(', ')}`);
  const dashboard = await w.env.app.inject({
    method: 'GET',
    url: '/api/analytics/organizer',
    headers: bearer(w.organizer.accessToken),
  });
  if (dashboard.statusCode !== 200)
    throw new Error(`organizer analytics: ${dashboard.statusCode} ${dashboard.body}`);
  const rows = json<{
    events: {
      eventId: string;
      orders: number;
      ticketsSold: number;
      revenue: unknown;
      capacity: unknown;
      checkIns: unknown;
    }[];
  }>(dashboard).events;
  const figures = new Map(
    rows.map(({ eventId, orders, ticketsSold, revenue, capacity, checkIns }) => [
      eventId,
      { orders, ticketsSold, revenue, capacity, checkIns },
    ]),
  );
  const states = new Map<string, EventState>();
  await Promise.all(
    events.map(async ({ id }) => {
      const snapshot = await availabilitySnapshot(w.env.ctx, id);
      if (!snapshot) return; // deleted meanwhile
      states.set(id, {
        status: snapshot.status,
        availability: {
          ...snapshot.availability,
          nextHoldExpiry: snapshot.nextHoldExpiry?.toISOString() ?? null,
        },
        figures: figures.get(id) ?? null,
      });
    }),
  );
  return states;
}

async function outboxSize(env: TestEnv): Promise<number> {
  const { n } = await env.ctx.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Which parts of an event changed ('deleted' when it is gone). */
function differences(before: EventState, after: EventState | undefined): string[] {
  if (!after) return ['deleted'];
  return (['status', 'availability', 'figures'] as const).filter(
    (part) => JSON.stringify(before[part]) !== JSON.stringify(after[part]),
  );
}

/** Runs one scenario with live.publish and background.kick watched, and checks what it reported. */
async function runScenario(w: World, route: string, scenario: Scenario): Promise<void> {
  const { env } = w;
  const prepared = await scenario.prepare(w);
  const live = env.app.live;
  const background = env.app.background;
  const publish = live.publish;
  const kick = background.kick;
  const published: string[] = [];
  let kicks = 0;

  const before = await snapshotAll(w);
  const mailBefore = await outboxSize(env);
  live.publish = (eventId) => {
    published.push(eventId);
    publish.call(live, eventId);
  };
  background.kick = () => {
    kicks++;
    kick.call(background);
  };
  let response: LightMyRequestResponse;
  try {
    response = await prepared.call();
  } finally {
    live.publish = publish;
    background.kick = kick;
  }
  // Reports are made after commit and before the use case returns, so they are all in by now:
  // nothing is awaited or slept on here, which is what makes a late (asynchronous) report fail.
  const after = await snapshotAll(w);
  const mailAfter = await outboxSize(env);
  // Let the pass a kick started finish before the next scenario.
  if (kicks > 0) await background.runOnce();

  const label = `${route} (${scenario.title})`;
  expect(
    Math.floor(response.statusCode / 100),
    `${label} must succeed: ${response.statusCode} ${response.body.slice(0, 300)}`,
  ).toBe(2);

  const changed = new Map<string, string[]>();
  for (const [id, state] of before) {
    const parts = differences(state, after.get(id));
    if (parts.length > 0) changed.set(id, parts);
  }
  const problems: string[] = [];
  for (const [id, state] of after) {
    if (before.has(id)) continue;
    // Nobody can watch an event that did not exist; a draft is seen only by its organizer, who
    // made it. A new event anyone else could see would need a notice like any change.
    if (state.status === 'draft') continue;
    changed.set(id, [`created ${state.status}`]);
  }
  for (const [id, parts] of changed) {
    if (!published.includes(id))
      problems.push(
        `${label}: event ${id} changed (${parts.join(', ')}) but live.publish(${id}) was not called` +
          ` (published: [${published.join(', ')}])`,
      );
  }
  if (mailAfter > mailBefore && kicks === 0)
    problems.push(`${label}: ${mailAfter - mailBefore} mail(s) queued but background.kick() was not called`);
  expect(problems.join('\n'), 'every change is reported after commit').toBe('');

  const expected = scenario.changes === 'event' ? [prepared.event] : [];
  expect(
    [...changed.keys()],
    scenario.changes === 'event'
      ? `${label} must change event ${prepared.event}, and only it`
      : `${label} is said to change no event (${scenario.changes.none}), yet changed ${JSON.stringify([...changed])}`,
  ).toEqual(expected);
  expect(mailAfter > mailBefore, `${label} ${scenario.mail ? 'queues' : 'queues no'} mail`).toBe(
    !!scenario.mail,
  );
}

// ---------------------------------------------------------------------------------------------

function walk(stripe: boolean) {
  return (env: () => TestEnv) => {
    let world: World | undefined;
    const w = () => {
      if (!world) throw new Error('world not ready');
      return world;
    };
    beforeAll(async () => {
      const organizer = await signUp(env(), { role: 'organizer' });
      const door = await openDoor(env(), organizer);
      const buyer = await signUp(env());
      world = {
        env: env(),
        admin: await signInAdmin(env()),
        organizer,
        staff: door.staff,
        buyer,
        watched: door.event,
      };
      // With Stripe, a sale needs a webhook; that suite's scenarios do not act on this event.
      if (stripe) return;
      const { tickets } = await ticketsFor(env(), buyer, door.event, 2);
      await placeOrderOk(env(), buyer, seats(door.event));
      const scan = await validate(env(), door.staff, { code: tickets[0]!.code });
      if (scan.statusCode !== 200) throw new Error(`check-in failed: ${scan.statusCode} ${scan.body}`);
    });
    afterAll(() => {
      expect(fake.unexpected, 'no unexpected call to Stripe').toEqual([]);
    });

    it('has a scenario for every write route the app serves, and none for a route it does not', () => {
      const served = writeRoutes(env());
      // The parser reads the route tree right: it finds every write the OpenAPI document lists.
      expect(served.length).toBeGreaterThan(20);
      expect(documentedWriteRoutes(env()).filter((route) => !served.includes(route))).toEqual([]);

      const covered = Object.entries(SCENARIOS)
        .filter(([, variants]) => stripe || variants.some((v) => !v.stripe))
        .map(([route]) => route)
        .sort();
      expect(
        served.filter((route) => !covered.includes(route)),
        'write routes without a scenario: add one to SCENARIOS',
      ).toEqual([]);
      expect(
        covered.filter((route) => !served.includes(route)),
        'scenarios for routes the app no longer serves',
      ).toEqual([]);
    });

    for (const [route, variants] of Object.entries(SCENARIOS)) {
      for (const scenario of variants) {
        if (!!scenario.stripe !== stripe) continue;
        it(`${route}: ${scenario.title}`, () => runScenario(w(), route, scenario));
      }
    }
  };
}

describeEachEngine('after-commit notices: every write route reports what it changed', walk(false), {
  env: { MAX_PENDING_ORDERS_PER_BUYER: '10000' },
});

describeEachEngine('after-commit notices: every write route, Stripe configured (webhook)', walk(true), {
  env: {
    MAX_PENDING_ORDERS_PER_BUYER: '10000',
    STRIPE_SECRET_KEY: 'sk_test_eventhub_fake',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: fake.url,
  },
});
