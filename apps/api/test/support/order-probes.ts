import type { OrderBody } from './factories';
import { bearer, json, type TestEnv } from './test-env';

/** The public availability of an event, as an anonymous reader sees it. */
export async function availability(env: TestEnv, eventId: string) {
  return json<{ remaining: number; ticketTypes: { id: string; remaining: number; soldOut: boolean }[] }>(
    await env.app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/availability`,
      headers: { authorization: '' },
    }),
  );
}

/** The event row's seat counters. */
export async function counters(env: TestEnv, eventId: string) {
  return env.ctx.db
    .selectFrom('events')
    .select(['sold', 'held'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
}

/** POST /api/orders/:id/refunds as the bearer of `token`. */
export function refund(
  env: TestEnv,
  token: string,
  orderId: string,
  payload: object = {},
  headers: Record<string, string> = {},
) {
  return env.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/refunds`,
    headers: { ...bearer(token), ...headers },
    payload,
  });
}

/** GET /api/orders/:id as the bearer of `token`. */
export async function viewOrder(env: TestEnv, token: string, orderId: string): Promise<OrderBody> {
  return json<OrderBody>(
    await env.app.inject({ method: 'GET', url: `/api/orders/${orderId}`, headers: bearer(token) }),
  );
}
