import { randomUUID } from 'node:crypto';
import { ensureAdmin } from '@eventhub/core';
import type { TestEnv } from './test-env';

export interface SignedIn {
  user: { id: string; email: string; role: string; name: string };
  accessToken: string;
  refreshToken: string;
  password: string;
}

export const GOOD_PASSWORD = 'correct horse battery staple';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Signs up through the API; overrides go straight into the request body. */
export async function signUp(env: TestEnv, overrides: Record<string, unknown> = {}): Promise<SignedIn> {
  const body = { email: uniqueEmail(), password: GOOD_PASSWORD, name: 'Test User', ...overrides };
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  return { ...(res.json() as Omit<SignedIn, 'password'>), password: String(body.password) };
}

export async function logIn(env: TestEnv, email: string, password: string): Promise<SignedIn> {
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { ...(res.json() as Omit<SignedIn, 'password'>), password };
}

/** An admin made the way a real deployment makes its first one, then signed in. */
export async function signInAdmin(env: TestEnv): Promise<SignedIn> {
  const email = uniqueEmail('admin');
  await ensureAdmin(env.ctx, { email, password: GOOD_PASSWORD });
  return logIn(env, email, GOOD_PASSWORD);
}

/** The seed payload of API.md, exactly as written there. */
export const SEED_EVENT = {
  name: 'Tech Conference 2025',
  capacity: 500,
  ticketTypes: [
    { name: 'Early Bird', price: 299, limit: 100 },
    { name: 'Regular', price: 399, limit: 300 },
    { name: 'VIP', price: 599, limit: 50 },
  ],
  promotions: ['EARLY25', 'GROUP10'],
};

export interface EventBody {
  id: string;
  status: string;
  ticketTypes: {
    id: string;
    name: string;
    price: number;
    limit: number;
    remaining: number;
    soldOut: boolean;
  }[];
  promotions?: { id: string; code: string; kind: string; value: number; uses: number }[];
  [key: string]: unknown;
}

/** Creates an event through the API (the seed payload unless overridden) and returns its body. */
export async function makeEvent(
  env: TestEnv,
  organizer: SignedIn,
  overrides: Record<string, unknown> = {},
): Promise<EventBody> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/events',
    headers: { authorization: `Bearer ${organizer.accessToken}` },
    payload: { ...SEED_EVENT, ...overrides },
  });
  if (res.statusCode !== 201) throw new Error(`event creation failed: ${res.statusCode} ${res.body}`);
  return res.json() as EventBody;
}

/** Creates and publishes an event starting in `daysAhead` days. */
export async function makePublishedEvent(
  env: TestEnv,
  organizer: SignedIn,
  overrides: Record<string, unknown> = {},
  daysAhead = 30,
): Promise<EventBody> {
  const startsAt = new Date(env.clock.now().getTime() + daysAhead * 86_400_000).toISOString();
  const event = await makeEvent(env, organizer, { startsAt, ...overrides });
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/events/${event.id}/publish`,
    headers: { authorization: `Bearer ${organizer.accessToken}` },
  });
  if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  return res.json() as EventBody;
}

export interface OrderBody {
  id: string;
  status: string;
  expiresAt: string;
  subtotal: number;
  discount: number;
  total: number;
  refunded: number;
  currency: string;
  items: { ticketTypeId: string; quantity: number; unitPrice: number; discount: number; total: number }[];
  tickets?: {
    id: string;
    ticketTypeId: string;
    holderName: string;
    status: string;
    code: string;
    qrUrl: string;
    price: number;
  }[];
  [key: string]: unknown;
}

/** POST /api/orders as `buyer`; returns the raw response so tests can check failures too. */
export function order(
  env: TestEnv,
  buyer: SignedIn,
  body: { eventId: string; items: { ticketTypeId: string; quantity: number }[]; [key: string]: unknown },
  headers: Record<string, string> = {},
) {
  return env.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { authorization: `Bearer ${buyer.accessToken}`, ...headers },
    payload: body,
  });
}

export async function placeOrderOk(
  env: TestEnv,
  buyer: SignedIn,
  body: Parameters<typeof order>[2],
): Promise<OrderBody> {
  const res = await order(env, buyer, body);
  if (res.statusCode !== 201) throw new Error(`order failed: ${res.statusCode} ${res.body}`);
  return res.json() as OrderBody;
}

export async function pay(
  env: TestEnv,
  buyer: SignedIn,
  orderId: string,
  outcome: 'succeeded' | 'failed' = 'succeeded',
) {
  return env.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/pay`,
    headers: { authorization: `Bearer ${buyer.accessToken}` },
    payload: { outcome },
  });
}

/** A paid order through the API: place, then pay with the test provider. */
export async function buyTickets(
  env: TestEnv,
  buyer: SignedIn,
  body: Parameters<typeof order>[2],
): Promise<OrderBody> {
  const placed = await placeOrderOk(env, buyer, body);
  if (placed.status === 'paid') return placed;
  const res = await pay(env, buyer, placed.id);
  if (res.statusCode !== 200) throw new Error(`payment failed: ${res.statusCode} ${res.body}`);
  return res.json() as OrderBody;
}
