import { writeAudit } from '../audit/write-audit';
import type { Tx } from '../db/database';
import type { OrderRow, OrderStatus } from '../db/schema';
import type { Clock } from '../shared/clock';
import { moveSeats } from './inventory';
import { orderSeats } from './order-access';
import { giveBackPromoUse } from './promo-uses';

/**
 * Closes a pending order (expired, cancelled or failed) and gives its seats and promo use back.
 * The status change is conditional on `pending`, so of two closers (a sweep and a payment, say)
 * exactly one releases the seats. Returns false when the order was no longer pending.
 */
export async function releaseHold(
  tx: Tx,
  clock: Clock,
  order: OrderRow,
  to: Extract<OrderStatus, 'expired' | 'cancelled' | 'failed'>,
  actorId: string | null,
  ip: string | null = null,
): Promise<boolean> {
  const now = clock.now().toISOString();
  const closed = await tx
    .updateTable('orders')
    .set({ status: to, closed_at: now, updated_at: now })
    .where('id', '=', order.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(closed.numUpdatedRows) !== 1) return false;
  await moveSeats(tx, order.event_id, await orderSeats(tx, order.id), { held: -1, sold: 0 });
  if (order.promotion_id) await giveBackPromoUse(tx, order.promotion_id);
  await writeAudit(tx, clock, {
    actorId,
    action: `order.${to}`,
    targetType: 'order',
    targetId: order.id,
    ip,
    details: { eventId: order.event_id },
  });
  return true;
}
