import type { Api, Order, PlaceOrderInput } from '@eventhub/client';
import { apiErrorOf } from '../../lib/api-problem';

/**
 * What the web app needs around `api.orders.*` that `@eventhub/client` does not have: a few
 * names for parts of its types, and a ticket's QR image (a PNG, not JSON).
 */

export type OrderStatus = Order['status'];
export type AgeRange = NonNullable<NonNullable<PlaceOrderInput['attendees']>[number]['ageRange']>;

/** A ticket's QR code as a PNG; it needs the access token, so it cannot be a plain <img src>. */
export async function ticketQrImage(client: Api, ticketId: string): Promise<Blob> {
  const { data, error, response } = await client.raw.GET('/api/tickets/{id}/qr.png', {
    params: { path: { id: ticketId } },
    parseAs: 'blob',
  });
  if (!response.ok || !(data instanceof Blob)) throw apiErrorOf(response, error);
  return data;
}

/** The order's valid tickets as a printable PDF, one page each; it needs the access token too. */
export async function orderTicketsPdf(client: Api, orderId: string): Promise<Blob> {
  const { data, error, response } = await client.raw.GET('/api/orders/{id}/tickets.pdf', {
    params: { path: { id: orderId } },
    parseAs: 'blob',
  });
  if (!response.ok || !(data instanceof Blob)) throw apiErrorOf(response, error);
  return data;
}
