import type { DbOrTx } from '../db/database';
import type { OrderRow } from '../db/schema';
import type { Actor } from '../shared/actor';
import { NotFoundError } from '../shared/errors';

export type OrderRole = 'buyer' | 'event_owner' | 'admin';

/**
 * The order and the caller's relation to it: its buyer, the organizer of its event, or an admin.
 * Anyone else gets 404, so order ids cannot be probed.
 */
export async function findOrderFor(
  db: DbOrTx,
  actor: Actor,
  orderId: string,
): Promise<{ order: OrderRow; role: OrderRole }> {
  const row = await db
    .selectFrom('orders')
    .innerJoin('events', 'events.id', 'orders.event_id')
    .selectAll('orders')
    .select('events.organizer_id')
    .where('orders.id', '=', orderId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Order');
  const { organizer_id, ...order } = row;
  if (order.buyer_id === actor.userId) return { order, role: 'buyer' };
  if (actor.role === 'admin') return { order, role: 'admin' };
  if (actor.role === 'organizer' && organizer_id === actor.userId) return { order, role: 'event_owner' };
  throw new NotFoundError('Order');
}

export async function orderSeats(
  db: DbOrTx,
  orderId: string,
): Promise<{ ticketTypeId: string; quantity: number }[]> {
  const items = await db
    .selectFrom('order_items')
    .select(['ticket_type_id', 'quantity'])
    .where('order_id', '=', orderId)
    .execute();
  return items.map((i) => ({ ticketTypeId: i.ticket_type_id, quantity: i.quantity }));
}
