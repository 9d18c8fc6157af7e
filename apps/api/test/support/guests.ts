import { uniqueEmail, type OrderBody } from './factories';
import { json, type TestEnv } from './test-env';

/** A guest's order as placed: the 201 body with its token. */
export interface GuestOrder extends OrderBody {
  reference: string;
  orderToken: string;
  buyerId: string | null;
  buyer: { name: string; email: string };
}

export interface GuestBuyer {
  email: string;
  name: string;
}

export function newGuest(prefix = 'guest'): GuestBuyer {
  return { email: uniqueEmail(prefix), name: 'Gail Guest' };
}

/** POST /api/orders without a bearer token. */
export function guestOrder(
  env: TestEnv,
  body: { eventId: string; items: { ticketTypeId: string; quantity: number }[]; [key: string]: unknown },
  options: { buyer?: GuestBuyer | null; headers?: Record<string, string>; ip?: string } = {},
) {
  const buyer = options.buyer === undefined ? newGuest() : options.buyer;
  return env.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: options.headers ?? {},
    ...(options.ip ? { remoteAddress: options.ip } : {}),
    payload: { ...body, ...(buyer ? { buyer } : {}) },
  });
}

export async function guestOrderOk(
  env: TestEnv,
  body: Parameters<typeof guestOrder>[1],
  options: Parameters<typeof guestOrder>[2] = {},
): Promise<GuestOrder> {
  const res = await guestOrder(env, body, options);
  if (res.statusCode !== 201) throw new Error(`guest order failed: ${res.statusCode} ${res.body}`);
  return json<GuestOrder>(res);
}

/** Any request with an order token in X-Order-Token (no bearer token). */
export function withToken(
  env: TestEnv,
  token: string | null,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) {
  return env.app.inject({
    method,
    url,
    headers: token === null ? {} : { 'x-order-token': token },
    ...(payload ? { payload } : {}),
  });
}

/** A guest's paid order: placed, then paid with its token. */
export async function guestPaidOrder(
  env: TestEnv,
  body: Parameters<typeof guestOrder>[1],
  options: Parameters<typeof guestOrder>[2] = {},
): Promise<GuestOrder> {
  const placed = await guestOrderOk(env, body, options);
  const res = await withToken(env, placed.orderToken, 'POST', `/api/orders/${placed.id}/pay`, {
    outcome: 'succeeded',
  });
  if (res.statusCode !== 200) throw new Error(`guest payment failed: ${res.statusCode} ${res.body}`);
  return { ...json<GuestOrder>(res), orderToken: placed.orderToken };
}

/** Every mail queued for `to`, oldest first (the outbox keeps each payload). */
export async function mailsTo(env: TestEnv, to: string): Promise<{ subject: string; text: string }[]> {
  const rows = await env.ctx.db.selectFrom('outbox').select(['payload']).orderBy('id').execute();
  return rows
    .map((r) => JSON.parse(r.payload) as { to: string; subject: string; text: string })
    .filter((m) => m.to === to);
}

/** Waits (briefly) until `check` holds: for work the API does after answering. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  ms = 5000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
