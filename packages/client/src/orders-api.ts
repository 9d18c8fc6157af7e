import type { Client } from 'openapi-fetch';
import type { paths } from './generated/schema';
import type {
  AdminOrdersQuery,
  ChangeHolderInput,
  EventOrdersQuery,
  PageQuery,
  PlaceOrderInput,
  RefundInput,
} from './types';
import { unwrap } from './unwrap';

/** `api.orders.*`: checkout, payment, history, refunds. */
export function ordersApi(client: Client<paths>) {
  const id = (orderId: string) => ({ params: { path: { id: orderId } } });
  return {
    /** Pass one `idempotencyKey` per checkout attempt and reuse it on retries of that attempt. */
    place: (body: PlaceOrderInput, idempotencyKey?: string) =>
      unwrap(
        client.POST('/api/orders', {
          body,
          ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
        }),
      ),
    pay: (orderId: string, outcome?: 'succeeded' | 'failed') =>
      unwrap(client.POST('/api/orders/{id}/pay', { ...id(orderId), body: outcome ? { outcome } : {} })),
    cancel: (orderId: string) => unwrap(client.POST('/api/orders/{id}/cancel', id(orderId))),
    mine: (query: PageQuery = {}) => unwrap(client.GET('/api/orders', { params: { query } })),
    get: (orderId: string) => unwrap(client.GET('/api/orders/{id}', id(orderId))),
    tickets: (orderId: string) => unwrap(client.GET('/api/orders/{id}/tickets', id(orderId))),
    refund: (orderId: string, body: RefundInput = {}, idempotencyKey?: string) =>
      unwrap(
        client.POST('/api/orders/{id}/refunds', {
          ...id(orderId),
          body,
          ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
        }),
      ),
    /** A ticket's new holder (buyer or order-token holder): the ticket comes back with a new code. */
    changeHolder: (orderId: string, ticketId: string, body: ChangeHolderInput) =>
      unwrap(
        client.PATCH('/api/orders/{id}/tickets/{ticketId}', {
          params: { path: { id: orderId, ticketId } },
          body,
        }),
      ),
    /** "Find my tickets": 202 whatever the address; its orders' links are mailed to it. */
    lookup: (email: string) => unwrap(client.POST('/api/orders/lookup', { body: { email } })),
    /** An event's orders, for its organizer. */
    ofEvent: (eventId: string, query: EventOrdersQuery = {}) =>
      unwrap(client.GET('/api/events/{id}/orders', { params: { path: { id: eventId }, query } })),
  };
}

export function adminOrdersApi(client: Client<paths>) {
  return {
    list: (query: AdminOrdersQuery = {}) => unwrap(client.GET('/api/admin/orders', { params: { query } })),
  };
}
