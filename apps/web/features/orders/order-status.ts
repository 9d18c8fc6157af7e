import type { Order, Ticket } from '@eventhub/client';
import type { OrderStatus } from './orders-api';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending',
  'paid',
  'failed',
  'cancelled',
  'expired',
  'partially_refunded',
  'refunded',
];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Awaiting payment',
  paid: 'Paid',
  failed: 'Payment failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

export const TICKET_STATUS_LABELS: Record<Ticket['status'], string> = {
  valid: 'Valid',
  used: 'Checked in',
  void: 'Void',
};

export function parseOrderStatus(value: string | null): OrderStatus | undefined {
  return ORDER_STATUSES.find((s) => s === value);
}

/**
 * The status a person should see. The API expires holds on a sweep and at read time, so an order
 * fetched just before its hold ran out still says `pending`; past `expiresAt` it is expired.
 */
export function effectiveStatus(order: Pick<Order, 'status' | 'expiresAt'>, now: number): OrderStatus {
  if (order.status === 'pending' && Date.parse(order.expiresAt) <= now) return 'expired';
  return order.status;
}

/** Tickets that can still be refunded: not void already. */
/** Tickets a refund may cover: a buyer's never includes one already used at the door (the API refuses it). */
export function refundableTickets(order: Pick<Order, 'status' | 'tickets'>, asBuyer: boolean): Ticket[] {
  if (order.status !== 'paid' && order.status !== 'partially_refunded') return [];
  return (order.tickets ?? []).filter((t) => t.status === 'valid' || (!asBuyer && t.status === 'used'));
}

export function ticketCount(order: Pick<Order, 'items'>): number {
  return order.items.reduce((sum, item) => sum + item.quantity, 0);
}
