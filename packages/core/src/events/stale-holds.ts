import type { DbOrTx } from '../db/database';

export interface StaleHolds {
  total: number;
  byTier: Map<string, number>;
}

/**
 * Seats still counted in `held` by pending orders whose hold has already run out. Reads
 * subtract them, so expired holds stop counting the moment they expire, not when the sweep runs.
 */
export async function staleHolds(
  db: DbOrTx,
  eventIds: string[],
  now: Date,
): Promise<Map<string, StaleHolds>> {
  const result = new Map<string, StaleHolds>();
  if (eventIds.length === 0) return result;
  const rows = await db
    .selectFrom('orders')
    .innerJoin('order_items', 'order_items.order_id', 'orders.id')
    .select(['orders.event_id', 'order_items.ticket_type_id'])
    .select((eb) => eb.fn.sum<number>('order_items.quantity').as('seats'))
    .where('orders.event_id', 'in', eventIds)
    .where('orders.status', '=', 'pending')
    .where('orders.expires_at', '<=', now.toISOString())
    .groupBy(['orders.event_id', 'order_items.ticket_type_id'])
    .execute();
  for (const row of rows) {
    const entry = result.get(row.event_id) ?? { total: 0, byTier: new Map<string, number>() };
    entry.total += Number(row.seats);
    entry.byTier.set(row.ticket_type_id, Number(row.seats));
    result.set(row.event_id, entry);
  }
  return result;
}

/** A row's counters as they are right now: holds that ran out no longer count. */
export function withoutStaleHolds<T extends { held: number }>(
  row: T,
  stale: StaleHolds,
  ticketTypeId?: string,
): T {
  const seats = ticketTypeId === undefined ? stale.total : (stale.byTier.get(ticketTypeId) ?? 0);
  return seats ? { ...row, held: row.held - seats } : row;
}
