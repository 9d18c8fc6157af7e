import type { DbOrTx } from '../db/database';
import type { OrderRow } from '../db/schema';
import type { Actor } from '../shared/actor';
import { NotFoundError } from '../shared/errors';
import { orderTokenMatches } from './order-links';

export type OrderRole = 'buyer' | 'event_owner' | 'admin';

/**
 * Who asks for an order: a signed-in user, or whoever presents an order's access token (a guest
 * from checkout or a mailed link; `X-Order-Token` or `?token=`), possibly while signed in too.
 */
export type OrderCaller = Actor | OrderTokenCaller;

export interface OrderTokenCaller {
  orderToken: string;
  /** The signed-in user presenting the token, if any: their own relation to the order counts too. */
  actor: Actor | null;
}

/** The user behind a caller, for the audit trail: null for a guest acting with a token. */
export function callerUserId(caller: OrderCaller): string | null {
  return 'orderToken' in caller ? (caller.actor?.userId ?? null) : caller.userId;
}

function roleOf(actor: Actor, order: OrderRow, organizerId: string): OrderRole | null {
  if (order.buyer_id !== null && order.buyer_id === actor.userId) return 'buyer';
  if (actor.role === 'admin') return 'admin';
  if (actor.role === 'organizer' && organizerId === actor.userId) return 'event_owner';
  return null;
}

/**
 * The one rule of who may reach an order: its buyer, the organizer of its event, an admin, or the
 * holder of the order's token (who may do what its buyer may). Anyone else, a wrong, truncated or
 * other order's token included, gets 404, so neither order ids nor tokens can be probed.
 */
export async function findOrderFor(
  db: DbOrTx,
  caller: OrderCaller,
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
  const actor = 'orderToken' in caller ? caller.actor : caller;
  const role = actor ? roleOf(actor, order, organizer_id) : null;
  if (role) return { order, role };
  if ('orderToken' in caller && orderTokenMatches(caller.orderToken, order.order_token_hash))
    return { order, role: 'buyer' };
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
