import type { Order } from '@eventhub/client';
import Link from 'next/link';
import { formatPlacedAt } from './order-dates';

/** An order's reference, linking to the order's page. */
export function OrderReferenceLink({ order }: { order: Pick<Order, 'id' | 'reference'> }) {
  return (
    <Link href={`/account/orders/${order.id}`}>
      <code>{order.reference}</code>
    </Link>
  );
}

/** The name of an order's event, linking to that event's orders. */
export function OrderEventLink({ order }: { order: { eventId: string; eventName: string } }) {
  return <Link href={`/organizer/events/${order.eventId}/orders`}>{order.eventName}</Link>;
}

/** When an order was placed. */
export function OrderPlacedAt({ order }: { order: Pick<Order, 'createdAt'> }) {
  return <time dateTime={order.createdAt}>{formatPlacedAt(order.createdAt)}</time>;
}
