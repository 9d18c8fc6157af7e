import { ApiError, type Api, type Problem } from '@eventhub/client';

/**
 * Orders, payments, refunds and tickets over the client's raw openapi-fetch client, until
 * `@eventhub/client` has `api.orders.*` wrappers of its own. Every shape below is read off the
 * generated OpenAPI types through these calls, so it cannot drift from the API.
 */

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The typed body on success, an ApiError otherwise (as packages/client/src/unwrap.ts does). */
async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.ok) return data as T;
  const problem: Problem =
    error && typeof error === 'object' && 'code' in error
      ? (error as Problem)
      : { type: 'about:blank', title: response.statusText, status: response.status, code: 'http_error' };
  throw new ApiError(problem);
}

export type AgeRange = '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+' | 'under-18';

export interface AttendeeInput {
  name: string;
  email: string;
  ageRange?: AgeRange | null;
  country?: string | null;
}

export interface PlaceOrderInput {
  eventId: string;
  items: { ticketTypeId: string; quantity: number }[];
  promoCode?: string | null;
  /** Optional; when given, exactly one per ticket, in item order. */
  attendees?: AttendeeInput[];
}

export interface OrderFilterQuery {
  q?: string;
  status?: OrderStatus;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface AdminOrderFilterQuery extends OrderFilterQuery {
  eventId?: string;
  organizerId?: string;
}

const idempotent = (key: string) => ({ 'Idempotency-Key': key });

export function ordersApi(client: Api) {
  const raw = client.raw;
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    /** Holds the tickets until `expiresAt`. `idempotencyKey`: one per checkout attempt, reused on a retry. */
    place: (body: PlaceOrderInput, idempotencyKey: string) =>
      unwrap(raw.POST('/api/orders', { body, headers: idempotent(idempotencyKey) })),
    /** The built-in test provider pays (or fails) as asked; Stripe answers with a client secret. */
    pay: (id: string, outcome?: 'succeeded' | 'failed') =>
      unwrap(raw.POST('/api/orders/{id}/pay', { ...path(id), body: outcome ? { outcome } : {} })),
    cancel: (id: string) => unwrap(raw.POST('/api/orders/{id}/cancel', path(id))),
    mine: (query: { page?: number; pageSize?: number } = {}) =>
      unwrap(raw.GET('/api/orders', { params: { query } })),
    /** One order with its tickets: for its buyer, its event's organizer and admins. */
    get: (id: string) => unwrap(raw.GET('/api/orders/{id}', path(id))),
    tickets: (id: string) => unwrap(raw.GET('/api/orders/{id}/tickets', path(id))),
    refund: (id: string, body: { ticketIds?: string[]; reason?: string }, idempotencyKey: string) =>
      unwrap(
        raw.POST('/api/orders/{id}/refunds', { ...path(id), body, headers: idempotent(idempotencyKey) }),
      ),
    forEvent: (eventId: string, query: OrderFilterQuery = {}) =>
      unwrap(raw.GET('/api/events/{id}/orders', { params: { path: { id: eventId }, query } })),
    all: (query: AdminOrderFilterQuery = {}) => unwrap(raw.GET('/api/admin/orders', { params: { query } })),
    /** A ticket's QR code as a PNG; it needs the access token, so it cannot be a plain <img src>. */
    qrImage: async (ticketId: string): Promise<Blob> => {
      const { data, response } = await raw.GET('/api/tickets/{id}/qr.png', {
        ...path(ticketId),
        parseAs: 'blob',
      });
      if (!response.ok || !(data instanceof Blob)) {
        throw new ApiError({
          type: 'about:blank',
          title: response.statusText,
          status: response.status,
          code: 'http_error',
        });
      }
      return data;
    },
  };
}

type OrdersApi = ReturnType<typeof ordersApi>;
export type Order = Awaited<ReturnType<OrdersApi['get']>>;
export type OrderStatus = Order['status'];
export type OrderLine = Order['items'][number];
export type Ticket = Awaited<ReturnType<OrdersApi['tickets']>>[number];
export type Refund = Awaited<ReturnType<OrdersApi['refund']>>;
export type OrdersPage = Awaited<ReturnType<OrdersApi['mine']>>;

/** `ordersApi` per client, so components can write `orders(client).get(id)` inside `authed`. */
const cache = new WeakMap<Api, OrdersApi>();
export function orders(client: Api): OrdersApi {
  let api = cache.get(client);
  if (!api) {
    api = ordersApi(client);
    cache.set(client, api);
  }
  return api;
}
