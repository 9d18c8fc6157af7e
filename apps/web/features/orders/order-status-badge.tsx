import type { Ticket } from '@eventhub/client';
import { ORDER_STATUS_LABELS, TICKET_STATUS_LABELS } from './order-status';
import type { OrderStatus } from './orders-api';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`badge badge-order-${status}`}>{ORDER_STATUS_LABELS[status]}</span>;
}

export function TicketStatusBadge({ status }: { status: Ticket['status'] }) {
  return <span className={`badge badge-ticket-${status}`}>{TICKET_STATUS_LABELS[status]}</span>;
}
