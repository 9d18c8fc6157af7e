import type { LightMyRequestResponse } from 'fastify';
import { makePublishedEvent, pay, placeOrderOk, type EventBody, type SignedIn } from '../factories';
import { bearer, json, type TestEnv } from '../test-env';

/** The webhook secret of the suite that runs with (fake) Stripe configured. */
export const WEBHOOK_SECRET = 'whsec_after_commit_notices';

/** Everyone a scenario may act as; made once per engine. */
export interface World {
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

export interface Prepared {
  /** The one call under test. */
  call: () => Promise<LightMyRequestResponse>;
  /** The event the call must change; required when the scenario says it changes one. */
  event?: string;
}

export interface Scenario {
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

// Helpers for the scenarios.

/** One request as `token`'s holder (anonymous without one). */
export function send(
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

export function asOrganizer(
  w: World,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return send(w, method, url, { token: w.organizer.accessToken, ...(payload ? { payload } : {}) });
}

export function smallEvent(w: World, overrides: Record<string, unknown> = {}): Promise<EventBody> {
  return makePublishedEvent(w.env, w.organizer, {
    name: 'Notice check',
    capacity: 20,
    ticketTypes: [{ name: 'GA', price: 25, limit: 20 }],
    promotions: [],
    ...overrides,
  });
}

export function seats(event: EventBody, quantity = 1) {
  return { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0]!.id, quantity }] };
}

export async function promotionOf(w: World, event: EventBody): Promise<string> {
  const res = await asOrganizer(w, 'POST', `/api/events/${event.id}/promotions`, {
    code: `SAVE${Math.floor(Math.random() * 1e6)}`,
    kind: 'percent',
    value: 10,
  });
  if (res.statusCode !== 201) throw new Error(`promotion failed: ${res.statusCode} ${res.body}`);
  return json<{ id: string }>(res).id;
}

/** A pending order whose payment was started with (fake) Stripe; returns it with its intent id. */
export async function stripePendingOrder(w: World) {
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

export function intentEvent(type: string, intentId: string, orderId: string) {
  return {
    id: `evt_${type}_${orderId}`,
    object: 'event',
    type,
    data: { object: { id: intentId, object: 'payment_intent', metadata: { orderId } } },
  };
}
